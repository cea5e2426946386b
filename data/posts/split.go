package posts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPartRunes is the longest part a post is split into, in characters (runes),
// marker included: QQ takes longer messages, but members scroll past walls of text.
const MaxPartRunes = 1500

// minPartRunes keeps room for the marker and some text whatever limit is asked for.
const minPartRunes = 40

// Split cuts a post longer than limit characters (runes) into parts of at most limit
// characters each, for the owner to copy one by one. A post that fits is returned
// alone and unchanged. Otherwise every part starts with a marker line "(1/3)\n" and
// the parts' bodies, after their markers, put together give back text exactly.
//
// A part ends after a blank line (between categories) when its room holds one, else
// at the end of a line; only a single line longer than the room is cut inside.
// limit is normally MaxPartRunes; values under 40 are taken as 40.
func Split(text string, limit int) []string {
	limit = max(limit, minPartRunes)
	if utf8.RuneCountInString(text) <= limit {
		return []string{text}
	}
	// The marker's length depends on how many parts there are, so try one-digit
	// counts first, then two, and so on; k ≤ n keeps every marker within markerLen.
	for digits := 1; ; digits++ {
		bodies := pack(text, limit-markerLen(digits))
		if len(bodies) < pow10(digits) {
			return mark(bodies)
		}
	}
}

// markerLen is the length in runes of "(k/n)\n" when n has digits digits.
func markerLen(digits int) int { return 2*digits + 4 }

// marker is the first line of part k of n, such as "(1/3)\n".
func marker(k, n int) string {
	return "(" + strconv.Itoa(k) + "/" + strconv.Itoa(n) + ")\n"
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

func mark(bodies []string) []string {
	parts := make([]string, len(bodies))
	for i, b := range bodies {
		parts[i] = marker(i+1, len(bodies)) + b
	}
	return parts
}

// pack cuts text into bodies of at most room runes each.
func pack(text string, room int) []string {
	room = max(room, 1) // only reached with absurd part counts, but must not loop
	var bodies []string
	for text != "" {
		end := prefixBytes(text, room)
		if end == len(text) {
			return append(bodies, text)
		}
		cut := lastParagraphEnd(text[:end])
		if cut == 0 {
			cut = lastLineEnd(text[:end])
		}
		if cut == 0 {
			cut = end
		}
		bodies = append(bodies, text[:cut])
		text = text[cut:]
	}
	return bodies
}

// prefixBytes is the length in bytes of the first n runes of s (all of s if shorter).
func prefixBytes(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// lastParagraphEnd is the last position in s just after a blank line with some text
// before it, or 0. Text before it keeps a part from being only blank lines.
func lastParagraphEnd(s string) int {
	return lastCut(s, func(line string) bool { return strings.TrimSpace(line) == "" })
}

// lastLineEnd is the last position in s just after a newline with some text before
// it, or 0.
func lastLineEnd(s string) int {
	return lastCut(s, func(string) bool { return true })
}

// lastCut is the last position p in s such that s[:p] ends with a line for which ok
// is true and s[:p] holds some non-blank text, or 0.
func lastCut(s string, ok func(line string) bool) int {
	text := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if text < 0 {
		return 0
	}
	for p := strings.LastIndexByte(s, '\n'); p > text; p = strings.LastIndexByte(s[:p], '\n') {
		lineStart := strings.LastIndexByte(s[:p], '\n') + 1
		if ok(s[lineStart:p]) {
			return p + 1
		}
	}
	return 0
}
