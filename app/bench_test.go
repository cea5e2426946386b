package app

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/catalog"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// benchEnv opens a copy of the reference database (datatest.BigDemo: 5 groups, 3,000
// members, 20,000 resources) behind a test window. Work runs inline: the test driver's
// fyne.Do does not queue onto one UI thread as the real one does, and the store's one
// connection runs the loads one after another in the app too.
func benchEnv(b *testing.B) (*ui.Env, string) {
	b.Helper()
	src, err := datatest.DemoFile(datatest.BigDemo, 1, uitest.Now)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), data.DatabaseFile)
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	setUp(a)
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	e := ui.NewEnv(a, w, nil, uitest.Loc)
	e.Tasks.Inline = true
	return e, path
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// BenchmarkStartToFirstList measures what the owner waits for after the window
// appears: open the database, build the shell with every screen, load the groups and
// the 20,000-resource catalog, and show the first rows. MB-heap is the live heap of
// one such start, against the 200 MB target.
func BenchmarkStartToFirstList(b *testing.B) {
	e, path := benchEnv(b)
	sh, store := startShell(b, e, path)
	heap := liveHeapMB()
	runtime.KeepAlive(sh)
	_ = store.Close()
	for b.Loop() {
		_, store := startShell(b, e, path)
		_ = store.Close()
	}
	b.ReportMetric(heap, "MB-heap")
}

// startShell opens the database and shows the shell until its first list is loaded.
func startShell(b *testing.B, e *ui.Env, path string) (*shell, *data.Store) {
	store, err := data.Open(path, data.WithClock(func() time.Time { return uitest.Now }))
	if err != nil {
		b.Fatal(err)
	}
	e.Store = store
	sh := newShell(e)
	e.Win.SetContent(sh.content())
	sh.start()
	e.Tasks.Wait()
	e.Tasks.Wait() // work the first loads started
	if sh.resources.Shown() != datatest.BigDemo.Resources || sh.current == nil {
		b.Fatalf("after start: %d rows, group %v", sh.resources.Shown(), sh.current)
	}
	return sh, store
}

// BenchmarkSearchKeystroke is one keystroke in the catalog's search box over 20,000
// resources: filter, then refresh the table.
func BenchmarkSearchKeystroke(b *testing.B) {
	e, path := benchEnv(b)
	store, err := data.Open(path, data.WithClock(func() time.Time { return uitest.Now }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = store.Close() })
	e.Store = store
	s := catalog.NewScreen(e, catalog.Links{})
	e.Win.SetContent(s.Content())
	s.Refresh()
	e.Tasks.Wait()
	queries := []string{"w", "wz", "wzr", "wzry", "腾", "腾讯", "100"}
	i := 0
	for b.Loop() {
		s.Search(queries[i%len(queries)])
		i++
	}
	if len(s.All()) != datatest.BigDemo.Resources {
		b.Fatalf("catalog holds %d resources", len(s.All()))
	}
}

// liveHeapMB is the live heap after a collection, in MB.
func liveHeapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / 1e6
}

// BenchmarkBuildIndexPost makes the 资源索引表 of the whole reference catalog: load,
// pick what is on sale, render the template, mask, split into parts.
func BenchmarkBuildIndexPost(b *testing.B) {
	e, path := benchEnv(b)
	store, err := data.Open(path, data.WithClock(func() time.Time { return uitest.Now }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = store.Close() })
	groups, err := store.Groups()
	if err != nil || len(groups) == 0 {
		b.Fatal(err)
	}
	var post qqpost.Built
	for b.Loop() {
		post, err = qqpost.BuildIndexPost(store, groups[0], "", uitest.Now, e.Loc)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(post.Listed), "listed")
	b.ReportMetric(float64(len(post.Parts)), "parts")
}
