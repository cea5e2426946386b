package data

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRotateBackups(t *testing.T) {
	at := func(s string) string {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return AutoBackupName(tm)
	}
	// Daily from Monday 2026-11-02 to Wednesday 2026-12-02, two a day (start, exit).
	var month []string
	for d := 0; d <= 30; d++ {
		day := time.Date(2026, 11, 2+d, 0, 0, 0, 0, time.Local)
		month = append(month, AutoBackupName(day.Add(9*time.Hour)), AutoBackupName(day.Add(22*time.Hour)))
	}
	keptOf := func(names, remove []string) []string {
		gone := map[string]bool{}
		for _, r := range remove {
			gone[r] = true
		}
		var kept []string
		for _, n := range names {
			if !gone[n] {
				kept = append(kept, n)
			}
		}
		return kept
	}
	for _, tc := range []struct {
		name  string
		plan  BackupPlan // the zero plan is the default
		files []string
		kept  []string
	}{
		{"nothing", BackupPlan{}, nil, nil},
		{"one", BackupPlan{}, []string{at("2026-12-02 09:00")}, []string{at("2026-12-02 09:00")}},
		{"two a day: the newest of the day stays", BackupPlan{},
			[]string{at("2026-12-02 09:00"), at("2026-12-02 22:00")},
			[]string{at("2026-12-02 22:00")}},
		{"other files are never touched", BackupPlan{},
			[]string{"恢复前-20261101-100000.db", "群活备份-20261101-1000.db", "notes.txt", at("2026-12-02 09:00"), at("2026-12-02 10:00")},
			[]string{"恢复前-20261101-100000.db", "群活备份-20261101-1000.db", "notes.txt", at("2026-12-02 10:00")}},
		{"days without a backup do not count", BackupPlan{},
			[]string{at("2026-01-05 09:00"), at("2026-03-01 09:00"), at("2026-06-01 09:00"), at("2026-12-02 09:00")},
			[]string{at("2026-01-05 09:00"), at("2026-03-01 09:00"), at("2026-06-01 09:00"), at("2026-12-02 09:00")}},
		{"a month of daily backups: 7 days and the newest of 4 weeks", BackupPlan{}, month, []string{
			// weeks (ISO, Monday first): 11-09..11-15 → 11-15, 11-16..11-22 → 11-22;
			// 11-23..11-29 and 11-30..12-02 are covered by the daily copies.
			at("2026-11-15 22:00"), at("2026-11-22 22:00"),
			at("2026-11-26 22:00"), at("2026-11-27 22:00"), at("2026-11-28 22:00"), at("2026-11-29 22:00"),
			at("2026-11-30 22:00"), at("2026-12-01 22:00"), at("2026-12-02 22:00"),
		}},
		{"the owner keeps 3 days and no weeks", BackupPlan{KeepDaily: 3}, month, []string{
			at("2026-11-30 22:00"), at("2026-12-01 22:00"), at("2026-12-02 22:00"),
		}},
		{"the owner keeps 2 days and 6 weeks", BackupPlan{KeepDaily: 2, KeepWeekly: 6}, month, []string{
			// weeks from 11-02..11-08 (→ 11-08) to 11-30..12-02 (→ 12-02)
			at("2026-11-08 22:00"), at("2026-11-15 22:00"), at("2026-11-22 22:00"), at("2026-11-29 22:00"),
			at("2026-12-01 22:00"), at("2026-12-02 22:00"),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := tc.plan
			if plan == (BackupPlan{}) {
				plan = DefaultBackupPlan
			}
			remove := RotateBackups(tc.files, plan)
			kept := keptOf(tc.files, remove)
			want := append([]string(nil), tc.kept...)
			if !reflect.DeepEqual(sortedCopy(kept), sortedCopy(want)) {
				t.Fatalf("kept %v\nwant %v", kept, want)
			}
			// Applying the rule again to what is kept removes nothing more.
			if again := RotateBackups(kept, plan); len(again) != 0 {
				t.Fatalf("second rotation removes %v", again)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

// storeWithRows is a store in its own data folder holding n groups and members.
func storeWithRows(t *testing.T, dir string, n int) *Store {
	t.Helper()
	s, err := Open(filepath.Join(dir, DatabaseFile), WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := s.SaveGroup(&Group{Name: fmt.Sprintf("测试群%d", i), Number: fmt.Sprintf("9876543%02d", i)}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveMember(&Member{QQ: fmt.Sprintf("1234567%02d", i), Nickname: fmt.Sprintf("成员%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func groupCount(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gs, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	return len(gs)
}

func TestAutoBackupChecksAndCounts(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 3)
	defer s.Close()
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.Local)
	if s.AutoBackupToday(now) {
		t.Fatal("a backup today before any was taken")
	}
	p, err := s.AutoBackup(now)
	if err != nil {
		t.Fatal(err)
	}
	if !s.AutoBackupToday(now.Add(time.Hour)) || s.AutoBackupToday(now.Add(24*time.Hour)) {
		t.Fatal("AutoBackupToday does not follow the day")
	}
	info, err := CheckBackup(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Groups != 3 || info.Members != 3 || info.Resources != 0 || !info.Auto || !info.Taken.Equal(now) || info.Schema != SchemaVersion() {
		t.Fatalf("info = %+v", info)
	}
	list, err := ListBackups(s.BackupsDir())
	if err != nil || len(list) != 1 || list[0] != p {
		t.Fatalf("list = %v, %v", list, err)
	}
	a, err := s.Agenda(0, now, nil)
	if err != nil || !a.AutoBackupFailed.IsZero() {
		t.Fatalf("agenda after a good backup: %+v, %v", a, err)
	}
	// A copy that stays on this computer is no reason to stop reminding the owner.
	if _, ok, _ := s.LastBackupAt(); ok || !a.BackupDue {
		t.Fatalf("an automatic backup counts as the owner's: recorded %v, due %v", ok, a.BackupDue)
	}
}

func TestAutoBackupFailureIsOnTheAgenda(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 1)
	defer s.Close()
	// A file where the backups folder should be: nothing can be written there.
	if err := os.WriteFile(filepath.Join(dir, BackupsFolder), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, time.Local)
	if _, err := s.AutoBackup(now); err == nil {
		t.Fatal("backup into a file succeeded")
	}
	a, err := s.Agenda(0, now, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !a.AutoBackupFailed.Equal(now) || a.AutoBackupError == "" {
		t.Fatalf("agenda = %+v", a)
	}
	if err := os.Remove(filepath.Join(dir, BackupsFolder)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup(now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(0, now, nil); !a.AutoBackupFailed.IsZero() {
		t.Fatalf("failure still shown after a good backup: %+v", a)
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 2)
	backup, err := s.AutoBackup(time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(&Group{Name: "后来的群", Number: "55555"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, DatabaseFile)
	kept, err := Restore(dir, backup, time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if got := groupCount(t, dbPath); got != 2 {
		t.Fatalf("restored database has %d groups, want 2", got)
	}
	if !strings.HasPrefix(filepath.Base(kept), beforeRestorePrefix) {
		t.Fatalf("current database kept as %q", kept)
	}
	if got := groupCount(t, kept); got != 3 {
		t.Fatalf("the copy made before the restore has %d groups, want 3", got)
	}
	if _, err := os.Stat(dbPath + ".restore.part"); err == nil {
		t.Fatal("the .part file stayed")
	}
}

func TestRestoreRefusesDamagedBackupKeepingTheDatabase(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 2)
	backup, err := s.AutoBackup(time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Damage the backup's pages past the header.
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(b); i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(backup, b, 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, DatabaseFile)
	before, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(dir, backup, time.Now()); !errors.Is(err, ErrBackupDamaged) && !errors.Is(err, ErrBackupNotOurs) {
		t.Fatalf("restore of a damaged backup: %v", err)
	}
	after, err := os.ReadFile(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the current database changed")
	}
	// A file that is not a database at all is refused the same way.
	junk := filepath.Join(t.TempDir(), "junk.db")
	_ = os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o644)
	if _, err := Restore(dir, junk, time.Now()); err == nil {
		t.Fatal("restored a file that is not a database")
	}
	if after, _ := os.ReadFile(dbPath); !bytes.Equal(before, after) {
		t.Fatal("the current database changed")
	}
}

func TestRestoreNeverAppliesAStaleWAL(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, DatabaseFile)
	s := storeWithRows(t, dir, 1)
	backup, err := s.AutoBackup(time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	// Writes after the backup stay in the -wal while the store is open: take a copy.
	for i := 0; i < 5; i++ {
		if err := s.SaveGroup(&Group{Name: fmt.Sprintf("WAL群%d", i), Number: fmt.Sprintf("4444%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	wal, err := os.ReadFile(dbPath + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no -wal while open: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// The stale -wal is put back beside the database before the swap.
	if err := os.WriteFile(dbPath+"-wal", wal, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(dir, backup, time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dbPath + "-wal"); err == nil {
		t.Fatal("the old -wal is still beside the restored database")
	}
	if got := groupCount(t, dbPath); got != 1 {
		t.Fatalf("restored database has %d groups, want the backup's 1", got)
	}
	if _, err := CheckBackup(dbPath); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 1)
	defer s.Close()
	other := storeWithRows(t, t.TempDir(), 2)
	if err := other.db.Exec("INSERT INTO schema_migrations (id, applied_at) VALUES ('9999_future', ?)", testNow).Error; err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(t.TempDir(), "newer.db")
	if err := other.Backup(newer); err != nil {
		t.Fatal(err)
	}
	_ = other.Close()
	if _, err := CheckBackup(newer); !errors.Is(err, ErrBackupNewer) {
		t.Fatalf("check: %v", err)
	}
	_ = s.Close()
	before, _ := os.ReadFile(filepath.Join(dir, DatabaseFile))
	if _, err := Restore(dir, newer, time.Now()); !errors.Is(err, ErrBackupNewer) {
		t.Fatalf("restore: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, DatabaseFile)); !bytes.Equal(before, after) {
		t.Fatal("the current database changed")
	}
}

func TestRestoreOverADamagedDatabaseKeepsIt(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 2)
	backup, err := s.AutoBackup(time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	dbPath := filepath.Join(dir, DatabaseFile)
	damaged := []byte(strings.Repeat("garbage ", 2048))
	if err := os.WriteFile(dbPath, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dbPath); err == nil {
		t.Fatal("garbage opened")
	}
	now := time.Date(2026, 12, 2, 10, 7, 0, 0, time.Local)
	info, ok := NewestGoodBackup(filepath.Join(dir, BackupsFolder))
	if !ok || info.Path != backup {
		t.Fatalf("newest good backup = %+v, %v", info, ok)
	}
	kept, err := Restore(dir, backup, now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(kept) != "qunhuo.db.damaged-20261202-1007" {
		t.Fatalf("damaged file kept as %q", kept)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, damaged) {
		t.Fatal("the damaged file changed")
	}
	if got := groupCount(t, dbPath); got != 2 {
		t.Fatalf("restored %d groups", got)
	}
}

// A copied qunhuo.db (WAL mode, unlike a backup) is read without leaving -wal or -shm
// files beside it, and restores like a backup.
func TestCheckBackupLeavesNoSideFiles(t *testing.T) {
	src := t.TempDir()
	s := storeWithRows(t, src, 2)
	_ = s.Close()
	p := filepath.Join(src, DatabaseFile)
	if info, err := CheckBackup(p); err != nil || info.Groups != 2 {
		t.Fatalf("check: %+v, %v", info, err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(p + side); err == nil {
			t.Errorf("%s left beside the file", side)
		}
	}
	dir := t.TempDir()
	_ = storeWithRows(t, dir, 1).Close()
	if _, err := Restore(dir, p, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := groupCount(t, filepath.Join(dir, DatabaseFile)); got != 2 {
		t.Fatalf("restored %d groups", got)
	}
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.Contains(e.Name(), ".part") {
			t.Errorf("%s left in the data folder", e.Name())
		}
	}
}
