package sheet

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// What every plan shares besides its types: problems, counting rows by kind, showing
// values in a change list, and naming the sheet row a save refused.

// Problem is why one row of a sheet cannot be imported.
type Problem struct {
	Row    int    // the row number the owner sees in Excel or WPS
	Field  string // the field refused, in the owner's words (价格, 入群日期); "" for the whole row
	Reason string // what is wrong, as a sentence without the row: 价格不能为负数
}

// String is the problem as one sentence with its row: 第 7 行：价格不能为负数.
func (p Problem) String() string { return fmt.Sprintf("第 %d 行：%s", p.Row, p.Reason) }

// problems turns what checking a row found into its problems, each field named by
// its Label.
func problems[F Field](line int, err error) []Problem {
	var ve data.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Row: line, Reason: "内容无法识别，请检查这一行"}}
	}
	out := make([]Problem, len(ve))
	for i, fe := range ve {
		out[i] = Problem{Row: line, Field: F(fe.Field).Label(), Reason: fe.Message}
	}
	return out
}

// refuseShort refuses row i of t when the file wrote it with fewer cells than the
// header and a mapped column is among those missing: in a CSV from Excel or WPS every
// row is as wide as the sheet, empty cells written as bare commas, so a shorter row
// lost a separator (and its cells may have moved left) or was cut off, and reading
// what is there would save wrong values or clear the missing ones. Cells missing
// only under columns not imported do not matter; an .xlsx, which leaves empty cells
// at the end of a row out, is never short.
func refuseShort[F Field, R any](row *Row[F, R], t *Table, m Mapping[F], i int) {
	given, header := t.given(i), t.given(m.HeaderRow)
	if given < 0 || header < 0 {
		return
	}
	var missing []string
	for col, f := range m.Columns {
		if f != "" && col >= given && col < header {
			missing = append(missing, "「"+f.Label()+"」")
		}
	}
	if len(missing) == 0 {
		return
	}
	p := Problem{Row: row.Line, Reason: fmt.Sprintf("这一行只有 %d 格，表头有 %d 格，%s列在这一行没有：可能少了分隔的逗号，或者这一行被截断了，请用 Excel 或 WPS 打开检查后重新保存", given, header, strings.Join(missing, ""))}
	row.Kind, row.Record, row.Changes, row.Actions = RowInvalid, nil, nil, nil
	row.Problems = append([]Problem{p}, row.Problems...)
}

// tally counts a plan's rows by kind.
type tally [len(rowKindLabels)]int

func (c *tally) add(k RowKind) { c[k]++ }

func (c *tally) count(k RowKind) int {
	if k < 0 || int(k) >= len(c) {
		return 0
	}
	return c[k]
}

// summary counts the rows in the owner's words: 新增 3 条，变更 1 条，不变 20 条，无效 2 条.
func (c *tally) summary() string {
	parts := make([]string, len(RowKinds))
	for i, k := range RowKinds {
		parts[i] = fmt.Sprintf("%s %d 条", k.Label(), c.count(k))
	}
	return strings.Join(parts, "，")
}

// ready is nil when no row is invalid.
func (c *tally) ready() error {
	if n := c.count(RowInvalid); n > 0 {
		return refuse(ErrInvalidRows, "有 %d 行无效，请在表格里改正后重新导入，或选择只导入有效的行", n)
	}
	return nil
}

// explainSaveError turns what a store's Save… returned into a Chinese sentence naming
// the sheet row that was refused; noun is what was imported, and line gives the sheet
// row of the index'th record saved.
func explainSaveError(err error, noun string, line func(index int) int) string {
	var re *data.RowError
	if !errors.As(err, &re) {
		return "保存失败，没有导入任何" + noun + "，请稍后重试"
	}
	var ve data.ValidationError
	if errors.As(re.Err, &ve) {
		return fmt.Sprintf("第 %d 行：%s。没有导入任何%s，请改正后重试", line(re.Index), ve.Error(), noun)
	}
	return fmt.Sprintf("第 %d 行保存失败，没有导入任何%s，请稍后重试", line(re.Index), noun)
}

// maxShown keeps a long note from flooding the preview.
const maxShown = 20

// shownText is a value for a change list: 无 when empty, cut short when long.
func shownText(s string) string {
	switch {
	case s == "":
		return "无"
	case utf8.RuneCountInString(s) > maxShown:
		return string([]rune(s)[:maxShown]) + "…"
	}
	return s
}
