package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Window-wide shortcuts (Ctrl+Q to note a request, Ctrl+digit to change area) must work
// while the owner is typing. Fyne hands every shortcut to the focused entry, and
// widget.Entry drops those it does not know; the entries made here (Entry, FormEntry)
// pass such a shortcut on to the window it was added to with AddWindowShortcut.

var windowShortcuts = struct {
	sync.Mutex
	on map[fyne.Canvas]map[string]func(fyne.Shortcut)
}{on: map[fyne.Canvas]map[string]func(fyne.Shortcut){}}

// AddWindowShortcut adds s to the canvas c as Canvas.AddShortcut does, and makes the
// entries of this package on c run it too while they have the focus.
func AddWindowShortcut(c fyne.Canvas, s fyne.Shortcut, run func(fyne.Shortcut)) {
	c.AddShortcut(s, run)
	windowShortcuts.Lock()
	defer windowShortcuts.Unlock()
	if windowShortcuts.on[c] == nil {
		windowShortcuts.on[c] = map[string]func(fyne.Shortcut){}
	}
	windowShortcuts.on[c][s.ShortcutName()] = run
}

// PassOn runs the window shortcut s of the canvas o is on, if there is one, and tells
// whether it did. An entry type of an area's own calls it first in its TypedShortcut.
func PassOn(o fyne.CanvasObject, s fyne.Shortcut) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(o)
	if c == nil {
		return false
	}
	windowShortcuts.Lock()
	run := windowShortcuts.on[c][s.ShortcutName()]
	windowShortcuts.Unlock()
	if run == nil {
		return false
	}
	run(s)
	return true
}

// Entry is a widget.Entry that lets the window's shortcuts through (see
// AddWindowShortcut). Use it, or FormEntry, for every entry of the app.
type Entry struct {
	widget.Entry
}

// NewEntry makes a one-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes an entry of several lines.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapBreak
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs a window shortcut, else does what an entry does.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if !PassOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// SelectEntry is a widget.SelectEntry that lets the window's shortcuts through.
type SelectEntry struct {
	widget.SelectEntry
}

// NewSelectEntry makes an entry with a list of choices to pick from.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	return e
}

// TypedShortcut runs a window shortcut, else does what a select entry does.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !PassOn(e, s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// WatchedEntry is the entry itself, for FormKit.WatchEntry.
func (e *Entry) WatchedEntry() *widget.Entry { return &e.Entry }

// WatchedEntry is the entry inside, for FormKit.WatchEntry.
func (e *SelectEntry) WatchedEntry() *widget.Entry { return &e.Entry }

// WatchedEntry is the entry itself, for FormKit.WatchEntry.
func (e *FormEntry) WatchedEntry() *widget.Entry { return &e.Entry }
