// Package chatpaste reads a block of chat lines copied out of a QQ group window (or
// its exported 消息记录): each message starts with a header line
//
//	2026-11-20 20:15:03 小明(12345678)
//	2026-11-20 20:15:03 小明<xiaoming@example.com>
//
// and continues with its body lines until the next header. Parse returns the messages
// in order and every line it could not read, with its line number and a Reason, so an
// owner sees what was left out; nothing is dropped silently. Blank lines are skipped.
// The package imports neither the database nor the GUI; blind-box entries and poll
// replies both read pastes with it.
package chatpaste

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxLines bounds one paste; lines past it are reported as TooMany.
const MaxLines = 20000

// MaxLineLen bounds one line, in bytes; a longer line is reported as TooLong.
const MaxLineLen = 4000

// Message is one chat message.
type Message struct {
	Line  int       // 1-based line number of the header
	Time  time.Time // as written, in the local zone given to Parse
	Name  string    // the sender's shown name, trimmed
	QQ    string    // digits; empty when the header named an e-mail
	Email string    // empty when the header named a QQ number
	Body  []string  // the body lines, trimmed, blank ones left out
}

// Text is the body joined with newlines.
func (m Message) Text() string { return strings.Join(m.Body, "\n") }

// Reason says why a line was not read.
type Reason int

// The reasons.
const (
	NoHeader Reason = iota + 1 // text before the first message header
	BadQQ                      // a header whose number is not a QQ number
	BadTime                    // a header whose date or time does not exist
	NoBody                     // a header with no text after it
	TooLong                    // a line over MaxLineLen
	TooMany                    // a line past MaxLines
	BadText                    // not valid UTF-8
)

// Problem is one line that was not read.
type Problem struct {
	Line   int
	Text   string // the line, trimmed and cut to 60 characters
	Reason Reason
}

// Result is what Parse found.
type Result struct {
	Messages []Message
	Problems []Problem
}

var header = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(.*?)\s*(?:\(([^()]*)\)|（([^（）]*)）|<([^<>]*)>)$`)

// Parse reads text; times are read in loc (time.Local when nil).
func Parse(text string, loc *time.Location) Result {
	if loc == nil {
		loc = time.Local
	}
	var r Result
	var cur *Message
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Body) == 0 {
			r.Problems = append(r.Problems, Problem{Line: cur.Line, Text: cut(headerText(cur)), Reason: NoBody})
		} else {
			r.Messages = append(r.Messages, *cur)
		}
		cur = nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		line := strings.TrimSpace(strings.TrimPrefix(raw, "\ufeff"))
		if line == "" {
			continue
		}
		switch {
		case n > MaxLines:
			r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: TooMany})
			continue
		case len(line) > MaxLineLen:
			r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: TooLong})
			continue
		case !utf8.ValidString(line):
			r.Problems = append(r.Problems, Problem{Line: n, Text: cut(strings.ToValidUTF8(line, "?")), Reason: BadText})
			continue
		}
		if m := header.FindStringSubmatch(line); m != nil {
			flush()
			t, err := time.ParseInLocation("2006-1-2 15:04:05", m[1]+" "+pad(m[2]), loc)
			if err != nil {
				r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: BadTime})
				continue
			}
			msg := Message{Line: n, Time: t, Name: strings.TrimSpace(m[3])}
			switch {
			case strings.TrimSpace(m[6]) != "":
				msg.Email = strings.TrimSpace(m[6])
			default:
				qq := strings.TrimSpace(m[4] + m[5])
				if !isQQ(qq) {
					r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: BadQQ})
					continue
				}
				msg.QQ = qq
			}
			cur = &msg
			continue
		}
		if looksLikeHeader(line) {
			flush()
			r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: BadQQ})
			continue
		}
		if cur == nil {
			r.Problems = append(r.Problems, Problem{Line: n, Text: cut(line), Reason: NoHeader})
			continue
		}
		cur.Body = append(cur.Body, line)
	}
	flush()
	sort.SliceStable(r.Problems, func(i, j int) bool { return r.Problems[i].Line < r.Problems[j].Line })
	return r
}

var dateStart = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s`)

// looksLikeHeader is a line that starts like a header but names no sender the way
// Parse reads one: a body line after it would be attributed to the wrong message.
func looksLikeHeader(line string) bool { return dateStart.MatchString(line) }

func headerText(m *Message) string {
	who := m.QQ
	if who == "" {
		who = m.Email
	}
	return m.Time.Format("2006-01-02 15:04:05") + " " + m.Name + "(" + who + ")"
}

func pad(clock string) string {
	if len(clock) == 7 { // H:MM:SS
		return "0" + clock
	}
	return clock
}

func isQQ(s string) bool {
	if len(s) < 5 || len(s) > 12 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func cut(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:60]) + "…"
}
