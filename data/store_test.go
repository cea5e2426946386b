package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testNow is the fixed clock of store tests: 2026-11-26 10:00 in UTC.
var testNow = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// newTestStore opens a fresh database file in the test's temp folder.
func newTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), DatabaseFile), WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestOpenSetsPragmas(t *testing.T) {
	s := newTestStore(t)
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "synchronous": "1"} {
		var got string
		if err := s.db.Raw("PRAGMA " + pragma).Scan(&got).Error; err != nil {
			t.Fatalf("pragma %s: %v", pragma, err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	g := Group{Name: "王者荣耀交流群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gs, err := s.Groups()
	if err != nil || len(gs) != 1 || gs[0].Name != g.Name {
		t.Fatalf("after reopen: groups %+v, err %v", gs, err)
	}
	cs, _ := s.Categories()
	if len(cs) != len(DefaultCategories) {
		t.Fatalf("categories seeded twice or lost: %d", len(cs))
	}
}

func TestBackupOpensWithSameRows(t *testing.T) {
	s := newTestStore(t)
	g := Group{Name: "影音会员群", Number: "987654321"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), s.BackupName())
	if err := s.Backup(dst); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(dst); !errors.Is(err, os.ErrExist) {
		t.Fatalf("second backup to the same file: %v, want ErrExist", err)
	}
	b, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	gs, _ := b.Groups()
	if len(gs) != 1 || gs[0].Number != g.Number {
		t.Fatalf("backup groups = %+v", gs)
	}
}

func TestOpenRefusals(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    OpenErrorKind
	}{
		{"not a database", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("这不是数据库,只是一段文字。this is not SQLite at all, padding padding padding padding padding padding padding padding"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, OpenCorrupt},
		{"newer schema", func(t *testing.T, path string) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.db.Create(&schemaMigration{ID: "9999_from_the_future"}).Error; err != nil {
				t.Fatal(err)
			}
			s.Close()
		}, OpenNewerSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DatabaseFile)
			tt.prepare(t, path)
			_, err := Open(path)
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Kind != tt.want {
				t.Fatalf("Open = %v, want OpenError kind %d", err, tt.want)
			}
		})
	}
}

func TestOpenReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(dir, DatabaseFile))
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != OpenReadOnly {
		t.Fatalf("Open in read-only folder = %v, want OpenReadOnly", err)
	}
}

// A database file marked read-only (chmod a-w, or the read-only attribute Windows
// gives files copied from a disc or an unpacked archive) in a writable folder: SQLite
// would open it read-only without a word and the first save would fail. Open says so
// at once. The mode bits are checked even for root, who could still write the file,
// so this runs in CI as root too; TestOpenUnwritableFile covers the write probe.
func TestOpenReadOnlyFile(t *testing.T) {
	tests := []struct {
		name string
		mode os.FileMode
		want bool // refused as OpenReadOnly
	}{
		{"read-only for all", 0o444, true},
		{"read-only for the owner only", 0o400, true},
		{"writable", 0o644, false},
		{"writable by the owner only", 0o600, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), DatabaseFile)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveGroup(&Group{Name: "卡盟福利群", Number: "123456789"}); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tt.mode); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(path, 0o644) })
			s, err = Open(path)
			var oe *OpenError
			if got := errors.As(err, &oe) && oe.Kind == OpenReadOnly; got != tt.want {
				t.Fatalf("Open = %v, want refused as read-only: %v", err, tt.want)
			}
			if err != nil {
				return
			}
			defer s.Close()
			if err := s.SaveGroup(&Group{Name: "第二个群", Number: "987654321"}); err != nil {
				t.Errorf("first save after Open: %v", err)
			}
		})
	}
}

// TestOpenUnwritableFile is a file this user may not write though its mode says
// someone may: owned by another user (here: root's file, read by a plain user). Only
// the write probe after opening can tell.
func TestOpenUnwritableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file; TestOpenReadOnlyFile covers the mode bits")
	}
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Owner may not write, group and others may: the mode check lets it through, and
	// this user, as the owner, cannot write.
	if err := os.Chmod(path, 0o466); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(path, 0o644) })
	_, err = Open(path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != OpenReadOnly {
		t.Fatalf("Open = %v, want OpenReadOnly", err)
	}
}

func TestLockFolderRefusesSecondInstance(t *testing.T) {
	dir := t.TempDir()
	first, err := LockFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockFolder(dir)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != OpenInUse {
		t.Fatalf("second lock = %v, want OpenInUse", err)
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := LockFolder(dir)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	again.Unlock()
}

func TestOpenPathsWithOddCharacters(t *testing.T) {
	for _, dir := range []string{"#群活 数据", "100%", "a&b=c", "小王的 卡盟"} {
		t.Run(dir, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), dir, DatabaseFile)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("database not at %s: %v", path, err)
			}
			var mode string
			if err := s.db.Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil || mode != "wal" {
				t.Errorf("journal_mode = %q (%v): the pragmas were lost", mode, err)
			}
		})
	}
}

// A cancelled context stops a write and leaves nothing of it: the import of many rows
// rolls back whole, and a backup leaves no file.
func TestCancelledWorkLeavesNothing(t *testing.T) {
	s := newTestStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cats, err := s.Categories()
	if err != nil || len(cats) == 0 {
		t.Fatalf("categories: %v %v", cats, err)
	}
	rs := []*Resource{{Name: "甲", CategoryID: cats[0].ID}, {Name: "乙", CategoryID: cats[0].ID}}
	if err := s.WithContext(ctx).SaveResources(rs); err == nil {
		t.Fatal("a save under a cancelled context succeeded")
	}
	if got, _ := s.Resources(); len(got) != 0 {
		t.Errorf("cancelled import left %d resources", len(got))
	}
	dst := filepath.Join(t.TempDir(), "备份.db")
	if err := s.WithContext(ctx).Backup(dst); err == nil {
		t.Fatal("a backup under a cancelled context succeeded")
	}
	if left, _ := filepath.Glob(dst + "*"); len(left) != 0 {
		t.Errorf("cancelled backup left %v", left)
	}
	if err := s.Backup(dst); err != nil {
		t.Fatalf("the store still works after a cancel: %v", err)
	}
}

func TestTransaction(t *testing.T) {
	errStop := errors.New("stop")
	tests := []struct {
		name       string
		fn         func(tx *Store) error
		wantErr    error
		wantGroups int
	}{
		{"kept", func(tx *Store) error {
			return errors.Join(tx.SaveGroup(&Group{Name: "甲群", Number: "10001"}), tx.SaveGroup(&Group{Name: "乙群", Number: "10002"}))
		}, nil, 2},
		{"rolled back on error", func(tx *Store) error {
			if err := tx.SaveGroup(&Group{Name: "甲群", Number: "10001"}); err != nil {
				return err
			}
			return errStop
		}, errStop, 0},
		{"a refused save inside undoes the earlier ones", func(tx *Store) error {
			if err := tx.SaveGroup(&Group{Name: "甲群", Number: "10001"}); err != nil {
				return err
			}
			return tx.SaveGroup(&Group{Name: "乙群", Number: "10001"})
		}, errAny, 0},
		{"reads see the writes", func(tx *Store) error {
			if err := tx.SaveGroup(&Group{Name: "甲群", Number: "10001"}); err != nil {
				return err
			}
			if gs, err := tx.Groups(); err != nil || len(gs) != 1 {
				return fmt.Errorf("groups inside: %v, %v", gs, err)
			}
			return nil
		}, nil, 1},
		{"no close inside", func(tx *Store) error { return tx.Close() }, errInTransaction, 0},
		{"no backup inside", func(tx *Store) error { return tx.Backup(filepath.Join(t.TempDir(), "b.db")) }, errInTransaction, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			if err := s.Transaction(tt.fn); !matchErr(err, tt.wantErr) {
				t.Fatalf("Transaction = %v, want %v", err, tt.wantErr)
			}
			if gs, err := s.Groups(); err != nil || len(gs) != tt.wantGroups {
				t.Errorf("groups after = %d, %v; want %d", len(gs), err, tt.wantGroups)
			}
		})
	}
}
