package applog

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// mask replaces a secret outright, and stands between the ends of a masked code.
const mask = "****"

// keywords announce a secret: the value written after them is masked whole.
// CDKEY comes before CDK so that the longer word wins.
var keywords = []string{"卡密", "密码", "激活码", "兑换码", "CDKEY", "CDK"}

// Redact returns s with what must never reach the log file masked:
//
//   - the value after 卡密, 密码, 激活码, 兑换码, CDK or CDKEY and a colon (： or :),
//     "=" or spaces becomes ****: ASCII up to the next space or punctuation, and
//     groups of the same length separated by single spaces (ABCD EFGH 1234) count as
//     one value. A value that starts with a Chinese character is a sentence
//     (密码 错误), not a secret, and stays;
//   - card codes keep their first 2 and last 2 characters around ****: runs of 12
//     or more ASCII letters and digits holding both, runs of 13 or more digits, and
//     three or more dash-separated groups of 4 to 8 characters of the same length
//     holding a digit (ABCD-1234-EFGH-5678);
//   - other runs of 5 to 12 digits are masked as QQ numbers, the way the app masks
//     them on screen and in posts (data.MaskQQ), so that one number looks the same
//     everywhere: 123****789 from 9 or more digits, 12****8 from 7 or 8, 1****5
//     from 5 or 6.
//
// Digits stay when they cannot be a QQ number: a leading 0; either side of a
// decimal point (12345.67, the fraction of 10:30:00.123456789); a price (¥123456,
// 654321元); a date or timestamp 20261231, 202612312359, 20261231235959 (years
// 2000–2099, valid month, day and time; QQ numbers starting 19 stay masked) and the
// 6-digit time after such a date (20261231-235959). Unix times (1767225600) cannot
// be told from QQ numbers and are masked.
//
// Full-width digits count as digits and come out half-width in masks. Redact keeps
// invalid UTF-8 as it is and is idempotent.
func Redact(s string) string {
	return maskTokens(maskAfterKeywords(s))
}

// maskAfterKeywords masks the value that follows a keyword (see Redact).
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
		if end == start {
			i = start
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(mask)
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

// maskTokens masks card codes and QQ numbers (see Redact).
func maskTokens(s string) string {
	if strings.IndexFunc(s, isDigit) < 0 {
		return s // no code and no QQ number without a digit
	}
	var b strings.Builder
	last := 0
	replace := func(start, end int, with string) {
		b.WriteString(s[last:start])
		b.WriteString(with)
		last = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			i += size
			continue
		}
		end := runEnd(s, i)
		if codeEnd, ok := dashedCodeEnd(s, i, end); ok {
			replace(i, codeEnd, maskCode(s[i:codeEnd]))
			i = codeEnd
			continue
		}
		if isMixedCode(s[i:end]) {
			replace(i, end, maskCode(s[i:end]))
			i = end
			continue
		}
		forDigitRuns(s, i, end, func(start, end int) {
			if m, ok := digitMask(s, start, end); ok {
				replace(start, end, m)
			}
		})
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// runEnd returns the end of the run of letters and digits that starts at s[i].
func runEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(r) {
			break
		}
		i += size
	}
	return i
}

// dashedCodeEnd tells whether the run s[start:end] begins a code written in dashed
// groups of one length, and where the code ends.
func dashedCodeEnd(s string, start, end int) (int, bool) {
	n := utf8.RuneCountInString(s[start:end])
	if n < 4 || n > 8 {
		return 0, false
	}
	groups := 1
	for end+1 < len(s) && s[end] == '-' {
		next := runEnd(s, end+1)
		if utf8.RuneCountInString(s[end+1:next]) != n {
			break
		}
		end, groups = next, groups+1
	}
	if groups < 3 || strings.IndexFunc(s[start:end], isDigit) < 0 {
		return 0, false
	}
	return end, true
}

// isMixedCode tells whether a run of letters and digits is a card code.
func isMixedCode(run string) bool {
	letters, digits := 0, 0
	for _, r := range run {
		if isDigit(r) {
			digits++
		} else {
			letters++
		}
	}
	return letters > 0 && digits > 0 && letters+digits >= 12
}

// forDigitRuns calls fn for every maximal run of digits inside s[start:end].
func forDigitRuns(s string, start, end int, fn func(start, end int)) {
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) {
			i += size
			continue
		}
		runStart := i
		for i < end {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isDigit(r) {
				break
			}
			i += size
		}
		fn(runStart, i)
	}
}

// digitMask decides what the run of digits s[start:end] becomes (see Redact).
func digitMask(s string, start, end int) (string, bool) {
	digits := halfWidth(s[start:end])
	before, after := s[:start], s[end:]
	switch n := len(digits); {
	case n < 5 || isTimestamp(digits):
		return "", false
	case n >= 13:
		return maskCode(digits), true
	case digits[0] == '0' || isDecimal(before, after) || isPrice(before, after):
		return "", false
	case n == 6 && isTimeAfterDate(before, digits):
		return "", false
	}
	return maskQQ(digits), true
}

// maskQQ masks a QQ number as posts and screens do, so a number looks the same
// everywhere it is hidden.
func maskQQ(qq string) string { return data.MaskQQ(qq) }

// maskCode keeps the first 2 and last 2 characters of a code.
func maskCode(code string) string {
	r := []rune(halfWidth(code))
	return string(r[:2]) + mask + string(r[len(r)-2:])
}

// isTimestamp tells whether 8, 12 or 14 digits are a date YYYYMMDD, optionally
// followed by hhmm or hhmmss, in 2000–2099.
func isTimestamp(digits string) bool {
	const layout = "20060102150405"
	switch len(digits) {
	case 8, 12, 14:
	default:
		return false
	}
	if !strings.HasPrefix(digits, "20") {
		return false
	}
	_, err := time.Parse(layout[:len(digits)], digits)
	return err == nil
}

// isTimeAfterDate tells whether 6 digits are hhmmss written after a date and one
// separator, as in backup names (20261231-235959).
func isTimeAfterDate(before, digits string) bool {
	n := len(before)
	if n < 9 || !strings.ContainsRune("-_T ", rune(before[n-1])) {
		return false
	}
	date := before[n-9 : n-1]
	if (n > 9 && isASCIIDigit(before[n-10])) || len(date) != 8 || !isTimestamp(date) {
		return false
	}
	_, err := time.Parse("150405", digits)
	return err == nil
}

func isDecimal(before, after string) bool {
	if len(after) > 1 && after[0] == '.' && isASCIIDigit(after[1]) {
		return true
	}
	n := len(before)
	return n > 1 && before[n-1] == '.' && isASCIIDigit(before[n-2])
}

func isPrice(before, after string) bool {
	before = strings.TrimRight(before, " ")
	after = strings.TrimLeft(after, " ")
	return strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "￥") ||
		strings.HasPrefix(after, "元") || strings.HasPrefix(after, "块")
}

// halfWidth turns full-width digits into ASCII ones.
func halfWidth(s string) string {
	if !strings.ContainsFunc(s, isFullWidthDigit) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFullWidthDigit(r) {
			return '0' + r - '０'
		}
		return r
	}, s)
}

func isAlnum(r rune) bool {
	return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || isFullWidthDigit(r)
}

func isDigit(r rune) bool          { return r >= '0' && r <= '9' || isFullWidthDigit(r) }
func isFullWidthDigit(r rune) bool { return r >= '０' && r <= '９' }
func isASCIIDigit(c byte) bool     { return c >= '0' && c <= '9' }

func isASCIIAlnum(c byte) bool {
	return isASCIIDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
