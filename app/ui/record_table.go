package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a record table: its title and width.
type Column struct {
	Title string
	Width float32
}

// NewRecordTable is the virtualized table every list screen uses: a Bold header row of
// titles, fixed widths, and cells that are labels filled by fill. Only the visible rows
// exist, so 20,000 records scroll as smoothly as 20.
func NewRecordTable(cols []Column, rows func() int, fill func(row, col int, l *widget.Label), onSelected func(row int)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		newCellLabel,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row < 0 || id.Row >= rows() {
				l.SetText("")
				return
			}
			fill(id.Row, id.Col, l)
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].Title)
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < rows() {
			onSelected(id.Row)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	return t
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	// Clip, not ellipsis: an ellipsis shapes every cell's text again on each refresh,
	// which made one search keystroke over 20,000 rows take 19 ms instead of 1.5 ms.
	l.Truncation = fyne.TextTruncateClip
	return l
}
