package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/app/ui"
)

// captureShortcut is Ctrl+Q on every system: ⌘Q quits a Mac app, so the quick capture
// takes the Control key there too.
var captureShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierControl}

// captureShortcuts makes Ctrl+Q open the quick capture of a request (求…) from any
// screen. Like Ctrl+digit it reaches the window when no text field has the focus; the
// top bar's button is always there.
func (s *shell) captureShortcuts(c fyne.Canvas) {
	ui.AddWindowShortcut(c, captureShortcut, func(fyne.Shortcut) { s.requests.Capture.Show() })
}

// captureButton is the top bar's 记下求助, next to the group selector.
func (s *shell) captureButton() *widget.Button {
	b := widget.NewButtonWithIcon("记下求助（Ctrl+Q）", theme.ContentAddIcon(), func() { s.requests.Capture.Show() })
	b.Importance = widget.HighImportance
	return b
}
