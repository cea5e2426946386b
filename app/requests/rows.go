package requests

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

// action is one button of a row: its words and what it does; one that does nothing
// (nil) shows disabled, what was done already.
type action struct {
	label string
	do    func()
}

// rowList is a list whose rows are a line of text and a few buttons, all over a slice
// the screen owns: row(i) says what row i shows.
type rowList struct {
	List  *widget.List
	empty *ui.EmptyState
	box   fyne.CanvasObject
	count func() int
	row   func(i int) (string, []action)
}

// maxActions is the most buttons a row has.
const maxActions = 3

func newRowList(count func() int, row func(i int) (string, []action)) *rowList {
	l := &rowList{count: count, row: row, empty: ui.NewEmptyState()}
	l.List = widget.NewList(count, l.newRow, l.updateRow)
	l.List.OnSelected = func(widget.ListItemID) { l.List.UnselectAll() } // rows act by their buttons
	l.box = l.empty.Over(l.List)
	return l
}

func (l *rowList) newRow() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.Truncation = fyne.TextTruncateClip
	buttons := container.NewHBox()
	for range maxActions {
		buttons.Add(widget.NewButton("", nil))
	}
	return container.NewBorder(nil, nil, nil, buttons, text)
}

func (l *rowList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= l.count() {
		return
	}
	text, actions := l.row(id)
	c := o.(*fyne.Container)
	var label *widget.Label
	var buttons *fyne.Container
	for _, obj := range c.Objects {
		switch v := obj.(type) {
		case *widget.Label:
			label = v
		case *fyne.Container:
			buttons = v
		}
	}
	label.SetText(text)
	for i, obj := range buttons.Objects {
		b := obj.(*widget.Button)
		if i >= len(actions) {
			b.Hide()
			continue
		}
		b.SetText(actions[i].label)
		b.OnTapped = actions[i].do
		if actions[i].do == nil {
			b.Disable() // done already: 已记 +5 分
		} else {
			b.Enable()
		}
		b.Show()
	}
}

// showEmpty says message when the list has no rows, and hides it when it has.
func (l *rowList) showEmpty(message string, buttons ...*widget.Button) {
	if l.count() > 0 {
		l.empty.Hide()
	} else {
		l.empty.Show(message, buttons...)
	}
	l.List.Refresh()
}
