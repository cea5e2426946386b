package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a record table: its title and width.
type Column struct {
	Title string
	Width float32
}

// minColumnWidth is the narrowest a remembered column comes back: a setting from an
// older window or a slip of the mouse never hides a column.
const minColumnWidth = 30

// widthSaveDelay is how long the widths rest before they are saved: a drag changes
// them many times a second, and the database needs only where the owner let go.
const widthSaveDelay = 500 * time.Millisecond

// RecordTable is the virtualized table every list screen uses: a Bold header row of
// titles and cells that are labels filled by fill. Only the visible rows exist, so
// 20,000 records scroll as smoothly as 20. The owner widens or narrows a column by
// dragging the line between two titles; RememberWidths keeps that in the database.
type RecordTable struct {
	widget.Table
	cols   []Column
	widths []float32 // each column's width as the header last drew it

	env       *Env
	key       string        // the setting that remembers the widths, or ""
	saved     string        // the widths as last saved or loaded
	saveAfter time.Duration // widthSaveDelay; tests save at once
	saveTimer *time.Timer
}

// NewRecordTable makes a table of cols over rows() records; onSelected gets the row the
// owner picks.
func NewRecordTable(cols []Column, rows func() int, fill func(row, col int, l *widget.Label), onSelected func(row int)) *RecordTable {
	t := &RecordTable{cols: cols, widths: make([]float32, len(cols)), saveAfter: widthSaveDelay}
	t.Length = func() (int, int) { return rows(), len(cols) }
	t.CreateCell = newCellLabel
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 || id.Row >= rows() {
			l.SetText("")
			return
		}
		fill(id.Row, id.Col, l)
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = t.updateHeader
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < rows() {
			onSelected(id.Row)
		}
	}
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		t.widths[i] = c.Width
		t.SetColumnWidth(i, c.Width)
	}
	t.saved = formatWidths(t.widths) // nothing to save until a column is dragged
	return t
}

// updateHeader titles a header cell and notes its column's width: the table sizes the
// header cells before it fills them, and tells no one the widths it is dragged to
// (its header forwards the drag to the embedded widget.Table, past any override).
func (t *RecordTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col < 0 || id.Col >= len(t.cols) {
		return
	}
	o.(*widget.Label).SetText(t.cols[id.Col].Title)
	if w := o.Size().Width; w > 0 && w != t.widths[id.Col] {
		t.widths[id.Col] = w
		t.widthsChanged()
	}
}

// Widths are the columns' widths as the owner sees them now.
func (t *RecordTable) Widths() []float32 { return slices.Clone(t.widths) }

// SetWidths gives the columns these widths; a list of another length (the table got a
// column since they were saved) is ignored.
func (t *RecordTable) SetWidths(widths []float32) {
	if len(widths) != len(t.cols) {
		return
	}
	for i, w := range widths {
		w = max(w, minColumnWidth)
		t.widths[i] = w
		t.SetColumnWidth(i, w)
	}
}

// RememberWidths brings back the widths the owner left under the setting key, and from
// now on keeps them there after each drag, so they survive a restart and travel with
// the data folder.
func (t *RecordTable) RememberWidths(e *Env, key string) {
	t.env, t.key = e, key
	e.Tasks.Run(func() {
		value, ok, err := e.Store.Setting(key)
		if err != nil {
			e.Log.Warn("load column widths", "key", key, "err", err)
			return
		}
		if !ok {
			return
		}
		fyne.Do(func() {
			if widths, ok := parseWidths(value); ok {
				t.saved = value
				t.SetWidths(widths)
			}
		})
	})
}

// widthsChanged saves the widths once they have rested for saveAfter.
func (t *RecordTable) widthsChanged() {
	if t.env == nil {
		return
	}
	if t.saveAfter == 0 {
		t.saveWidths()
		return
	}
	if t.saveTimer != nil {
		t.saveTimer.Stop()
	}
	t.saveTimer = time.AfterFunc(t.saveAfter, func() { fyne.Do(t.saveWidths) })
}

func (t *RecordTable) saveWidths() {
	value := formatWidths(t.widths)
	if t.env == nil || value == t.saved {
		return
	}
	t.saved = value
	e, key := t.env, t.key
	e.Tasks.Run(func() {
		// Widths are a convenience: a failure is logged, and the next drag tries again.
		if err := e.Store.SetSetting(key, value); err != nil {
			e.Log.Warn("save column widths", "key", key, "err", err)
		}
	})
}

// formatWidths writes widths as whole numbers: 260,80,80.
func formatWidths(widths []float32) string {
	parts := make([]string, len(widths))
	for i, w := range widths {
		parts[i] = strconv.Itoa(int(w + 0.5))
	}
	return strings.Join(parts, ",")
}

func parseWidths(s string) ([]float32, bool) {
	var widths []float32
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 {
			return nil, false
		}
		widths = append(widths, float32(n))
	}
	return widths, true
}

func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	// Clip, not ellipsis: an ellipsis shapes every cell's text again on each refresh,
	// which made one search keystroke over 20,000 rows take 19 ms instead of 1.5 ms.
	// The detail pane under the table shows the selected record's values in full.
	l.Truncation = fyne.TextTruncateClip
	return l
}
