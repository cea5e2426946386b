package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var testColumns = []Column{{Title: "名称", Width: 200}, {Title: "分类", Width: 80}, {Title: "价格", Width: 80}}

func newTestTable(e *Env) *RecordTable {
	t := NewRecordTable(testColumns, func() int { return 3 },
		func(row, col int, l *widget.Label) { l.SetText("王者荣耀点券 60元") }, func(int) {})
	t.saveAfter = 0 // at once, not after the owner let go
	e.Win.SetContent(t)
	e.Win.Resize(fyne.NewSize(600, 300))
	return t
}

// dragColumnEdge drags the line after column col by dx, as the owner does with the mouse
// in the header row: the table takes the press, its header row the drag.
func dragColumnEdge(t *RecordTable, col int, dx float32) {
	pad := t.Theme().Size(theme.SizeNamePadding)
	x := float32(0)
	for i := 0; i <= col; i++ {
		x += t.Widths()[i]
	}
	x += float32(col)*pad + pad/2 // the gap between col and col+1
	at := fyne.NewPos(x, 10)
	t.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	t.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	to := at.AddXY(dx, 0)
	inner := &t.Table // what the header row forwards the drag to
	inner.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(dx, 0)})
	inner.DragEnd()
	t.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}})
}

func TestColumnWidthsDraggedAreRememberedAcrossRestart(t *testing.T) {
	e := newTestEnv(t)
	table := newTestTable(e)
	table.RememberWidths(e, "column_widths_test")

	dragColumnEdge(table, 0, 120)
	if got := table.Widths(); got[0] != 320 || got[1] != 80 {
		t.Fatalf("after dragging the first edge 120 to the right the widths are %v", got)
	}
	if v, _, _ := e.Store.Setting("column_widths_test"); v != "320,80,80" {
		t.Fatalf("saved widths = %q, want 320,80,80", v)
	}

	// The window is opened again: a new table on the same database.
	again := newTestTable(e)
	if got := again.Widths(); got[0] != 200 {
		t.Fatalf("before it loads, a table has its columns' own widths, got %v", got)
	}
	again.RememberWidths(e, "column_widths_test")
	test.NewWindow(again) // drawn, so the header reports its widths
	if got := again.Widths(); got[0] != 320 || got[1] != 80 || got[2] != 80 {
		t.Errorf("after a restart the widths are %v, want 320 80 80", got)
	}
}

func TestColumnWidthsFromAnOlderLayoutAreIgnored(t *testing.T) {
	e := newTestEnv(t)
	if err := e.Store.SetSetting("column_widths_test", "300,5"); err != nil {
		t.Fatal(err)
	}
	table := newTestTable(e)
	table.RememberWidths(e, "column_widths_test")
	if got := table.Widths(); got[0] != 200 || got[1] != 80 {
		t.Errorf("widths saved for two columns were applied to three: %v", got)
	}
	table.SetWidths([]float32{300, 5, 90})
	if got := table.Widths(); got[1] != minColumnWidth {
		t.Errorf("a 5-pixel column came back %v wide, want at least %d", got[1], minColumnWidth)
	}
}

func TestDrawingOrLoadingWidthsSavesNothing(t *testing.T) {
	e := newTestEnv(t)
	table := newTestTable(e)
	table.RememberWidths(e, "column_widths_test")
	table.Refresh()
	if _, ok, _ := e.Store.Setting("column_widths_test"); ok {
		t.Error("widths nobody changed were saved")
	}
	if err := e.Store.SetSetting("column_widths_test", "300,80,80"); err != nil {
		t.Fatal(err)
	}
	again := newTestTable(e)
	again.RememberWidths(e, "column_widths_test")
	again.Refresh()
	if err := e.Store.SetSetting("column_widths_test", "marker"); err != nil {
		t.Fatal(err)
	}
	again.Refresh()
	if v, _, _ := e.Store.Setting("column_widths_test"); v != "marker" {
		t.Errorf("loading the widths saved them again: %q", v)
	}
}
