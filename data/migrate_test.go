package data

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// openRaw opens a database file the way Open does but without migrating it, as an
// older release would have left it.
func openRaw(t *testing.T, path string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(dsn(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func closeRaw(t *testing.T, db *gorm.DB) {
	t.Helper()
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlDB.Close(); err != nil {
		t.Fatal(err)
	}
}

// appliedSteps lists the recorded migration ids, in order.
func appliedSteps(t *testing.T, s *Store) []schemaMigration {
	t.Helper()
	var applied []schemaMigration
	if err := s.db.Order("id").Find(&applied).Error; err != nil {
		t.Fatal(err)
	}
	return applied
}

func TestOpenUpgradesStep1Database(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	db := openRaw(t, path)
	if err := migrate(db, 1); err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		`INSERT INTO groups (name, number, notes, created_at, updated_at) VALUES ('老群', '11223344', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`,
		`INSERT INTO suppliers (name) VALUES ('老货源')`,
		`INSERT INTO resources (name, category_id, price_cents, original_price_cents, stock, unlimited, supplier_id, status, tags, search_key, created_at, updated_at)
		 VALUES ('王者荣耀点券 60元', 1, 5500, 6000, 7, 0, 1, 'on_sale', '王者荣耀', '王者荣耀点券 60元|wzrydq60y|', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`,
	}
	for _, q := range stmts {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if db.Migrator().HasTable("posts") {
		t.Fatal("step 1 already has posts")
	}
	closeRaw(t, db)

	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	applied := appliedSteps(t, s)
	if len(applied) != len(migrations) || applied[0].ID != "0001_catalog_and_members" || applied[1].ID != "0002_post_history" {
		t.Fatalf("applied = %+v", applied)
	}
	gs, _ := s.Groups()
	rs, _ := s.Resources()
	if len(gs) != 1 || gs[0].Number != "11223344" || len(rs) != 1 {
		t.Fatalf("after upgrade: groups %+v, resources %+v", gs, rs)
	}
	r := rs[0]
	if r.Name != "王者荣耀点券 60元" || r.PriceCents != 5500 || r.Stock != 7 || r.Unlimited ||
		r.Category.Name != "游戏类" || r.SupplierName() != "老货源" {
		t.Errorf("resource after upgrade: %+v", r)
	}
	// Step 2's tables work with step 1's rows.
	if err := s.RecordPost(&Post{GroupID: &gs[0].ID, Kind: PostIndex, Body: "【资源索引】"}, []uint{r.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path)
	if err != nil {
		t.Fatalf("re-open: %v", err)
	}
	defer s.Close()
	again := appliedSteps(t, s)
	if len(again) != len(applied) {
		t.Fatalf("re-open applied %+v", again)
	}
	for i := range again {
		if !again[i].AppliedAt.Equal(applied[i].AppliedAt) {
			t.Errorf("re-open ran step %s again", again[i].ID)
		}
	}
	wantCount(t, s, &Post{}, 1)
	wantCount(t, s, &Category{}, int64(len(DefaultCategories)))
}

func TestForeignKeysEnforced(t *testing.T) {
	s := newTestStore(t)
	g := Group{Name: "卡盟福利群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	r := saveDraft(t, s, draftNamed("王者荣耀点券 60元", "游戏类", "星辰卡盟"))
	m := saveMemberDraft(t, s, MemberDraft{QQ: "22222222", Interests: "原神", Memberships: []MembershipDraft{{GroupID: g.ID}}})
	if err := s.RecordPost(&Post{GroupID: &g.ID, Kind: PostIndex, Body: "x"}, []uint{r.ID}); err != nil {
		t.Fatal(err)
	}
	refused := []struct {
		name string
		sql  string
		args []any
	}{
		{"category holding a resource", "DELETE FROM categories WHERE id = ?", []any{r.CategoryID}},
		{"resource named in a post", "DELETE FROM resources WHERE id = ?", []any{r.ID}},
		{"resource in a missing category", "UPDATE resources SET category_id = 999 WHERE id = ?", []any{r.ID}},
		{"seat in a missing group", "INSERT INTO memberships (member_id, group_id, card_name, role) VALUES (?, 999, '', 'member')", []any{m.ID}},
		{"tag of a missing member", "INSERT INTO member_tags (member_id, kind, value) VALUES (999, 'interest', '原神')", nil},
	}
	for _, tt := range refused {
		err := s.db.Exec(tt.sql, tt.args...).Error
		if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
			t.Errorf("%s: %v, want a foreign key failure", tt.name, err)
		}
	}
	// What the schema cascades or clears, it does on its own.
	cascades := []struct {
		name  string
		sql   string
		args  []any
		model any
		want  int64
	}{
		{"supplier removed: resources keep going", "DELETE FROM suppliers", nil, &Resource{}, 1},
		{"member removed: seats go", "DELETE FROM members WHERE id = ?", []any{m.ID}, &Membership{}, 0},
		{"member removed: tags go", "SELECT 1", nil, &MemberTag{}, 0},
		{"group removed: posts stay", "DELETE FROM groups WHERE id = ?", []any{g.ID}, &Post{}, 1},
	}
	for _, tt := range cascades {
		if err := s.db.Exec(tt.sql, tt.args...).Error; err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var n int64
		s.db.Model(tt.model).Count(&n)
		if n != tt.want {
			t.Errorf("%s: %T rows = %d, want %d", tt.name, tt.model, n, tt.want)
		}
	}
	got, _ := s.Resource(r.ID)
	if got.SupplierID != nil {
		t.Errorf("supplier id not cleared: %v", *got.SupplierID)
	}
	var p Post
	s.db.First(&p)
	if p.GroupID != nil {
		t.Errorf("post keeps a deleted group's id %d", *p.GroupID)
	}
}

// Step 0003 folds names into an indexed key. Names that only differ in width or case
// could be saved before it; both survive the upgrade, and the next save of either
// asks the owner for a different name.
func TestStep3KeepsNamesThatOnlyDifferInWidth(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	db := openRaw(t, path)
	if err := migrate(db, 2); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"腾讯视频VIP月卡", "腾讯视频ＶＩＰ月卡", "优酷月卡"} {
		q := `INSERT INTO resources (name, category_id, price_cents, original_price_cents, stock, unlimited, status, tags, search_key, created_at, updated_at)
		 VALUES (?, 2, 1500, 0, 0, 1, 'on_sale', '', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`
		if err := db.Exec(q, name).Error; err != nil {
			t.Fatal(err)
		}
	}
	closeRaw(t, db)

	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("upgrade refused: %v", err)
	}
	defer s.Close()
	var keys []string
	if err := s.db.Model(&Resource{}).Order("id").Pluck("name_key", &keys).Error; err != nil {
		t.Fatal(err)
	}
	if len(keys) != 3 || keys[0] != "腾讯视频vip月卡" || !strings.HasPrefix(keys[1], "腾讯视频vip月卡#") || keys[2] != "优酷月卡" {
		t.Fatalf("name keys after the upgrade = %q", keys)
	}
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	for i := range rs {
		if rs[i].Name == "腾讯视频ＶＩＰ月卡" {
			err = s.SaveResource(&rs[i])
		}
	}
	if ve, ok := err.(ValidationError); !ok || ve.For("name") == nil {
		t.Errorf("saving the width twin again = %v, want a name problem", err)
	}
	other := Resource{Name: "优酷月卡", Category: Category{Name: "影音类"}, Status: StatusOnSale, Unlimited: true}
	if err := s.SaveResource(&other); err == nil {
		t.Error("a second 优酷月卡 was saved")
	}
}
