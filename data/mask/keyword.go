package mask

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// keywords announce a secret: the value written after them is masked whole.
// CDKEY comes before CDK so that the longer word wins.
var keywords = []string{"卡密", "密码", "激活码", "兑换码", "CDKEY", "CDK"}

// keywordStarts are the first bytes of the keywords, in both cases for ASCII ones.
var keywordStarts = func() (starts [256]bool) {
	for _, k := range keywords {
		starts[k[0]] = true
		if k[0] < utf8.RuneSelf {
			starts[strings.ToLower(k[:1])[0]] = true
		}
	}
	return starts
}()

// Keywords returns the words that announce a secret (卡密, 密码…), such as a log
// attribute's key under which the whole value is hidden.
func Keywords() []string { return slices.Clone(keywords) }

// units that make the number before them a count or an amount, not a secret:
// 激活码 30天, CDK 50元.
const units = "元块天个张次月年周时分秒折点份条位人"

// maskAfterKeywords masks the value that follows a keyword (see Text).
func maskAfterKeywords(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		n := keywordAt(s, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		start := skipSeparators(s, i+n)
		if start == i+n { // 卡密管理, CDKs: a word, not a label
			i += n
			continue
		}
		end := valueEnd(s, start)
		if end == start || isPlainValue(s[start:end], s[end:]) {
			i = max(end, start)
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(Hidden)
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// keywordAt returns the length of the keyword at s[i], or 0. ASCII keywords match
// in any case but not inside a longer word (ABCDK).
func keywordAt(s string, i int) int {
	if !keywordStarts[s[i]] {
		return 0 // most bytes start no keyword: one look-up instead of six comparisons
	}
	for _, k := range keywords {
		if len(s)-i < len(k) || !strings.EqualFold(s[i:i+len(k)], k) {
			continue
		}
		if k[0] < utf8.RuneSelf && i > 0 && isASCIIAlnum(s[i-1]) {
			continue
		}
		return len(k)
	}
	return 0
}

func skipSeparators(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ':' || s[i] == '=' || s[i] == ' ' || s[i] == '\t':
			i++
		case strings.HasPrefix(s[i:], "："):
			i += len("：")
		default:
			return i
		}
	}
	return i
}

// valueEnd returns where the secret that starts at s[start] ends.
func valueEnd(s string, start int) int {
	end := start
	for end < len(s) && isValueByte(s[end]) {
		end++
	}
	n := end - start
	if n < 4 || n > 8 || asciiAlnumEnd(s, start) != end {
		return end
	}
	// Spaced groups: ABCD EFGH 1234 5678.
	for end+1 < len(s) && s[end] == ' ' {
		next := asciiAlnumEnd(s, end+1)
		if next-(end+1) != n || next < len(s) && isValueByte(s[next]) {
			break // not a group like the first: the secret ends at the space
		}
		end = next
	}
	return end
}

func isValueByte(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune(`,;"'()[]{}<>`, rune(c))
}

func asciiAlnumEnd(s string, i int) int {
	for i < len(s) && isASCIIAlnum(s[i]) {
		i++
	}
	return i
}

// isPlainValue tells whether the value v after a keyword, followed by after, is no
// secret: a date or time written with separators, an amount, or a count with its unit.
func isPlainValue(v, after string) bool {
	if isDateOrTime(v) {
		return true
	}
	whole, frac, dotted := strings.Cut(v, ".")
	if !allDigits(whole) || dotted && !allDigits(frac) {
		return false
	}
	if dotted {
		return true // 12.5: an amount
	}
	u, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " "))
	return strings.ContainsRune(units, u)
}

// dateLayouts are the dates and times a value after a keyword may be instead of a
// secret, such as 激活码 2026-12-31 前有效.
var dateLayouts = []string{
	"2006-1-2", "2006/1/2", "2006.1.2", "1-2", "1/2", "15:04", "15:04:05", "2006-1-2T15:04", "2006-1-2T15:04:05",
}

func isDateOrTime(v string) bool {
	if !strings.ContainsAny(v, "-/.:") {
		return false
	}
	for _, layout := range dateLayouts {
		if _, err := time.Parse(layout, v); err == nil {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
