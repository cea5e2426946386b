package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// EmptyState is what a list says when it shows nothing: what to do next, with the
// buttons that do it. It takes the place of the empty list.
type EmptyState struct {
	Message *widget.Label
	Buttons *fyne.Container
	box     *fyne.Container
	list    fyne.CanvasObject // hidden while the empty state shows
}

// emptyStateTop puts the message where a table's first rows would be.
const emptyStateTop = 40

// NewEmptyState makes a hidden empty state.
func NewEmptyState() *EmptyState {
	e := &EmptyState{Message: widget.NewLabel(""), Buttons: container.NewHBox()}
	e.Message.Wrapping = fyne.TextWrapBreak
	e.Message.Alignment = fyne.TextAlignCenter
	e.box = container.NewVBox(e.Message, container.NewCenter(e.Buttons))
	e.box.Hide()
	return e
}

// Over puts the empty state in the place of list: when it shows, the list is hidden
// (an empty table's column lines would run through the message).
func (e *EmptyState) Over(list fyne.CanvasObject) fyne.CanvasObject {
	e.list = list
	e.Message.Alignment = fyne.TextAlignLeading // a narrow list reads better from the left
	return container.NewStack(list, container.NewBorder(e.box, nil, nil, nil))
}

// OverTable is Over for a table, with the message a little lower, where rows would be.
func (e *EmptyState) OverTable(t *RecordTable) fyne.CanvasObject {
	e.list = t
	gap := WithMinHeight(container.NewStack(), emptyStateTop)
	return container.NewStack(t, container.NewBorder(container.NewVBox(gap, e.box), nil, nil, nil))
}

// Show says message with buttons under it.
func (e *EmptyState) Show(message string, buttons ...*widget.Button) {
	e.Message.SetText(message)
	e.Buttons.Objects = e.Buttons.Objects[:0]
	for _, b := range buttons {
		e.Buttons.Objects = append(e.Buttons.Objects, b)
	}
	e.Buttons.Refresh()
	e.box.Show()
	if e.list != nil {
		e.list.Hide()
	}
}

// Hide takes the empty state away: the list has rows.
func (e *EmptyState) Hide() {
	e.box.Hide()
	if e.list != nil {
		e.list.Show()
	}
}

// Visible reports whether the empty state shows.
func (e *EmptyState) Visible() bool { return e.box.Visible() }
