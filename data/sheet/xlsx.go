package sheet

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

// maxUnzipped bounds what a workbook may expand to: far more than 50,000 rows need,
// far less than a zip bomb would take.
const maxUnzipped = 512 << 20

// ReadXLSX reads the first worksheet that holds anything. Numbers come out as typed
// (12.5, not 12.500000000000002 or a currency-formatted 12.50) and date cells as
// 2006-01-02 or 2006-01-02 15:04, whatever format the cell displays.
func ReadXLSX(r io.Reader) (*Table, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	return readXLSX(b)
}

func readXLSX(b []byte) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzipped})
	if err != nil {
		return nil, refuseWith(ErrUnreadable, err, "读不出这个 Excel 文件，请用 Excel 或 WPS 打开后「另存为」.xlsx 或 CSV 再导入（Numbers 表格请先导出为 Excel）")
	}
	defer func() { _ = f.Close() }()
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	for _, name := range f.GetSheetList() {
		t, err := readWorksheet(f, name, date1904)
		if errors.Is(err, ErrEmpty) {
			continue
		}
		if err != nil {
			return nil, err
		}
		t.Sheet = name
		return t, nil
	}
	return nil, refuse(ErrEmpty, "这个 Excel 文件的每个工作表都是空的")
}

// readWorksheet streams one sheet twice in step: once as stored (raw numbers, date
// serials) and once as displayed, because only the displayed text tells a date cell
// from a number and only the stored value gives the exact number or date.
func readWorksheet(f *excelize.File, name string, date1904 bool) (*Table, error) {
	stored, err := f.Rows(name)
	if err != nil {
		return nil, refuseWith(ErrUnreadable, err, "读不出工作表「"+name+"」，请用 Excel 或 WPS 另存为 .xlsx 后再试")
	}
	defer func() { _ = stored.Close() }()
	shown, err := f.Rows(name)
	if err != nil {
		return nil, refuseWith(ErrUnreadable, err, "读不出工作表「"+name+"」，请用 Excel 或 WPS 另存为 .xlsx 后再试")
	}
	defer func() { _ = shown.Close() }()
	var c rowCollector
	for stored.Next() && shown.Next() {
		raw, err1 := stored.Columns(excelize.Options{RawCellValue: true})
		text, err2 := shown.Columns()
		if err := errors.Join(err1, err2); err != nil {
			return nil, refuseWith(ErrUnreadable, err, "工作表「"+name+"」里有读不出的内容，请用 Excel 或 WPS 另存为 .xlsx 后再试")
		}
		if err := c.add(mergeCells(raw, text, date1904)); err != nil {
			return nil, err
		}
	}
	if err := errors.Join(stored.Error(), shown.Error()); err != nil {
		return nil, refuseWith(ErrTooManyRows, err, "工作表「"+name+"」行数太多，请拆成几个小文件分别导入")
	}
	return c.table()
}

// mergeCells picks, cell by cell, the text the import should see.
func mergeCells(raw, shown []string, date1904 bool) []string {
	out := make([]string, max(len(raw), len(shown)))
	for i := range out {
		out[i] = cellText(at(raw, i), at(shown, i), date1904)
	}
	return out
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// cellText chooses between a cell's stored and displayed value: text shows as stored;
// a number whose display differs is either a date (shown with date separators) or a
// formatted number such as ¥12.50, which is read back as typed.
func cellText(raw, shown string, date1904 bool) string {
	if raw == shown {
		return raw
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return shown
	}
	if looksLikeDate(shown) {
		// A serial below 1 is a time of day without a date: keep it as shown.
		if d, ok := excelDate(v, date1904, strings.ContainsAny(shown, ":时")); ok && v >= 1 {
			return d
		}
		return shown
	}
	return plainNumber(v)
}

// looksLikeDate reports whether displayed text has a date's separators after its first
// character, which keeps a leading minus sign from counting.
func looksLikeDate(shown string) bool {
	s := strings.TrimSpace(shown)
	if len(s) < 2 {
		return false
	}
	return strings.ContainsAny(s[1:], "-/:年月日时")
}

// excelDate formats a date serial as the cell shows it: to the minute when its format
// shows a time (even 00:00, which as a deadline differs from the day alone), else as
// the day.
func excelDate(serial float64, date1904, withTime bool) (string, bool) {
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return "", false
	}
	if withTime {
		return t.Round(time.Minute).Format(data.DateMinLayout), true
	}
	return t.Format(data.DateLayout), true
}

// plainNumber writes v the way Excel shows it in General format: at most 15 significant
// digits (so binary noise like 0.30000000000000004 goes) and never an exponent.
func plainNumber(v float64) string {
	rounded, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(rounded, 'f', -1, 64)
}
