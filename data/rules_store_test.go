package data

import (
	"errors"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/rulebook"
)

func rulesGroup(t *testing.T, s *Store, number string) uint {
	t.Helper()
	g := Group{Name: "群" + number, Number: number}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	return g.ID
}

func countRows(t *testing.T, s *Store, table string) int64 {
	t.Helper()
	var n int64
	if err := s.db.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSaveRulesMakesVersions(t *testing.T) {
	s, now := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	other := rulesGroup(t, s, "87654321")

	if _, ok, err := s.CurrentRules(g); err != nil || ok {
		t.Fatalf("a new group has rules: %v %v", ok, err)
	}
	v1, err := s.SaveRules(g, "", rulebook.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	*now = now.Add(24 * time.Hour)
	edited := rulebook.Defaults()
	edited[2].Body += "\n5. 新加的一条。"
	edited = append(edited[:1], edited[2:]...) // 发言规范 removed
	v2, err := s.SaveRules(g, "  交易规则加了第 5 条 ", edited)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRules(other, "", []rulebook.Section{{Title: "只有一条", Body: "别的群"}}); err != nil {
		t.Fatal(err)
	}

	cur, ok, err := s.CurrentRules(g)
	if err != nil || !ok || cur.ID != v2.ID {
		t.Fatalf("current = %d %v %v, want version %d", cur.ID, ok, err, v2.ID)
	}
	if !rulebook.Same(cur.Texts(), edited) || cur.Note != "交易规则加了第 5 条" {
		t.Errorf("current version holds %+v, note %q", cur.Texts(), cur.Note)
	}
	for i, sec := range cur.Sections {
		if sec.Position != i+1 {
			t.Errorf("section %d at position %d", i, sec.Position)
		}
	}
	h, err := s.RuleHistory(g)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].ID != v2.ID || h[0].Number != 2 || h[1].ID != v1.ID || h[1].Number != 1 {
		t.Fatalf("history %+v", h)
	}
	if !h[0].CreatedAt.Equal(now.UTC()) || !h[1].CreatedAt.Equal(h[0].CreatedAt.Add(-24*time.Hour)) {
		t.Errorf("dates %v %v", h[0].CreatedAt, h[1].CreatedAt)
	}
	// The first version is still readable as it was.
	old, err := s.RuleVersionWithSections(v1.ID)
	if err != nil || !rulebook.Same(old.Texts(), rulebook.Defaults()) {
		t.Fatalf("version 1 reads %+v, %v", old.Texts(), err)
	}
	prev, ok, err := s.PreviousRules(v2.ID)
	if err != nil || !ok || prev.ID != v1.ID || len(prev.Sections) != len(rulebook.Defaults()) {
		t.Fatalf("before version 2: %d %v %v", prev.ID, ok, err)
	}
	if _, ok, err := s.PreviousRules(v1.ID); ok || err != nil {
		t.Fatalf("version 1 has a previous one: %v %v", ok, err)
	}
	if n := countRows(t, s, "rule_versions"); n != 3 {
		t.Errorf("%d versions in the database, want 3", n)
	}
	if n, want := countRows(t, s, "rule_sections"), int64(2*len(rulebook.Defaults())-1+1); n != want {
		t.Errorf("%d sections in the database, want %d", n, want)
	}
}

func TestSaveRulesRefuses(t *testing.T) {
	s, _ := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	if _, err := s.SaveRules(g, "", rulebook.Defaults()); err != nil {
		t.Fatal(err)
	}
	same := rulebook.Defaults()
	same[0].Body += "  \n\n" // only spaces: the same rules
	same[1].Title = " " + same[1].Title
	for _, tc := range []struct {
		name     string
		group    uint
		sections []rulebook.Section
		field    string // the field refused, or "" for err
		err      error
	}{
		{"unchanged", g, same, "", ErrRulesUnchanged},
		{"no title", g, []rulebook.Section{{Title: "入群须知", Body: "a"}, {Title: " ", Body: "b"}}, "title.1", nil},
		{"none", g, nil, "sections", nil},
		{"no such group", 999, rulebook.Defaults(), "", ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveRules(tc.group, "", tc.sections)
			if tc.err != nil && !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if tc.field != "" {
				ve, ok := err.(ValidationError)
				if !ok || ve.For(tc.field) == nil {
					t.Fatalf("err = %v, want a problem with %s", err, tc.field)
				}
			}
			if n := countRows(t, s, "rule_versions"); n != 1 {
				t.Fatalf("%d versions after a refused save", n)
			}
		})
	}
}

func TestRestoreRules(t *testing.T) {
	s, _ := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	v1, _ := s.SaveRules(g, "", rulebook.Defaults())
	shorter := rulebook.Defaults()[:2]
	v2, err := s.SaveRules(g, "只留两条", shorter)
	if err != nil {
		t.Fatal(err)
	}
	v3, err := s.RestoreRules(v1.ID, "恢复为第 1 版")
	if err != nil {
		t.Fatal(err)
	}
	if v3.ID <= v2.ID || v3.Note != "恢复为第 1 版" {
		t.Fatalf("restore made version %d with note %q", v3.ID, v3.Note)
	}
	cur, _, _ := s.CurrentRules(g)
	if cur.ID != v3.ID || !reflect.DeepEqual(cur.Texts(), rulebook.Defaults()) {
		t.Fatalf("current after restore: %d %+v", cur.ID, cur.Texts())
	}
	// History is not edited: versions 1 and 2 read as before.
	if old, _ := s.RuleVersionWithSections(v2.ID); !reflect.DeepEqual(old.Texts(), shorter) || old.Note != "只留两条" {
		t.Errorf("version 2 changed: %+v", old)
	}
	if _, err := s.RestoreRules(v3.ID, ""); !errors.Is(err, ErrRulesUnchanged) {
		t.Errorf("restoring the current version: %v", err)
	}
	if _, err := s.RestoreRules(12345, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring no version: %v", err)
	}
	if h, _ := s.RuleHistory(g); len(h) != 3 {
		t.Errorf("%d versions, want 3", len(h))
	}
}

// Two saves of the same rules at once make one version: the check for "unchanged"
// and the insert are one transaction.
func TestSaveRulesConcurrently(t *testing.T) {
	s, _ := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { _, errs[i] = s.SaveRules(g, "", rulebook.Defaults()) })
	}
	wg.Wait()
	saved := 0
	for _, err := range errs {
		switch {
		case err == nil:
			saved++
		case !errors.Is(err, ErrRulesUnchanged):
			t.Fatal(err)
		}
	}
	if saved != 1 || countRows(t, s, "rule_versions") != 1 {
		t.Fatalf("%d saves succeeded, %d versions", saved, countRows(t, s, "rule_versions"))
	}
}

func TestAllRuleVersions(t *testing.T) {
	s, _ := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	_, _ = s.SaveRules(g, "", rulebook.Defaults())
	_, _ = s.SaveRules(g, "第二版", rulebook.Defaults()[1:])
	vs, err := s.AllRuleVersions()
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].ID > vs[1].ID || len(vs[1].Sections) != len(rulebook.Defaults())-1 ||
		vs[1].Sections[0].Title != rulebook.Defaults()[1].Title {
		t.Fatalf("all versions: %+v", vs)
	}
	// A deleted group's rules stay, with no group.
	if err := s.DeleteGroup(g); err != nil {
		t.Fatal(err)
	}
	vs, _ = s.AllRuleVersions()
	if len(vs) != 2 || vs[0].GroupID != nil {
		t.Fatalf("after deleting the group: %+v", vs)
	}
}

// largestRules are MaxSections sections of about MaxBodyLen characters; edit changes
// one line of each.
func largestRules(edit int) []rulebook.Section {
	ss := make([]rulebook.Section, rulebook.MaxSections)
	for i := range ss {
		body := strings.Repeat(strings.Repeat("规", 36)+"\n", 24) + "第 " + strconv.Itoa(edit) + " 次修改"
		ss[i] = rulebook.Section{Title: "规则" + strconv.Itoa(i+1), Body: body}
	}
	return ss
}

// Saving the largest rules as a new version (the check against the current one, the
// version and its 30 sections) in a group that has 200 versions already; then
// loading the current version and the history, as the 群规 screen does on show.
func BenchmarkSaveRulesLargest(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), DatabaseFile))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		if _, err := s.SaveRules(g.ID, "", largestRules(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("save", func(b *testing.B) {
		i := 200
		for b.Loop() {
			i++
			if _, err := s.SaveRules(g.ID, "", largestRules(i)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := s.CurrentRules(g.ID); err != nil {
				b.Fatal(err)
			}
			if _, err := s.RuleHistory(g.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
