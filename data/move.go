package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Why CopyTo refuses a folder.
var (
	ErrFolderHasData = errors.New("the folder already holds a QunHuo database")
	ErrSameFolder    = errors.New("the folder is the data folder itself")
)

// CopyTo copies the store's data into the folder dir, for moving the data folder: the
// database as one consistent copy (VACUUM INTO, so no -wal is needed beside it), checked
// with CheckBackup before it takes the database's name, and the backup plan. It refuses
// a folder that already holds a database (ErrFolderHasData: open that one instead, or
// pick another folder) and the data folder itself. Nothing in the current data folder
// changes, so the owner can go back to it.
func (s *Store) CopyTo(dir string) error {
	if sameFolder(s.DataDir(), dir) {
		return ErrSameFolder
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("copy the data: %w", err)
	}
	dst := filepath.Join(dir, DatabaseFile)
	if _, err := os.Lstat(dst); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("copy the data to %s: %w", dir, ErrFolderHasData)
	}
	part := dst + ".move.part"
	_ = os.Remove(part)
	if err := s.backup(part, false); err != nil {
		return fmt.Errorf("copy the data: %w", err)
	}
	defer os.Remove(part) // gone by then unless something failed
	if _, err := CheckBackup(part); err != nil {
		return fmt.Errorf("copy the data: the copy: %w", err)
	}
	if err := copyPlan(s.DataDir(), dir); err != nil {
		return fmt.Errorf("copy the data: %w", err)
	}
	if err := os.Rename(part, dst); err != nil {
		return fmt.Errorf("copy the data: %w", err)
	}
	syncDir(dir)
	return nil
}

// copyPlan carries the backup plan of one data folder to another; without one, the new
// folder keeps the default.
func copyPlan(from, to string) error {
	b, err := os.ReadFile(filepath.Join(from, BackupPlanFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(to, BackupPlanFile), b, 0o644)
}

// HasDatabase tells whether the folder dir holds a QunHuo database, which opening it
// as the data folder would use.
func HasDatabase(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, DatabaseFile))
	return err == nil && fi.Mode().IsRegular()
}
