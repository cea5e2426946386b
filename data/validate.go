package data

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Text limits, in characters, shared by forms and imports.
const (
	MaxNameLen    = 60
	MaxShortLen   = 30
	MaxNotesLen   = 500
	MaxTags       = 10
	MaxTagLen     = 12
	MaxStock      = 1_000_000
	DateLayout    = "2006-01-02"
	DateMinLayout = "2006-01-02 15:04"
)

// A member's names as QQ allows them, in characters: a 群名片 of up to 60 bytes, a
// nickname with emoji. The columns hold them (varchar(60) counts characters in
// PostgreSQL too).
const (
	MaxNicknameLen  = 60
	MaxCardLen      = 60
	MaxLevelNameLen = 30 // a group's name for a level (潜水, 冒泡…), as owners set it in QQ
)

// checkText refuses empty required text and text over max characters.
func checkText(p *problems, field, label, s string, max int, required bool) string {
	s = strings.TrimSpace(s)
	if required && s == "" {
		p.add(field, "%s不能为空", label)
	}
	if n := utf8.RuneCountInString(s); n > max {
		p.add(field, "%s最多 %d 个字，现在 %d 个字", label, max, n)
	}
	return s
}

// CheckQQ refuses anything that is not a QQ number: 5 to 12 digits, not starting with 0.
func CheckQQ(field, label, s string) error {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return &FieldError{Field: field, Message: label + "不能为空"}
	case !allDigits(s) || len(s) < 5 || len(s) > 12 || s[0] == '0':
		return &FieldError{Field: field, Message: label + "须为 5–12 位数字，且不以 0 开头"}
	}
	return nil
}

// parsePrice reads a price field: optional ones may be empty (0), negative and
// absurd prices are refused with the field named.
func parsePrice(p *problems, field, label, s string, required bool) int64 {
	if strings.TrimSpace(s) == "" {
		if required {
			p.add(field, "%s不能为空，免费资源请填 0", label)
		}
		return 0
	}
	cents, ok := parseYuan(s)
	switch {
	case !ok:
		p.add(field, "%s格式不对，请填写数字，最多两位小数，如 12.5", label)
	case cents < 0:
		p.add(field, "%s不能为负数", label)
	case cents > MaxPriceCents:
		p.add(field, "%s不能超过 %s 元", label, Yuan(MaxPriceCents))
	default:
		return cents
	}
	return 0
}

// parseStock reads a stock count; empty or 不限 means unlimited.
func parseStock(p *problems, field, label, s string) (stock int, unlimited bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "", "不限", "无限", "充足", "-":
		return 0, true
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		p.add(field, "%s请填写整数，不限库存请留空", label)
	case n < 0:
		p.add(field, "%s不能为负数", label)
	case n > MaxStock:
		p.add(field, "%s不能超过 %d", label, MaxStock)
	default:
		return n, false
	}
	return 0, false
}

var dateLayouts = []string{
	DateMinLayout, "2006-1-2 15:04", "2006/1/2 15:04", "2006.1.2 15:04",
	DateLayout, "2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日", "20060102",
}

// parseDate reads a date, with or without a time, in loc. A date without a time means
// the start of that day, or its last minute when endOfDay is set (a deadline).
func parseDate(p *problems, field, label, s string, loc *time.Location, endOfDay bool) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for _, layout := range dateLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		if endOfDay && !strings.Contains(layout, "15") {
			t = t.Add(24*time.Hour - time.Minute)
		}
		if t.Year() < 2000 || t.Year() > 2100 {
			break
		}
		t = t.UTC()
		return &t
	}
	p.add(field, "%s格式不对，请写成 %s 或 %s", label, "2026-12-31", "2026-12-31 20:00")
	return nil
}

// FormatDate shows a stored UTC time as a local date, with the time when it is not
// the start or the last minute of a day.
func FormatDate(t *time.Time, loc *time.Location) string {
	if t == nil {
		return ""
	}
	l := t.In(loc)
	if (l.Hour() == 0 && l.Minute() == 0) || (l.Hour() == 23 && l.Minute() == 59) {
		return l.Format(DateLayout)
	}
	return l.Format(DateMinLayout)
}

// SplitTags reads tags as forms and imports do: separated by commas, 、, spaces or
// semicolons, half- or full-width, with repeats dropped.
func SplitTags(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",; \t\n#，、；", r)
	})
	seen := make(map[string]bool, len(fields))
	tags := fields[:0]
	for _, f := range fields {
		if !seen[f] {
			seen[f] = true
			tags = append(tags, f)
		}
	}
	return tags
}

func checkTags(p *problems, field, label string, tags []string) {
	if len(tags) > MaxTags {
		p.add(field, "%s最多 %d 个，现在 %d 个", label, MaxTags, len(tags))
	}
	for _, t := range tags {
		if n := utf8.RuneCountInString(t); n > MaxTagLen {
			p.add(field, "%s「%s」太长，每个最多 %d 个字", label, t, MaxTagLen)
			return
		}
	}
}
