package datatest

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// generatorVersion names what FillDemo generates: bump it whenever FillDemo, the demo
// catalog or anything it saves through changes what a seed gives, so that a cached
// reference database made by the old code is not measured by mistake.
const generatorVersion = "demo5" // demo5: SaveResources logs a resource imported 失效 in its blacklist history

// DemoFile returns the path of a database filled with FillDemo(size, seed) at now, under
// the system's temp folder, building it on first use. Benchmarks of every package
// share it, so the 20,000-resource reference catalog is generated once per machine.
//
// The file's name holds everything the data depends on: the generator's version, the
// schema, the size, the seed and the clock (to the second; FillDemo's data does not
// depend on less). A database built at another time, by another generator or for
// another schema is therefore never reused. It is built under a name of its own and
// renamed into place when complete, so an interrupted build, or two test binaries
// building at once, never leave a half-filled cache. Open a copy (OpenCopy), not the
// file itself, if the caller writes to it.
func DemoFile(size DemoSize, seed int64, now time.Time) (string, error) {
	now = now.UTC().Truncate(time.Second)
	path := filepath.Join(os.TempDir(), demoFileName(size, seed, now))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := fmt.Sprintf("%s.%d.building", path, os.Getpid())
	removeDatabase(tmp)
	s, err := data.Open(tmp, data.WithClock(func() time.Time { return now }))
	if err != nil {
		return "", fmt.Errorf("demo file: %w", err)
	}
	if err := FillDemo(s, size, seed); err != nil {
		_ = s.Close()
		removeDatabase(tmp)
		return "", fmt.Errorf("demo file: %w", err)
	}
	if err := s.Close(); err != nil {
		removeDatabase(tmp)
		return "", fmt.Errorf("demo file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		removeDatabase(tmp)
		return "", fmt.Errorf("demo file: %w", err)
	}
	return path, nil
}

// demoFileName names the cached database for DemoFile.
func demoFileName(size DemoSize, seed int64, now time.Time) string {
	return fmt.Sprintf("qunhuo-%s-%s-g%d-m%d-r%d-s%d-seed%d-%s.db", generatorVersion, data.SchemaVersion(),
		size.Groups, size.Members, size.Resources, size.Suppliers, seed, now.Format("20060102T150405Z"))
}

// removeDatabase removes a database file with its WAL and shared-memory files.
func removeDatabase(path string) {
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(f)
	}
}

// TB is the part of testing.TB the helpers below use. datatest does not import testing,
// which the app would then link for the welcome screen.
type TB interface {
	Helper()
	Fatal(args ...any)
	Cleanup(func())
	TempDir() string
}

// OpenReference opens the reference database, BigDemo with seed 1 at Now, building it
// on first use, with the store's clock fixed at Now. It is shared by every benchmark
// on the machine: read it, never write it (OpenCopy is for benchmarks that write).
func OpenReference(tb TB) *data.Store {
	tb.Helper()
	path, err := DemoFile(BigDemo, 1, Now)
	if err != nil {
		tb.Fatal(err)
	}
	return openStore(tb, path)
}

// OpenCopy opens a private copy of the database at path (such as a DemoFile) in the
// test's temp folder, with the store's clock fixed at Now.
func OpenCopy(tb TB, path string) *data.Store {
	tb.Helper()
	src, err := data.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	dst := filepath.Join(tb.TempDir(), data.DatabaseFile)
	err = src.Backup(dst)
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		tb.Fatal(err)
	}
	return openStore(tb, dst)
}

// OpenTemp opens a new, empty database in the test's temp folder, with the store's
// clock fixed at Now unless opts set another.
func OpenTemp(tb TB, opts ...data.Option) *data.Store {
	tb.Helper()
	return openStore(tb, filepath.Join(tb.TempDir(), data.DatabaseFile), opts...)
}

func openStore(tb TB, path string, opts ...data.Option) *data.Store {
	tb.Helper()
	s, err := data.Open(path, append([]data.Option{data.WithClock(Fixed(Now))}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}
