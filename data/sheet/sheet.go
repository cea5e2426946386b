// Package sheet moves the catalog in and out of spreadsheets: it exports the 资源索引表
// and the full catalog as .xlsx and .csv, and reads an owner's .xlsx or .csv (Excel,
// WPS; UTF-8, GBK or UTF-16) into a Table. An import maps the table's columns to
// fields (Mapping[F] over ResourceField or MemberField) and plans what saving would
// do row by row (Plan[F, R]: NewResourcePlan for a price list or an exported catalog,
// NewMemberPlan for a group's member list as QQ group tools export it), which the
// owner reviews before anything is saved. It never imports the GUI or the database
// driver: callers pass readers, writers, []data.Resource and []data.Member.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what Read accepts, so that a wrong file cannot exhaust memory.
const (
	MaxFileSize = 20 << 20 // bytes
	MaxRows     = 50_000   // rows, counting the header and any title rows
	MaxColumns  = 256      // columns after trailing empty ones are dropped
)

// Table is a sheet read into memory as text. Rows[i] is row i+1 as Excel or WPS shows
// it, so row numbers in messages match what the owner sees. Every row has the same
// length; trailing empty rows and columns are dropped.
type Table struct {
	Rows     [][]string
	Sheet    string // the worksheet read, for .xlsx files
	Encoding string // the text encoding found, for .csv files: one of the Encoding… values
	// Given[i] is how many cells row i had in a .csv file, empty ones at its end
	// included: Excel and WPS write every row of a sheet as wide as the sheet, so a
	// row with fewer lacks a separator or was cut short. Nil for .xlsx, which leaves
	// empty cells at the end of a row out.
	Given []int
}

// given is how many cells row i had in the file, or -1 when the format does not say.
func (t *Table) given(i int) int {
	if t.Given == nil || i < 0 || i >= len(t.Given) {
		return -1
	}
	return t.Given[i]
}

// The encodings ReadCSV recognizes.
const (
	EncodingUTF8BOM = "UTF-8 BOM"
	EncodingUTF8    = "UTF-8"
	EncodingGB18030 = "GB18030" // also reads GBK and GB2312, which it extends
	EncodingUTF16   = "UTF-16"
)

// Width is the number of columns.
func (t *Table) Width() int {
	if len(t.Rows) == 0 {
		return 0
	}
	return len(t.Rows[0])
}

// Line is the row number the owner sees for Rows[i].
func Line(i int) int { return i + 1 }

// ColumnName is the spreadsheet letter of column i (0 → A, 26 → AA), for showing the
// mapping the way Excel labels columns.
func ColumnName(i int) string {
	name := ""
	for n := i + 1; n > 0; n = (n - 1) / 26 {
		name = string(rune('A'+(n-1)%26)) + name
	}
	return name
}

// Error is a file or mapping that cannot be used. Its message is a complete Chinese
// sentence that tells the owner what to do; Err is one of the Err… values below,
// possibly wrapping the library error behind it.
type Error struct {
	Message string
	Err     error
}

// Error returns the message for the owner.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the reason, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// Reasons a file or a mapping is refused; test with errors.Is.
var (
	ErrTooLarge       = errors.New("file too large")
	ErrTooManyRows    = errors.New("too many rows")
	ErrTooManyColumns = errors.New("too many columns")
	ErrOldExcel       = errors.New("legacy .xls or encrypted workbook")
	ErrUnreadable     = errors.New("unreadable workbook")
	ErrEmpty          = errors.New("empty sheet")
	ErrNoHeader       = errors.New("no header row")
	ErrMapping        = errors.New("incomplete mapping")
	ErrInvalidRows    = errors.New("invalid rows in plan")
)

func refuse(kind error, format string, args ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, args...), Err: kind}
}

// cause keeps the library error for logs while the owner sees only the message.
func refuseWith(kind, cause error, msg string) *Error {
	return &Error{Message: msg, Err: fmt.Errorf("%w: %w", kind, cause)}
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Read reads a spreadsheet chosen by the owner, .xlsx or .csv, telling them apart by
// content rather than by name because owners rename files freely.
func Read(r io.Reader) (*Table, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(b, zipMagic):
		return readXLSX(b)
	case bytes.HasPrefix(b, oleMagic):
		return nil, refuse(ErrOldExcel, "这是旧版 Excel 文件（.xls）或设置了密码的文件，请在 Excel 或 WPS 里去掉密码并「另存为」.xlsx 或 CSV 后再导入")
	}
	return readCSV(b)
}

// readLimited reads all of r, refusing more than MaxFileSize bytes.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, refuseWith(ErrUnreadable, err, "读取文件失败，请确认文件没有被其他程序占用后重试")
	}
	if len(b) > MaxFileSize {
		return nil, refuse(ErrTooLarge, "文件太大了（超过 %d MB），请把表格拆成几个小文件分别导入", MaxFileSize>>20)
	}
	return b, nil
}

// rowCollector gathers rows as a reader produces them. It keeps the row numbering
// of blank rows between filled ones but drops blank rows at the end, which Excel
// often leaves formatted but empty.
type rowCollector struct {
	rows    [][]string
	pending int // blank rows seen since the last filled one
	// given counts each row's cells as the file wrote them, for formats that write
	// empty cells at the end of a row (CSV); nil for those that leave them out.
	given []int
}

// add appends one row; a filled row beyond MaxRows is refused.
func (c *rowCollector) add(cells []string) error {
	n := len(cells)
	cells = trimRow(cells)
	if len(cells) == 0 {
		c.pending++
		return nil
	}
	if len(c.rows)+c.pending >= MaxRows {
		return refuse(ErrTooManyRows, "表格超过 %d 行，请拆成几个小文件分别导入", MaxRows)
	}
	for ; c.pending > 0; c.pending-- {
		c.rows = append(c.rows, nil)
		if c.given != nil {
			c.given = append(c.given, 0)
		}
	}
	c.rows = append(c.rows, cells)
	if c.given != nil {
		c.given = append(c.given, n)
	}
	return nil
}

// skip counts n blank rows that the reader saw but did not deliver.
func (c *rowCollector) skip(n int) {
	if n > 0 {
		c.pending += n
	}
}

// table pads every row to the same width.
func (c *rowCollector) table() (*Table, error) {
	width := 0
	for _, r := range c.rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return nil, refuse(ErrEmpty, "表格是空的，没有找到任何内容")
	}
	if width > MaxColumns {
		return nil, refuse(ErrTooManyColumns, "表格有 %d 列，超过了 %d 列，请删掉用不到的列后再导入", width, MaxColumns)
	}
	for i, r := range c.rows {
		if len(r) < width {
			padded := make([]string, width)
			copy(padded, r)
			c.rows[i] = padded
		}
	}
	return &Table{Rows: c.rows, Given: c.given}, nil
}

// trimRow drops trailing cells that hold nothing but spaces.
func trimRow(cells []string) []string {
	n := len(cells)
	for n > 0 && strings.TrimSpace(cells[n-1]) == "" {
		n--
	}
	return cells[:n]
}
