package chatlog

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// header is a message header line taken apart. The byte slices point into the line.
type header struct {
	at     time.Time
	name   []byte // with the 【title】 still on
	qq     []byte
	email  []byte
	sender []byte // name and number as the line has them, a key for the sender cache
}

var (
	amCN = []byte("上午")
	pmCN = []byte("下午")
)

const chinaOffset = 8 * time.Hour

// parseHeader reads a message header line (UTF-8, no line end):
//
//	DATE SP [MARK [SP]] TIME [[SP] MARK] SP SENDER
//	DATE   = YYYY-M-D (month and day with one or two digits)
//	TIME   = H:MM:SS (hour with one or two digits)
//	MARK   = AM | PM | 上午 | 下午 (a 12-hour clock; before or after the time)
//	SENDER = NAME "(" 5–12 digits ")" | NAME "<" e-mail ">"
//
// The QQ number is the last parenthesised group, so a name may hold parentheses.
// Trailing spaces are ignored. The time is China wall-clock time.
func parseHeader(line []byte, h *header) bool {
	if len(line) < 16 || line[0] < '0' || line[0] > '9' {
		return false
	}
	y, i, ok := num(line, 0, 4, 4)
	if !ok || i >= len(line) || line[i] != '-' {
		return false
	}
	mo, i, ok := num(line, i+1, 1, 2)
	if !ok || i >= len(line) || line[i] != '-' {
		return false
	}
	d, i, ok := num(line, i+1, 1, 2)
	if !ok || i >= len(line) || line[i] != ' ' {
		return false
	}
	i++
	mark, i := marker(line, i, false)
	hh, i, ok := num(line, i, 1, 2)
	if !ok || i >= len(line) || line[i] != ':' {
		return false
	}
	mi, i, ok := num(line, i+1, 2, 2)
	if !ok || i >= len(line) || line[i] != ':' {
		return false
	}
	s, i, ok := num(line, i+1, 2, 2)
	if !ok {
		return false
	}
	if mark == 0 {
		mark, i = marker(line, i, true)
	}
	if i >= len(line) || line[i] != ' ' {
		return false
	}
	sender := line[i+1:]
	for len(sender) > 0 && (sender[len(sender)-1] == ' ' || sender[len(sender)-1] == '\t') {
		sender = sender[:len(sender)-1]
	}
	switch mark {
	case 'a':
		if hh < 1 || hh > 12 {
			return false
		}
		if hh == 12 {
			hh = 0
		}
	case 'p':
		if hh < 1 || hh > 12 {
			return false
		}
		if hh < 12 {
			hh += 12
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) || hh > 23 || mi > 59 || s > 59 {
		return false
	}
	if !parseSender(sender, h) {
		return false
	}
	h.sender = sender
	h.at = time.Unix(unixDays(y, mo, d)*86400+int64(hh*3600+mi*60+s)-int64(chinaOffset/time.Second), 0).UTC()
	return true
}

// unixDays is the number of days from 1970-01-01 to the date (proleptic Gregorian),
// by hand because time.Date was a fifth of the parse.
func unixDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // years are positive here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097+doe) - 719468
}

// marker reads an AM/PM mark at i: before the time it may be followed by a space,
// after the time it must be preceded by one (上午/下午 may also touch the time).
// It returns 'a', 'p' or 0 and where reading goes on.
func marker(line []byte, i int, after bool) (byte, int) {
	j := i
	if after && j+1 < len(line) && line[j] == ' ' {
		if c := line[j+1]; c != 'A' && c != 'P' && c != 0xE4 { // 上 and 下 start with E4
			return 0, i
		}
	}
	spaced := false
	if after && j < len(line) && line[j] == ' ' {
		j++
		spaced = true
	}
	rest := line[j:]
	var mark byte
	var n int
	switch {
	case bytes.HasPrefix(rest, amCN):
		mark, n = 'a', len(amCN)
	case bytes.HasPrefix(rest, pmCN):
		mark, n = 'p', len(pmCN)
	case len(rest) >= 2 && (rest[0] == 'A' || rest[0] == 'P') && rest[1] == 'M' && (spaced || !after):
		mark, n = rest[0]+('a'-'A'), 2
	default:
		return 0, i
	}
	j += n
	if !after {
		if j < len(line) && line[j] == ' ' {
			j++
		}
		return mark, j
	}
	if j >= len(line) || line[j] != ' ' {
		return 0, i // "3:04:05 AMY(…)": a name, not a mark
	}
	return mark, j
}

// parseSender splits NAME(QQ) or NAME<email>.
func parseSender(s []byte, h *header) bool {
	if len(s) < 2 {
		return false
	}
	h.qq, h.email = nil, nil
	switch s[len(s)-1] {
	case ')':
		open := bytes.LastIndexByte(s, '(')
		if open < 0 {
			return false
		}
		digits := s[open+1 : len(s)-1]
		if len(digits) < 5 || len(digits) > 12 || digits[0] == '0' {
			return false
		}
		for _, c := range digits {
			if c < '0' || c > '9' {
				return false
			}
		}
		h.name, h.qq = s[:open], digits
	case '>':
		open := bytes.LastIndexByte(s, '<')
		if open < 0 {
			return false
		}
		mail := s[open+1 : len(s)-1]
		if len(mail) == 0 || bytes.ContainsAny(mail, " \t<>") {
			return false
		}
		h.name, h.email = s[:open], mail
	default:
		return false
	}
	return true
}

// num reads between lo and hi ASCII digits at i.
func num(b []byte, i, lo, hi int) (int, int, bool) {
	n, start := 0, i
	for i < len(b) && i-start < hi && b[i] >= '0' && b[i] <= '9' {
		n = n*10 + int(b[i]-'0')
		i++
	}
	return n, i, i-start >= lo
}

func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// headerPrefix reports whether line could be the start of a header cut short:
// up to four digits, or a date and then anything.
func headerPrefix(line []byte) bool {
	_, i, ok := num(line, 0, 1, 4)
	if !ok {
		return false
	}
	if i == len(line) {
		return true
	}
	if i != 4 || line[i] != '-' {
		return false
	}
	_, i, _ = num(line, i+1, 0, 2)
	if i == len(line) {
		return true
	}
	if line[i] != '-' {
		return false
	}
	_, i, _ = num(line, i+1, 0, 2)
	return i == len(line) || line[i] == ' '
}

// splitTitle takes the leading 【title】s off a name. Several (【活跃】【管理员】小王)
// come back joined by "、", without brackets; spaces between them are dropped.
func splitTitle(name []byte) (title, rest []byte) {
	const open, close = "【", "】"
	rest = name
	for bytes.HasPrefix(rest, []byte(open)) {
		end := bytes.Index(rest, []byte(close))
		if end < 0 {
			break
		}
		if title != nil {
			title = append(title, "、"...)
		}
		title = append(title, rest[len(open):end]...)
		rest = bytes.TrimLeft(rest[end+len(close):], " ")
	}
	if title == nil {
		return nil, name
	}
	return title, rest
}

// mentions lists the names @-ed in text: "@" then everything up to white space,
// another "@" or a punctuation mark. An "@" right after a letter or digit is part
// of an e-mail address, not a mention.
func mentions(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		at := indexByteFrom(text, '@', i)
		if at < 0 {
			break
		}
		i = at + 1
		if at > 0 && isWordByte(text[at-1]) {
			continue
		}
		end := i
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if endsMention(r) {
				break
			}
			end += size
		}
		if end > i {
			out = append(out, text[i:end])
		}
		i = end
	}
	return out
}

func indexByteFrom(s string, c byte, from int) int {
	if j := strings.IndexByte(s[from:], c); j >= 0 {
		return from + j
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '-'
}

func endsMention(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '@',
		',', '.', '!', '?', ':', ';', '，', '。', '！', '？', '：', '；', '、', '…', '）', '】', '」', '》':
		return true
	}
	return false
}
