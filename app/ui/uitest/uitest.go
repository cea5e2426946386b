package app

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// testNow is the fixed clock of screen tests: 2026-11-26 18:00 in Beijing.
var (
	testLoc = time.FixedZone("CST", 8*3600)
	testNow = time.Date(2026, 11, 26, 18, 0, 0, 0, testLoc)
)

// newTestEnv gives a screen test a Fyne test app with QunHuo's words and theme, a
// window, and a fresh database file named after the test.
func newTestEnv(t *testing.T) *env {
	t.Helper()
	a := test.NewTempApp(t)
	useChineseForFyne()
	a.Settings().SetTheme(newTheme())
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile),
		data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	e := &env{app: a, win: w, store: store, tasks: &tasks{inline: true}, loc: testLoc}
	t.Cleanup(func() {
		e.tasks.wait()
		w.Close()
		_ = store.Close()
	})
	return e
}

// show puts a screen in the test window.
func (e *env) show(c fyne.CanvasObject) { e.win.SetContent(c) }

// mustGroup adds a group and fails the test if it cannot.
func mustGroup(t *testing.T, e *env, name, number string) data.Group {
	t.Helper()
	g := data.Group{Name: name, Number: number}
	if err := e.store.SaveGroup(&g); err != nil {
		t.Fatalf("save group: %v", err)
	}
	return g
}

// mustResource adds a resource from form text and fails the test if it cannot.
func mustResource(t *testing.T, e *env, d data.ResourceDraft) data.Resource {
	t.Helper()
	r, err := d.Parse(nil, e.now(), e.loc)
	if err == nil {
		err = e.store.SaveResource(&r)
	}
	if err != nil {
		t.Fatalf("save resource %q: %v", d.Name, err)
	}
	return r
}

// overlayButton finds a button by its text in the window's top overlay (a dialog).
func overlayButton(t *testing.T, e *env, text string) *widget.Button {
	t.Helper()
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing; wanted a button %q", text)
	}
	if b := findButton(top, text); b != nil {
		return b
	}
	t.Fatalf("the dialog has no button %q", text)
	return nil
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	for _, child := range children(o) {
		if b := findButton(child, text); b != nil {
			return b
		}
	}
	return nil
}

// overlayText collects the text of every label in the top overlay.
func overlayText(e *env) string {
	top := e.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var out string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out += l.Text + "\n"
		}
		for _, c := range children(o) {
			walk(c)
		}
	}
	walk(top)
	return out
}

func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

var errTest = errors.New("sqlite: SQLITE_CORRUPT (11)")

// buttonTexts lists the texts of every button under o.
func buttonTexts(o fyne.CanvasObject) string {
	out := ""
	if b, ok := o.(*widget.Button); ok {
		out += b.Text + "\n"
	}
	for _, c := range children(o) {
		out += buttonTexts(c)
	}
	return out
}
