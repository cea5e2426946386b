package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrFolderInUse means another QunHuo is already running on the same data folder.
var ErrFolderInUse = errors.New("data folder is in use by another QunHuo")

// FolderLock keeps a second QunHuo off a data folder while this one runs.
type FolderLock struct{ f *flock.Flock }

// LockFolder takes the data folder for this process, creating it when missing. A folder
// another running QunHuo holds gives an *OpenError of kind OpenInUse. The operating
// system drops the lock if the process dies, so a crash never leaves it stuck.
func LockFolder(dir string) (*FolderLock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &OpenError{Kind: OpenReadOnly, Path: dir, Err: err}
	}
	f := flock.New(filepath.Join(dir, "qunhuo.lock"))
	ok, err := f.TryLock()
	if err != nil {
		return nil, &OpenError{Kind: OpenReadOnly, Path: dir, Err: fmt.Errorf("lock: %w", err)}
	}
	if !ok {
		return nil, &OpenError{Kind: OpenInUse, Path: dir, Err: ErrFolderInUse}
	}
	return &FolderLock{f: f}, nil
}

// Unlock lets another QunHuo use the folder.
func (l *FolderLock) Unlock() error { return l.f.Unlock() }
