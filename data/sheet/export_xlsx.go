package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Column widths in Excel's units (about one Latin character; a Chinese one takes two).
const (
	minColWidth = 8
	maxColWidth = 50
)

// styles are the cell styles an export uses, by kind of cell.
type styles struct {
	header int
	byKind map[cellKind]int
}

// writeXLSX writes g as a workbook with one sheet: a bold header that stays in view
// when scrolling, and columns wide enough for their content.
func writeXLSX(w io.Writer, g grid) error { return writeWorkbook(w, g) }

// writeWorkbook writes one sheet per grid, in order, each as writeXLSX describes.
func writeWorkbook(w io.Writer, gs ...grid) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, g := range gs {
		if i == 0 {
			err = f.SetSheetName("Sheet1", g.sheet)
		} else {
			_, err = f.NewSheet(g.sheet)
		}
		if err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		sw, err := f.NewStreamWriter(g.sheet)
		if err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		if err := writeLayout(sw, g); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		if err := writeRows(sw, g, st); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

func newStyles(f *excelize.File) (styles, error) {
	st := styles{byKind: make(map[cellKind]int)}
	var err error
	st.header, err = f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}},
	})
	if err != nil {
		return st, err
	}
	for kind, format := range map[cellKind]string{kindDate: "yyyy-mm-dd", kindDateTime: "yyyy-mm-dd hh:mm"} {
		code := format
		if st.byKind[kind], err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeLayout sets what the stream writer needs before the first row: column widths
// and the frozen header.
//
// The widths go in from the last column to the first: the stream writer puts each new
// <col> in front of those it has (excelize v2.11), and Excel wants them ascending; a
// workbook with them descending opens only after Excel offers to "repair" it.
// TestExportedWorkbooksFollowOOXML reads the written XML and holds the order.
func writeLayout(sw *excelize.StreamWriter, g grid) error {
	widths := columnWidths(g)
	for col := len(widths); col >= 1; col-- {
		if err := sw.SetColWidth(col, col, widths[col-1]); err != nil {
			return err
		}
	}
	return sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
}

func writeRows(sw *excelize.StreamWriter, g grid, st styles) error {
	values := make([]any, len(g.header))
	for i, h := range g.header {
		values[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", values); err != nil {
		return err
	}
	for r, row := range g.rows {
		for i, c := range row {
			values[i] = xlsxValue(c, st)
		}
		ref, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, values); err != nil {
			return err
		}
	}
	return nil
}

// xlsxValue is the typed value of c, so that prices sum and dates sort in Excel.
func xlsxValue(c cell, st styles) any {
	switch c.kind {
	case kindNumber:
		return c.num
	case kindDate, kindDateTime:
		return excelize.Cell{StyleID: st.byKind[c.kind], Value: c.date}
	}
	if c.text == "" {
		return nil
	}
	return c.text
}

// columnWidths fits each column to its widest value, within bounds.
func columnWidths(g grid) []float64 {
	widths := make([]float64, len(g.header))
	for i, h := range g.header {
		widths[i] = displayWidth(h)
	}
	for _, row := range g.rows {
		for i, c := range row {
			widths[i] = max(widths[i], displayWidth(c.text))
		}
	}
	for i, w := range widths {
		widths[i] = min(max(w+2, minColWidth), maxColWidth)
	}
	return widths
}

// displayWidth counts a Chinese character as two columns, as Excel draws it.
func displayWidth(s string) float64 {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return float64(n)
}
