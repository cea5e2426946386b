package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/app/ui"
)

// listEntry is a one-line entry with a list under it: ↓ and ↑ move the choice in the
// list without leaving the entry, and Esc closes the capture, as a form's entries do.
type listEntry struct {
	widget.Entry
	onEsc  func()
	onMove func(by int)
}

func newListEntry(onEsc func(), onMove func(by int)) *listEntry {
	e := &listEntry{onEsc: onEsc, onMove: onMove}
	e.ExtendBaseWidget(e)
	return e
}

// WatchedEntry is the entry itself, for the form's checks.
func (e *listEntry) WatchedEntry() *widget.Entry { return &e.Entry }

// TypedShortcut runs a window shortcut, else does what an entry does.
func (e *listEntry) TypedShortcut(s fyne.Shortcut) {
	if !ui.PassOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey moves the list's choice on ↓ and ↑, closes on Esc, and types the rest.
func (e *listEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.onEsc()
	case fyne.KeyDown:
		e.onMove(1)
	case fyne.KeyUp:
		e.onMove(-1)
	default:
		e.Entry.TypedKey(k)
	}
}

// moveIn selects the row by rows away from the selected one in a list of n rows,
// staying inside it, and shows it.
func moveIn(l *widget.List, selected, n, by int) {
	if n == 0 {
		return
	}
	next := min(max(selected+by, 0), n-1)
	if selected < 0 && by < 0 {
		next = 0
	}
	l.Select(next)
	l.ScrollTo(next)
}
