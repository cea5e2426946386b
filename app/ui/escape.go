package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// closers are, per window, the dialogs that Esc may close, the newest last. Dialogs
// that must be answered (the welcome, a refused start, work in progress) are not
// registered. Only the UI goroutine touches it.
var closers = map[fyne.Window][]dialog.Dialog{}

// EscCloses lets Esc close d while it is the newest dialog of win still open.
func EscCloses(win fyne.Window, d dialog.Dialog) {
	closers[win] = append(closers[win], d)
	d.SetOnClosed(func() { forget(win, d) })
}

func forget(win fyne.Window, d dialog.Dialog) {
	list := closers[win]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == d {
			closers[win] = append(list[:i:i], list[i+1:]...)
			return
		}
	}
}

// CloseNewestDialog closes the newest dialog Esc may close; it reports whether there
// was one.
func CloseNewestDialog(win fyne.Window) bool {
	list := closers[win]
	if len(list) == 0 {
		return false
	}
	d := list[len(list)-1]
	closers[win] = list[:len(list)-1]
	d.Hide()
	return true
}

// HandleEscape makes Esc close the newest dialog when no text field has the focus;
// entries made by a FormKit handle Esc themselves (see FormEntry).
func HandleEscape(win fyne.Window) {
	win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			CloseNewestDialog(win)
		}
	})
}

// FormEntry is a one-line entry of a form that closes its dialog on Esc: the focus sits
// in an entry most of the time a form is open, and Fyne's entries ignore Esc.
type FormEntry struct {
	widget.Entry
	onEsc func()
}

// NewFormEntry makes an entry that calls onEsc when Esc is pressed in it.
func NewFormEntry(onEsc func()) *FormEntry {
	e := &FormEntry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs a window shortcut (see AddWindowShortcut), else does what an
// entry does.
func (e *FormEntry) TypedShortcut(s fyne.Shortcut) {
	if !PassOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey closes the dialog on Esc and types everything else.
func (e *FormEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(k)
}
