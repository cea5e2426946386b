package posts

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// codeMask replaces a card code outright: even part of a code can be enough to redeem it.
const codeMask = "****"

// Card codes written in groups: ABCD-1234-EFGH-5678 (any case), or 4-character groups
// separated by spaces such as 1234 5678 9012 3456. Dates (2026-11-26) and times have
// groups shorter than four and never match.
var (
	dashedCodeRE = regexp.MustCompile(`[A-Za-z0-9]{4,}(?:-[A-Za-z0-9]{4,}){2,}`)
	spacedCodeRE = regexp.MustCompile(`\b[A-Z0-9]{4}(?: [A-Z0-9]{4}){2,}\b`)
)

// Sanitize hides what must never reach a QQ group in a post, so that a note typed
// carelessly cannot leak it:
//
//   - card codes become ****: dashed or spaced groups (see above) holding at least one
//     digit, and runs of 12 or more uppercase letters and digits holding at least
//     four digits (a run of digits only counts from 13, since 12 digits can be a QQ);
//   - any other run of 7 or more digits is masked like data.MaskQQ (123****789);
//   - a run of 5 or 6 digits is masked the same way when it equals one of knownQQ,
//     unless it is a price (after ¥ or ￥, before 元 or 块, or before a decimal point).
//
// Full-width digits (１２３) count as digits. Prices up to 100000 元 and the dates
// and times posts write (2026-11-26, 12-31 23:59) never have seven digits in a row,
// so they pass untouched. Sanitize is idempotent and keeps invalid UTF-8 as it is.
func Sanitize(text string, knownQQ []string) string {
	text = dashedCodeRE.ReplaceAllStringFunc(text, maskIfDigits)
	text = spacedCodeRE.ReplaceAllStringFunc(text, maskIfDigits)
	text = maskCodeRuns(text)
	return maskDigitRuns(text, knownSet(knownQQ))
}

func maskIfDigits(code string) string {
	if countDigits(code) == 0 {
		return code // words joined by dashes, not a code
	}
	return codeMask
}

// maskCodeRuns replaces runs of uppercase ASCII letters and digits that look like codes.
func maskCodeRuns(text string) string {
	var b strings.Builder
	last := 0
	forRuns(text, isCodeByte, func(start, end int) {
		run := text[start:end]
		digits := countDigits(run)
		if len(run) < 12 || digits < 4 || (digits == len(run) && len(run) <= 12) {
			return
		}
		b.WriteString(text[last:start])
		b.WriteString(codeMask)
		last = end
	})
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// maskDigitRuns masks runs of digits that can be QQ numbers (see Sanitize).
func maskDigitRuns(text string, known map[string]bool) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		_, n := digitAt(text, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		start, digits := i, []byte{}
		for d, n := digitAt(text, i); n > 0; d, n = digitAt(text, i) {
			digits = append(digits, d)
			i += n
		}
		if mask, ok := digitMask(string(digits), known, text[:start], text[i:]); ok {
			b.WriteString(text[last:start])
			b.WriteString(mask)
			last = i
		}
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// digitMask decides what a run of digits (ASCII, read from before+run+after) becomes.
func digitMask(run string, known map[string]bool, before, after string) (string, bool) {
	switch n := len(run); {
	case n >= 13:
		return codeMask, true // a card number: only full-width digits get this far
	case n >= 7:
		return data.MaskQQ(run), true
	case n >= 5 && known[run] && !isPrice(before, after):
		return data.MaskQQ(run), true
	}
	return "", false
}

// isPrice tells whether the digits between before and after are an amount of money.
func isPrice(before, after string) bool {
	before = strings.TrimRight(before, " ")
	after = strings.TrimLeft(after, " ")
	if strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "￥") {
		return true
	}
	if strings.HasPrefix(after, "元") || strings.HasPrefix(after, "块") {
		return true
	}
	if strings.HasPrefix(after, ".") && len(after) > 1 && after[1] >= '0' && after[1] <= '9' {
		return true
	}
	return false
}

// digitAt returns the ASCII digit at text[i] (ASCII or full-width) and its size in
// bytes, or size 0 when there is none (also at the end of text).
func digitAt(text string, i int) (byte, int) {
	if i >= len(text) {
		return 0, 0
	}
	if c := text[i]; c >= '0' && c <= '9' {
		return c, 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if r >= '０' && r <= '９' {
		return byte('0' + r - '０'), size
	}
	return 0, 0
}

// forRuns calls fn for every maximal run of bytes for which in is true.
func forRuns(text string, in func(byte) bool, fn func(start, end int)) {
	for i := 0; i < len(text); {
		if !in(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && in(text[i]) {
			i++
		}
		fn(start, i)
	}
}

func isCodeByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func knownSet(qqs []string) map[string]bool {
	set := make(map[string]bool, len(qqs))
	for _, q := range qqs {
		set[strings.TrimSpace(q)] = true
	}
	return set
}
