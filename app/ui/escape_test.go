package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Esc closes the newest dialog: from a form's entry, and from the window when nothing
// has the focus; a form that must be answered stays.
func TestEscClosesDialogs(t *testing.T) {
	e := newTestEnv(t)
	HandleEscape(e.Win)
	ShowMessage(e.Win, "提示", "第一个")
	k := NewFormKit(e, func() error { return nil }, func() {})
	name := k.Entry("name", "")
	k.Show("表单", name, fyne.NewSize(300, 200))
	overlays := e.Win.Canvas().Overlays()
	if n := len(overlays.List()); n != 2 {
		t.Fatalf("%d dialogs open, want 2", n)
	}
	e.Win.Canvas().Focus(name)
	test.Type(name, "王")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(overlays.List()); n != 1 || name.Text != "王" {
		t.Fatalf("Esc in the entry: %d dialogs open (want 1), text %q", n, name.Text)
	}
	e.Win.Canvas().Unfocus()
	e.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(overlays.List()); n != 0 {
		t.Fatalf("Esc on the window left %d dialogs open", n)
	}

	must := NewFormKit(e, func() error { return nil }, func() {})
	must.MustAnswer = true
	entry := must.Entry("name", "")
	must.Show("欢迎", widget.NewLabel(""), fyne.NewSize(300, 200))
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	e.Win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if n := len(overlays.List()); n != 1 {
		t.Errorf("a form that must be answered was closed by Esc (%d open)", n)
	}
}
