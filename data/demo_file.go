package data

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// demoFileVersion names cached demo databases together with the newest migration:
// bump it when FillDemo changes, so a stale file is not reused.
const demoFileVersion = "demo2"

// DemoFile returns the path of a database filled with FillDemo(size, seed) under the
// system's temp folder, building it on first use. Benchmarks of every package share
// it, so the 20,000-resource reference catalog is generated once per machine. The
// file is moved into place only when complete, so an interrupted build never leaves a
// half-filled cache. Open a copy, not the file itself, if the caller writes to it.
func DemoFile(size DemoSize, seed int64, now time.Time) (string, error) {
	name := fmt.Sprintf("qunhuo-%s-%s-%d-%d-%d-%d-%d.db", demoFileVersion, migrations[len(migrations)-1].id,
		size.Groups, size.Members, size.Resources, size.Suppliers, seed)
	path := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := path + ".building"
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		_ = os.Remove(f)
	}
	s, err := Open(tmp, WithClock(func() time.Time { return now }))
	if err != nil {
		return "", err
	}
	if err := s.FillDemo(size, seed); err != nil {
		_ = s.Close()
		return "", fmt.Errorf("demo file: %w", err)
	}
	if err := s.Close(); err != nil {
		return "", fmt.Errorf("demo file: %w", err)
	}
	return path, os.Rename(tmp, path)
}
