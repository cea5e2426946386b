package uitest

import "fyne.io/fyne/v2/widget"

// SelectedRow follows the row a table has selected, as the owner sees it highlighted:
// it listens to the table's own select and unselect calls, whatever the screen then
// does with them. -1 is no row.
type SelectedRow struct{ Row int }

// WatchSelection starts following t's selection; call it before the action to check.
func WatchSelection(t *widget.Table) *SelectedRow {
	sel := &SelectedRow{Row: -1}
	onSelected, onUnselected := t.OnSelected, t.OnUnselected
	t.OnSelected = func(id widget.TableCellID) {
		sel.Row = id.Row
		if onSelected != nil {
			onSelected(id)
		}
	}
	t.OnUnselected = func(id widget.TableCellID) {
		if sel.Row == id.Row {
			sel.Row = -1
		}
		if onUnselected != nil {
			onUnselected(id)
		}
	}
	return sel
}
