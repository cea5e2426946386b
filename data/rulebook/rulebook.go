// Package rulebook is the rule of a group's 群规: what a section of the rules is,
// how it is tidied and checked before it is kept, the default sections a 卡盟 group
// starts from, and what changed between two versions (sections added, removed,
// renamed, moved, changed, with a line diff of a changed one). Members trust a group
// whose rules they can read and whose changes are visible; the store keeps every
// version, this package says what they are and how they differ.
//
// It is pure: it imports neither GORM nor Fyne, nor package data.
package rulebook

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the rules, in characters. A title is as long as the column allows; a body
// fits one QQ message; thirty sections are more than any group's rules need.
const (
	MaxTitleLen = 60
	MaxBodyLen  = 1000
	MaxSections = 30
	MaxNoteLen  = 200
)

// Section is one section of the rules: a title such as 交易规则（担保交易） and its text.
type Section struct {
	Title string
	Body  string
}

// Tidy is how a section is kept: the title on one line without spaces around it, the
// body with "\n" line ends, no spaces at line ends and no blank lines at either end.
// Two versions are compared tidied, so a trailing space is no change.
func Tidy(s Section) Section {
	title := strings.Join(strings.Fields(s.Title), " ")
	body := strings.ReplaceAll(s.Body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	body = strings.Trim(strings.Join(lines, "\n"), "\n")
	return Section{Title: title, Body: body}
}

// TidyAll tidies every section, and the note.
func TidyAll(ss []Section) []Section {
	out := make([]Section, len(ss))
	for i, s := range ss {
		out[i] = Tidy(s)
	}
	return out
}

// Problem is one thing wrong with rules about to be saved. Index is the section
// (0-based), or -1 for the rules as a whole; Field is "title", "body", "sections"
// or "note"; Message is a Chinese sentence for the owner naming the section.
type Problem struct {
	Index   int
	Field   string
	Message string
}

// Check finds what keeps tidied sections and a note from being saved: no sections,
// too many, a section without a title, two sections with one title, a title, body or
// note over its limit.
func Check(ss []Section, note string) []Problem {
	var ps []Problem
	add := func(i int, field, format string, args ...any) {
		ps = append(ps, Problem{Index: i, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case len(ss) == 0:
		add(-1, "sections", "群规至少要有一条，请点「添加一条」")
	case len(ss) > MaxSections:
		add(-1, "sections", "群规最多 %d 条，现在 %d 条，请合并或删掉几条", MaxSections, len(ss))
	}
	seen := map[string]int{}
	for i, s := range ss {
		s = Tidy(s)
		switch n := utf8.RuneCountInString(s.Title); {
		case n == 0:
			add(i, "title", "第 %d 条的标题不能为空", i+1)
		case n > MaxTitleLen:
			add(i, "title", "第 %d 条的标题最多 %d 个字，现在 %d 个字", i+1, MaxTitleLen, n)
		default:
			if j, ok := seen[s.Title]; ok {
				add(i, "title", "第 %d 条的标题和第 %d 条一样，请改一个", i+1, j+1)
			} else {
				seen[s.Title] = i
			}
		}
		if n := utf8.RuneCountInString(s.Body); n > MaxBodyLen {
			add(i, "body", "第 %d 条（%s）的内容最多 %d 个字，现在 %d 个字，请拆成两条", i+1, short(s.Title), MaxBodyLen, n)
		}
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(note)); n > MaxNoteLen {
		add(-1, "note", "修改说明最多 %d 个字，现在 %d 个字", MaxNoteLen, n)
	}
	return ps
}

// short is a title cut for a message.
func short(title string) string {
	if r := []rune(title); len(r) > 12 {
		return string(r[:12]) + "…"
	}
	if title == "" {
		return "无标题"
	}
	return title
}

// Same tells whether two versions say the same, tidied: the same sections in the same
// order with the same titles and text.
func Same(a, b []Section) bool {
	return slices.Equal(TidyAll(a), TidyAll(b))
}
