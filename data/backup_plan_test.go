package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestBackupPlanRoundTripAndRefusals(t *testing.T) {
	dataDir := t.TempDir()
	if p, err := LoadBackupPlan(dataDir); err != nil || p != DefaultBackupPlan {
		t.Fatalf("no plan file: %+v, %v", p, err)
	}
	usb := filepath.Join(t.TempDir(), "U盘", "群活备份")
	for _, tc := range []struct {
		name string
		plan BackupPlan
		want error
	}{
		{"no day", BackupPlan{KeepDaily: 0, KeepWeekly: 4}, ErrKeepOutOfRange},
		{"too many days", BackupPlan{KeepDaily: MaxKeepDaily + 1}, ErrKeepOutOfRange},
		{"negative weeks", BackupPlan{KeepDaily: 7, KeepWeekly: -1}, ErrKeepOutOfRange},
		{"too many weeks", BackupPlan{KeepDaily: 7, KeepWeekly: MaxKeepWeekly + 1}, ErrKeepOutOfRange},
		{"relative folder", BackupPlan{Folder: "backups2", KeepDaily: 7}, ErrBackupFolderBad},
		{"the data folder itself", BackupPlan{Folder: dataDir, KeepDaily: 7}, ErrBackupFolderData},
		{"a file, not a folder", BackupPlan{Folder: filepath.Join(dataDir, DatabaseFile), KeepDaily: 7}, ErrBackupFolderBad},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "a file, not a folder" {
				if err := os.WriteFile(filepath.Join(dataDir, DatabaseFile), []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(filepath.Join(dataDir, DatabaseFile))
			}
			if err := SaveBackupPlan(dataDir, tc.plan); !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if p, _ := LoadBackupPlan(dataDir); p != DefaultBackupPlan {
				t.Fatalf("a refused plan was kept: %+v", p)
			}
		})
	}
	want := BackupPlan{Folder: usb, KeepDaily: 14, KeepWeekly: 8}
	if err := SaveBackupPlan(dataDir, want); err != nil {
		t.Fatal(err)
	}
	if p, err := LoadBackupPlan(dataDir); err != nil || p != want {
		t.Fatalf("read back %+v, %v", p, err)
	}
	if fi, err := os.Stat(usb); err != nil || !fi.IsDir() {
		t.Fatalf("the folder was not made: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(usb, ".qunhuo-write-test-*")); len(left) != 0 {
		t.Fatalf("write test left %v", left)
	}
}

func TestBrokenPlanFileBacksUpAsDefault(t *testing.T) {
	for name, text := range map[string]string{
		"not JSON":        "{folder: ",
		"counts refused":  `{"keep_daily": 0, "keep_weekly": 4}`,
		"relative folder": `{"folder": "x", "keep_daily": 7, "keep_weekly": 4}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, BackupPlanFile), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := LoadBackupPlan(dir)
			if err == nil || p != DefaultBackupPlan {
				t.Fatalf("plan %+v, err %v", p, err)
			}
			s := storeWithRows(t, dir, 1)
			defer s.Close()
			got, err := s.AutoBackup(time.Date(2026, 12, 2, 9, 0, 0, 0, time.Local))
			if err != nil || filepath.Dir(got) != filepath.Join(dir, BackupsFolder) {
				t.Fatalf("backup at %s, %v", got, err)
			}
		})
	}
}

func TestAutoBackupFollowsThePlan(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 2)
	defer s.Close()
	usb := filepath.Join(t.TempDir(), "备份")
	if err := SaveBackupPlan(dir, BackupPlan{Folder: usb, KeepDaily: 2}); err != nil {
		t.Fatal(err)
	}
	if s.BackupsDir() != usb {
		t.Fatalf("BackupsDir = %s", s.BackupsDir())
	}
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	var last string
	for d := range 4 {
		p, err := s.AutoBackup(day.AddDate(0, 0, d))
		if err != nil {
			t.Fatal(err)
		}
		last = p
	}
	list, err := ListBackups(usb)
	if err != nil || len(list) != 2 || list[0] != last {
		t.Fatalf("kept %v, %v; want the 2 newest days", list, err)
	}
	if _, err := os.Stat(filepath.Join(dir, BackupsFolder)); err == nil {
		t.Fatal("backups were also written beside the database")
	}
	// A restore keeps the current database in the chosen folder too, and the plan
	// survives the restore (it is not in the database).
	s.Close()
	if _, err := Restore(dir, last, day.AddDate(0, 0, 5)); err != nil {
		t.Fatal(err)
	}
	if p, _ := LoadBackupPlan(dir); p.Folder != usb {
		t.Fatalf("plan after restore: %+v", p)
	}
	if kept, _ := filepath.Glob(filepath.Join(usb, beforeRestorePrefix+"*.db")); len(kept) != 1 {
		t.Fatalf("copy before restore: %v", kept)
	}
}

func TestNewestGoodBackupLooksInBothFolders(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 2)
	defer s.Close()
	old, err := s.AutoBackup(time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	usb := filepath.Join(t.TempDir(), "备份")
	if err := SaveBackupPlan(dir, BackupPlan{Folder: usb, KeepDaily: 7}); err != nil {
		t.Fatal(err)
	}
	dirs := BackupDirs(dir)
	if len(dirs) != 2 || dirs[0] != usb || dirs[1] != filepath.Join(dir, BackupsFolder) {
		t.Fatalf("dirs = %v", dirs)
	}
	if info, ok := NewestGoodBackup(dirs...); !ok || info.Path != old {
		t.Fatalf("newest before any in the new folder: %+v, %v", info, ok)
	}
	newer, err := s.AutoBackup(time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if info, ok := NewestGoodBackup(dirs...); !ok || info.Path != newer {
		t.Fatalf("newest: %+v, %v; want %s", info, ok, newer)
	}
	if list, _ := ListBackups(append(dirs, usb)...); len(list) != 2 {
		t.Fatalf("list over both folders (one named twice): %v", list)
	}
}

func TestCopyToMovesAConsistentDatabase(t *testing.T) {
	dir := t.TempDir()
	s := storeWithRows(t, dir, 3)
	defer s.Close()
	usb := filepath.Join(t.TempDir(), "备份")
	if err := SaveBackupPlan(dir, BackupPlan{Folder: usb, KeepDaily: 3, KeepWeekly: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.CopyTo(dir); !errors.Is(err, ErrSameFolder) {
		t.Fatalf("copy onto itself: %v", err)
	}
	to := filepath.Join(t.TempDir(), "新位置 #1")
	if err := s.CopyTo(to); err != nil {
		t.Fatal(err)
	}
	if !HasDatabase(to) {
		t.Fatal("no database in the new folder")
	}
	if left, _ := filepath.Glob(filepath.Join(to, "*.part")); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
	moved, err := Open(filepath.Join(to, DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	groups, err := moved.Groups()
	if err != nil || len(groups) != 3 {
		t.Fatalf("groups in the copy: %d, %v", len(groups), err)
	}
	if p, _ := moved.BackupPlan(); p.Folder != usb || p.KeepDaily != 3 {
		t.Fatalf("plan in the copy: %+v", p)
	}
	// A second copy refuses the folder that now has data, and leaves it as it was.
	if err := s.CopyTo(to); !errors.Is(err, ErrFolderHasData) {
		t.Fatalf("copy over data: %v", err)
	}
	if groups, _ := moved.Groups(); len(groups) != 3 {
		t.Fatal("the refused copy changed the data there")
	}
	// The old folder is untouched.
	if groups, _ := s.Groups(); len(groups) != 3 || !HasDatabase(dir) {
		t.Fatal("the old data changed")
	}
}
