package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSettingGetSet(t *testing.T) {
	s := newTestStore(t)
	steps := []struct {
		name      string
		set       *[2]string // key, value to set first; nil: only read
		key       string
		wantValue string
		wantOK    bool
		wantErr   bool
	}{
		{name: "missing", key: "posts.footer"},
		{name: "set", set: &[2]string{"posts.footer", "本群只做正规渠道"}, key: "posts.footer", wantValue: "本群只做正规渠道", wantOK: true},
		{name: "replaced", set: &[2]string{"posts.footer", "第二版"}, key: "posts.footer", wantValue: "第二版", wantOK: true},
		{name: "empty value is a value", set: &[2]string{"posts.header", ""}, key: "posts.header", wantOK: true},
		{name: "other keys untouched", key: "posts.footer", wantValue: "第二版", wantOK: true},
		{name: "empty key", key: "", wantErr: true},
		{name: "key too long", key: strings.Repeat("k", MaxSettingKeyLen+1), wantErr: true},
	}
	for _, st := range steps {
		if st.set != nil {
			if err := s.SetSetting(st.set[0], st.set[1]); err != nil {
				t.Fatalf("%s: SetSetting: %v", st.name, err)
			}
		}
		v, ok, err := s.Setting(st.key)
		if (err != nil) != st.wantErr || v != st.wantValue || ok != st.wantOK {
			t.Errorf("%s: Setting(%q) = %q, %v, %v; want %q, %v, error %v", st.name, st.key, v, ok, err, st.wantValue, st.wantOK, st.wantErr)
		}
	}
	if err := s.SetSetting("", "x"); err == nil {
		t.Error("SetSetting with an empty key succeeded")
	}
	wantCount(t, s, &Setting{}, 2)
}

func TestSettingsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	g := Group{Name: "卡盟福利群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{s.SetCurrentGroupID(g.ID), s.SetLowStockThreshold(12), s.SetSetting("x", "y")} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err1 := s.CurrentGroupID()
	n, err2 := s.LowStockThreshold()
	v, ok, err3 := s.Setting("x")
	if id != g.ID || n != 12 || v != "y" || !ok || errors.Join(err1, err2, err3) != nil {
		t.Errorf("after reopen: group %d, threshold %d, x=%q %v; %v %v %v", id, n, v, ok, err1, err2, err3)
	}
}

func TestCurrentGroupID(t *testing.T) {
	tests := []struct {
		name    string
		do      func(s *Store, a, b Group) error
		want    func(a, b Group) uint
		wantErr error
	}{
		{"never chosen", func(*Store, Group, Group) error { return nil }, func(Group, Group) uint { return 0 }, nil},
		{"chosen", func(s *Store, a, _ Group) error { return s.SetCurrentGroupID(a.ID) },
			func(a, _ Group) uint { return a.ID }, nil},
		{"chosen again", func(s *Store, a, b Group) error {
			return errors.Join(s.SetCurrentGroupID(a.ID), s.SetCurrentGroupID(b.ID))
		}, func(_, b Group) uint { return b.ID }, nil},
		{"forgotten with 0", func(s *Store, a, _ Group) error {
			return errors.Join(s.SetCurrentGroupID(a.ID), s.SetCurrentGroupID(0))
		}, func(Group, Group) uint { return 0 }, nil},
		{"unknown group refused, old choice kept", func(s *Store, a, _ Group) error {
			return errors.Join(s.SetCurrentGroupID(a.ID), s.SetCurrentGroupID(9999))
		}, func(a, _ Group) uint { return a.ID }, ErrNotFound},
		{"current group deleted", func(s *Store, a, _ Group) error {
			return errors.Join(s.SetCurrentGroupID(a.ID), s.DeleteGroup(a.ID))
		}, func(Group, Group) uint { return 0 }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			a, b := Group{Name: "甲群", Number: "10001"}, Group{Name: "乙群", Number: "10002"}
			if err := errors.Join(s.SaveGroup(&a), s.SaveGroup(&b)); err != nil {
				t.Fatal(err)
			}
			err := tt.do(s, a, b)
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			got, err := s.CurrentGroupID()
			if err != nil || got != tt.want(a, b) {
				t.Errorf("CurrentGroupID = %d, %v; want %d", got, err, tt.want(a, b))
			}
		})
	}
}

func TestLowStockThreshold(t *testing.T) {
	tests := []struct {
		name    string
		set     []int
		want    int
		refused bool // the last set is refused at the field
	}{
		{name: "default", want: DefaultLowStockThreshold},
		{name: "set", set: []int{3}, want: 3},
		{name: "set twice", set: []int{3, 20}, want: 20},
		{name: "one", set: []int{1}, want: 1},
		{name: "highest", set: []int{MaxLowStockThreshold}, want: MaxLowStockThreshold},
		{name: "zero refused", set: []int{8, 0}, want: 8, refused: true},
		{name: "negative refused", set: []int{-1}, want: DefaultLowStockThreshold, refused: true},
		{name: "too high refused", set: []int{MaxLowStockThreshold + 1}, want: DefaultLowStockThreshold, refused: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			var err error
			for _, n := range tt.set {
				err = s.SetLowStockThreshold(n)
			}
			var ve ValidationError
			if tt.refused != (errors.As(err, &ve) && ve.For("low_stock_threshold") != nil) {
				t.Fatalf("last set: %v, refused want %v", err, tt.refused)
			}
			if got, err := s.LowStockThreshold(); err != nil || got != tt.want {
				t.Errorf("LowStockThreshold = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

func TestBackupRecordsItsTime(t *testing.T) {
	now := testNow
	s, err := Open(filepath.Join(t.TempDir(), DatabaseFile), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	if _, ok, err := s.LastBackupAt(); ok || err != nil {
		t.Fatalf("new database: backed up %v, %v", ok, err)
	}
	tests := []struct {
		name    string
		clock   time.Time
		dst     string
		wantErr bool
		want    time.Time
	}{
		{"first", testNow, "a.db", false, testNow},
		{"failed: file exists", testNow.Add(time.Hour), "a.db", true, testNow},
		{"failed: no such folder", testNow.Add(2 * time.Hour), "没有这个文件夹/b.db", true, testNow},
		{"second, clock in another zone", testNow.Add(49 * time.Hour).In(time.FixedZone("CST", 8*3600)), "c.db", false, testNow.Add(49 * time.Hour)},
	}
	for _, tt := range tests {
		now = tt.clock
		err := s.Backup(filepath.Join(dir, tt.dst))
		if (err != nil) != tt.wantErr {
			t.Fatalf("%s: Backup = %v", tt.name, err)
		}
		at, ok, err := s.LastBackupAt()
		if err != nil || !ok || !at.Equal(tt.want) || at.Location() != time.UTC {
			t.Errorf("%s: LastBackupAt = %v, %v, %v; want %v UTC", tt.name, at, ok, err, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "c.db")); err != nil {
		t.Fatal(err)
	}
}

// A database made by a release with three steps gains the settings table and keeps
// its rows.
func TestOpenUpgradesStep3DatabaseWithSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	db := openRaw(t, path)
	if err := migrate(db, 3); err != nil {
		t.Fatal(err)
	}
	if db.Migrator().HasTable("settings") {
		t.Fatal("step 3 already has settings")
	}
	stmts := []string{
		`INSERT INTO groups (name, number, notes, created_at, updated_at) VALUES ('老群', '11223344', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`,
		`INSERT INTO resources (name, name_key, category_id, price_cents, original_price_cents, stock, unlimited, status, tags, search_key, created_at, updated_at)
		 VALUES ('王者荣耀点券 60元', '王者荣耀点券 60元', 1, 5500, 6000, 3, 0, 'on_sale', '', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`,
	}
	for _, q := range stmts {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	closeRaw(t, db)

	s, err := Open(path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("upgrade refused: %v", err)
	}
	defer s.Close()
	applied := appliedSteps(t, s)
	if len(applied) != len(migrations) || applied[3].ID != "0004_settings" {
		t.Fatalf("applied = %+v", applied)
	}
	gs, _ := s.Groups()
	rs, _ := s.Resources()
	if len(gs) != 1 || len(rs) != 1 || rs[0].Stock != 3 {
		t.Fatalf("after upgrade: groups %+v, resources %+v", gs, rs)
	}
	if n, err := s.LowStockThreshold(); n != DefaultLowStockThreshold || err != nil {
		t.Errorf("threshold after upgrade = %d, %v", n, err)
	}
	if err := s.SetCurrentGroupID(gs[0].ID); err != nil {
		t.Fatal(err)
	}
	if id, err := s.CurrentGroupID(); id != gs[0].ID || err != nil {
		t.Errorf("current group = %d, %v", id, err)
	}
	if err := s.Backup(filepath.Join(t.TempDir(), "b.db")); err != nil {
		t.Fatal(err)
	}
	if at, ok, err := s.LastBackupAt(); !ok || !at.Equal(testNow) || err != nil {
		t.Errorf("last backup = %v, %v, %v", at, ok, err)
	}
}
