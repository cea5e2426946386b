package sheet

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// What the resource and the member plans share: counting rows by kind, showing a
// row's changes or problems, and naming the sheet row a save refused.

// tally counts a plan's rows by kind.
type tally [len(rowKindLabels)]int

func (c *tally) add(k RowKind) { c[k]++ }

func (c *tally) count(k RowKind) int {
	if k < 0 || int(k) >= len(c) {
		return 0
	}
	return c[k]
}

// summary counts the rows in the owner's words: 新增 3 条,变更 1 条,不变 20 条,无效 2 条.
func (c *tally) summary() string {
	parts := make([]string, len(RowKinds))
	for i, k := range RowKinds {
		parts[i] = fmt.Sprintf("%s %d 条", k.Label(), c.count(k))
	}
	return strings.Join(parts, ",")
}

// ready is nil when no row is invalid.
func (c *tally) ready() error {
	if n := c.count(RowInvalid); n > 0 {
		return refuse(ErrInvalidRows, "有 %d 行无效,请在表格里改正后重新导入,或选择只导入有效的行", n)
	}
	return nil
}

// Problem is why one row of a sheet cannot be imported.
type Problem struct {
	Row    int    // the row number the owner sees in Excel or WPS
	Field  string // the field refused, in the owner's words (价格, 入群日期); "" for the whole row
	Reason string // what is wrong, as a sentence without the row: 价格不能为负数
}

// String is the problem as one sentence with its row: 第 7 行：价格不能为负数.
func (p Problem) String() string { return fmt.Sprintf("第 %d 行：%s", p.Row, p.Reason) }

// detailSep separates the parts of a row's detail.
const detailSep = "；"

// detail is a row's changes or the reasons it is refused on one line, for a preview
// list that shows the row number beside it.
func detail[C fmt.Stringer](kind RowKind, problems []Problem, changes []C) string {
	var parts []string
	if kind == RowInvalid {
		for _, p := range problems {
			parts = append(parts, p.Reason)
		}
	} else {
		for _, c := range changes {
			parts = append(parts, c.String())
		}
	}
	return strings.Join(parts, detailSep)
}

// plannedRow is a plan's row seen from what plans share: its sheet line, whether
// ToSave includes it, and its problems.
type plannedRow[R any] interface {
	*R
	outcome() (line int, saved bool, problems []Problem)
}

// rowProblems lists every invalid row's problems in sheet order.
func rowProblems[R any, P plannedRow[R]](rows []R) []Problem {
	var out []Problem
	for i := range rows {
		_, _, problems := P(&rows[i]).outcome()
		out = append(out, problems...)
	}
	return out
}

// explainSaveError turns what a store's Save… returned for a plan's ToSave() into a
// Chinese sentence naming the sheet row that was refused; noun is what was imported.
func explainSaveError[R any, P plannedRow[R]](rows []R, err error, noun string) string {
	var re *data.RowError
	if !errors.As(err, &re) {
		return "保存失败，没有导入任何" + noun + "，请稍后重试"
	}
	line := savedLine[R, P](rows, re.Index)
	var ve data.ValidationError
	if errors.As(re.Err, &ve) {
		return fmt.Sprintf("第 %d 行：%s。没有导入任何%s，请改正后重试", line, ve.Error(), noun)
	}
	return fmt.Sprintf("第 %d 行保存失败，没有导入任何%s，请稍后重试", line, noun)
}

// savedLine is the sheet row of ToSave()[index].
func savedLine[R any, P plannedRow[R]](rows []R, index int) int {
	for i := range rows {
		line, saved, _ := P(&rows[i]).outcome()
		if !saved {
			continue
		}
		if index == 0 {
			return line
		}
		index--
	}
	return 0
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

// problems turns what checking a row found into its problems, each field named by
// label (the field's key in data.FieldError → its name in the owner's words).
func problems(line int, err error, label func(key string) string) []Problem {
	var ve data.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Row: line, Reason: "内容无法识别，请检查这一行"}}
	}
	out := make([]Problem, len(ve))
	for i, fe := range ve {
		out[i] = Problem{Row: line, Field: label(fe.Field), Reason: fe.Message}
	}
	return out
}
