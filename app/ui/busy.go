package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Busy is the corner of the shell's top bar where long work that the owner sent to
// the background (在后台继续 on its progress dialog) stays in sight: what it is, a
// small bar, and 取消. The shell places Object in its top bar; everything else
// reaches it through Env.Busy. Use it on the UI goroutine.
type Busy struct {
	box *fyne.Container
}

// NewBusy makes an empty corner.
func NewBusy() *Busy { return &Busy{box: container.NewHBox()} }

// Object is what the shell places in its top bar: nothing while no work runs in the
// background.
func (b *Busy) Object() fyne.CanvasObject { return b.box }

// Items is what the corner shows now, for tests.
func (b *Busy) Items() []fyne.CanvasObject { return b.box.Objects }

// busyItem is one piece of work shown in the corner.
type busyItem struct {
	Label     *widget.Label
	Bar       *widget.ProgressBar
	CancelBtn *widget.Button
	row       fyne.CanvasObject
}

func (b *Busy) add(what string, cancel func()) *busyItem {
	it := &busyItem{Label: widget.NewLabel(what), Bar: widget.NewProgressBar()}
	it.CancelBtn = widget.NewButton("取消", cancel)
	it.CancelBtn.Importance = widget.LowImportance
	it.row = container.NewHBox(it.Label, Widen(it.Bar, 160), it.CancelBtn)
	b.box.Add(it.row)
	return it
}

func (b *Busy) remove(it *busyItem) {
	b.box.Remove(it.row)
}
