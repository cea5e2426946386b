package data

import (
	"strings"
	"testing"
)

// categoryOrder lists the categories as "name:position", in the owner's order.
func categoryOrder(t *testing.T, s *Store) string {
	t.Helper()
	cs, err := s.Categories()
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Name+":"+string(rune('0'+c.Position)))
	}
	return strings.Join(parts, " ")
}

func TestDefaultCategoriesSeeded(t *testing.T) {
	s := newTestStore(t)
	if got, want := categoryOrder(t, s), "游戏类:1 影音类:2 生活类:3 话费类:4"; got != want {
		t.Errorf("categories = %s, want %s", got, want)
	}
	if len(DefaultCategories) != 4 || DefaultCategories[0] != "游戏类" {
		t.Errorf("DefaultCategories = %q", DefaultCategories)
	}
}

func TestAddCategory(t *testing.T) {
	s := newTestStore(t)
	c, err := s.AddCategory(" 会员类 ")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Name != "会员类" || c.Position != 5 {
		t.Errorf("added %+v", c)
	}
	again, err := s.AddCategory("会员类")
	if err != nil || again.ID != c.ID {
		t.Errorf("adding an existing name gave %+v, %v; want the same category", again, err)
	}
	for _, name := range []string{"", strings.Repeat("类", MaxCategoryLen+1)} {
		_, err := s.AddCategory(name)
		fieldError(t, err, "category", "分类名称")
	}
	if got, want := categoryOrder(t, s), "游戏类:1 影音类:2 生活类:3 话费类:4 会员类:5"; got != want {
		t.Errorf("categories = %s, want %s", got, want)
	}
}

func TestRenameCategory(t *testing.T) {
	s := newTestStore(t)
	cs, _ := s.Categories()
	tests := []struct {
		name    string
		id      uint
		to      string
		field   string // a refusal at this field
		wantErr error
	}{
		{"to a new name", cs[0].ID, "手游类", "", nil},
		{"to its own name", cs[0].ID, "手游类", "", nil},
		{"to another's name", cs[1].ID, "手游类", "category", nil},
		{"to empty", cs[1].ID, "  ", "category", nil},
		{"unknown id", 999, "端游类", "", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.RenameCategory(tt.id, tt.to)
			if tt.field != "" {
				fieldError(t, err, tt.field, "分类")
				return
			}
			if !matchErr(err, tt.wantErr) {
				t.Errorf("RenameCategory = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if got, want := categoryOrder(t, s), "手游类:1 影音类:2 生活类:3 话费类:4"; got != want {
		t.Errorf("categories = %s, want %s", got, want)
	}
}

func TestMoveCategory(t *testing.T) {
	s := newTestStore(t)
	cs, _ := s.Categories()
	game, phone := cs[0].ID, cs[3].ID
	steps := []struct {
		name    string
		id      uint
		delta   int
		want    string
		wantErr error
	}{
		{"first up stays", game, -1, "游戏类:1 影音类:2 生活类:3 话费类:4", nil},
		{"last down stays", phone, +1, "游戏类:1 影音类:2 生活类:3 话费类:4", nil},
		{"first down", game, +1, "影音类:1 游戏类:2 生活类:3 话费类:4", nil},
		{"last up", phone, -1, "影音类:1 游戏类:2 话费类:3 生活类:4", nil},
		{"back up to the top", game, -1, "游戏类:1 影音类:2 话费类:3 生活类:4", nil},
		{"unknown", 999, -1, "游戏类:1 影音类:2 话费类:3 生活类:4", ErrNotFound},
	}
	for _, st := range steps {
		if err := s.MoveCategory(st.id, st.delta); !matchErr(err, st.wantErr) {
			t.Fatalf("%s: MoveCategory = %v, want %v", st.name, err, st.wantErr)
		}
		if got := categoryOrder(t, s); got != st.want {
			t.Errorf("%s: %s, want %s", st.name, got, st.want)
		}
	}
	c, _ := s.AddCategory("会员类") // added after a move: still last
	if c.Position != 5 {
		t.Errorf("new category at %d, want 5", c.Position)
	}
}

func TestDeleteCategory(t *testing.T) {
	s := newTestStore(t)
	r := saveDraft(t, s, draftNamed("王者荣耀点券 60元", "游戏类", ""))
	cs, _ := s.Categories()
	tests := []struct {
		name    string
		id      uint
		wantErr error
	}{
		{"holds a resource", r.CategoryID, ErrInUse},
		{"empty", cs[3].ID, nil},
		{"already deleted", cs[3].ID, ErrNotFound},
		{"never existed", 999, ErrNotFound},
	}
	for _, tt := range tests {
		if err := s.DeleteCategory(tt.id); !matchErr(err, tt.wantErr) {
			t.Errorf("%s: DeleteCategory = %v, want %v", tt.name, err, tt.wantErr)
		}
	}
	if got, want := categoryOrder(t, s), "游戏类:1 影音类:2 生活类:3"; got != want {
		t.Errorf("categories = %s, want %s", got, want)
	}
}
