// Package uitest is what screen tests share: an environment on a fresh database file
// named after the test, a fixed clock, and finders for widgets in dialogs. It imports
// app/ui and data, and only tests import it.
package uitest

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Loc and Now are the fixed clock of screen tests: 2026-11-26 18:00 in Beijing.
var (
	Loc = time.FixedZone("CST", 8*3600)
	Now = time.Date(2026, 11, 26, 18, 0, 0, 0, Loc)
)

// ErrTest stands for a failure the owner cannot fix, shaped like a real driver error.
var ErrTest = errors.New("sqlite: SQLITE_CORRUPT (11)")

// NewEnv gives a screen test a Fyne test app with QunHuo's words and theme, a window,
// and a fresh database file named after the test. Work runs inline.
func NewEnv(t testing.TB) *ui.Env {
	t.Helper()
	e := NewEnvWithTasks(t)
	e.Tasks.Inline = true
	return e
}

// NewEnvWithTasks is NewEnv with work on real goroutines, for tests under -race that
// check what a screen copies before work starts; such a test calls e.Tasks.Wait.
func NewEnvWithTasks(t testing.TB) *ui.Env {
	t.Helper()
	a := test.NewTempApp(t)
	ui.UseChineseForFyne()
	a.Settings().SetTheme(ui.NewTheme())
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile),
		data.WithClock(func() time.Time { return Now }))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	e := ui.NewEnv(a, w, store, Loc)
	t.Cleanup(func() {
		e.Tasks.Wait()
		w.Close()
		_ = store.Close()
	})
	return e
}

// Show puts a screen in the test window.
func Show(e *ui.Env, c fyne.CanvasObject) { e.Win.SetContent(c) }

// MustGroup adds a group and fails the test if it cannot.
func MustGroup(t testing.TB, e *ui.Env, name, number string) data.Group {
	t.Helper()
	g := data.Group{Name: name, Number: number}
	if err := e.Store.SaveGroup(&g); err != nil {
		t.Fatalf("save group: %v", err)
	}
	return g
}

// MustResource adds a resource from form text and fails the test if it cannot.
func MustResource(t testing.TB, e *ui.Env, d data.ResourceDraft) data.Resource {
	t.Helper()
	r, err := d.Parse(nil, e.Now(), e.Loc)
	if err == nil {
		err = e.Store.SaveResource(&r)
	}
	if err != nil {
		t.Fatalf("save resource %q: %v", d.Name, err)
	}
	return r
}
