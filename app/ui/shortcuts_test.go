package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A window shortcut typed while an entry has the focus runs; the entry's own shortcuts
// (copy) still work; a plain widget.Entry, for comparison, drops it.
func TestWindowShortcutsPassThroughEntries(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("群活")
	entry, form, plain := NewEntry(), NewFormEntry(nil), widget.NewEntry()
	w.SetContent(widget.NewForm(widget.NewFormItem("甲", entry), widget.NewFormItem("乙", form), widget.NewFormItem("丙", plain)))
	ctrlQ := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	runs := 0
	AddWindowShortcut(w.Canvas(), ctrlQ, func(fyne.Shortcut) { runs++ })

	for _, e := range []fyne.Shortcutable{entry, form} {
		e.TypedShortcut(ctrlQ)
	}
	if runs != 2 {
		t.Fatalf("Ctrl+Q in the app's entries ran %d times, want 2", runs)
	}
	plain.TypedShortcut(ctrlQ)
	if runs != 2 {
		t.Fatal("a plain entry passed it on: the test does not show what it means to")
	}
	entry.SetText("王者荣耀点券")
	entry.DoubleTapped(nil) // selects the word
	entry.TypedShortcut(&fyne.ShortcutCopy{Clipboard: a.Clipboard()})
	if got := a.Clipboard().Content(); got == "" {
		t.Error("the entry's own copy no longer works")
	}
}
