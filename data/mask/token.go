package mask

import (
	"strings"
	"time"
	"unicode/utf8"
)

// maskTokens masks card codes and QQ numbers (see Text).
func (r Rules) maskTokens(s string) string {
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
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(c) {
			i += size
			continue
		}
		end := runEnd(s, i)
		if codeEnd, ok := groupedCodeEnd(s, i, end); ok {
			replace(i, codeEnd, r.code(s[i:codeEnd]))
			i = codeEnd
			continue
		}
		if isMixedCode(s[i:end]) {
			replace(i, end, r.code(s[i:end]))
			i = end
			continue
		}
		forDigitRuns(s, i, end, func(start, end int) {
			if m, ok := r.digitMask(s, start, end); ok {
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
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isAlnum(c) {
			break
		}
		i += size
	}
	return i
}

// maxGroups bounds how far a code in groups is read, so that text of many groups
// (a long dashed line of words) takes linear time; a longer code is masked in pieces.
const maxGroups = 16

// groupedCodeEnd tells whether the run s[start:end] begins a code written in groups
// (dashed, or spaced groups of four), and where the code ends.
func groupedCodeEnd(s string, start, end int) (int, bool) {
	if e, ok := dashedCodeEnd(s, start, end); ok {
		return e, true
	}
	return spacedCodeEnd(s, start, end)
}

// dashedCodeEnd: three or more groups of 4 or more letters and digits joined by
// single dashes, holding a digit, all of one length or one of them mixed.
func dashedCodeEnd(s string, start, end int) (int, bool) {
	n := utf8.RuneCountInString(s[start:end])
	if n < 4 {
		return 0, false
	}
	groups, sameLength, mixed := 1, true, isMixed(s[start:end])
	for groups < maxGroups && end+1 < len(s) && s[end] == '-' {
		next := runEnd(s, end+1)
		m := utf8.RuneCountInString(s[end+1 : next])
		if m < 4 {
			break
		}
		sameLength = sameLength && m == n
		mixed = mixed || isMixed(s[end+1:next])
		end, groups = next, groups+1
	}
	if groups < 3 || !(sameLength || mixed) || strings.IndexFunc(s[start:end], isDigit) < 0 {
		return 0, false
	}
	return end, true
}

// spacedCodeEnd: three or more groups of 4 uppercase letters or digits joined by
// single spaces, holding a digit. Lowercase is left out: Xbox Game Pass 2026.
func spacedCodeEnd(s string, start, end int) (int, bool) {
	if !isSpacedGroup(s[start:end]) {
		return 0, false
	}
	groups := 1
	for groups < maxGroups && end+1 < len(s) && s[end] == ' ' {
		next := runEnd(s, end+1)
		if !isSpacedGroup(s[end+1 : next]) {
			break
		}
		end, groups = next, groups+1
	}
	if groups < 3 || strings.IndexFunc(s[start:end], isDigit) < 0 {
		return 0, false
	}
	return end, true
}

func isSpacedGroup(g string) bool {
	if len(g) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isASCIIDigit(g[i]) && !isASCIIUpper(g[i]) {
			return false
		}
	}
	return true
}

func isMixed(run string) bool {
	return strings.IndexFunc(run, isDigit) >= 0 && strings.IndexFunc(run, isLetter) >= 0
}

func isLetter(r rune) bool { return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) && !isDigit(r) }

// isMixedCode tells whether a run of letters and digits is shaped like a card code:
// 12 or more characters, and letters and digits alternating at least three times
// (k8j2h3g4…) or at least six of each (ABCDEF123456). A product name has one
// number in it and stays: iPhone15ProMax, Cyberpunk2077, Office2021ProPlus.
func isMixedCode(run string) bool {
	letters, digits, switches := 0, 0, 0
	wasDigit := false
	for i, c := range run {
		d := isDigit(c)
		if d {
			digits++
		} else {
			letters++
		}
		if i > 0 && d != wasDigit {
			switches++
		}
		wasDigit = d
	}
	if letters == 0 || digits == 0 || letters+digits < 12 {
		return false
	}
	return switches >= 3 || letters >= 6 && digits >= 6
}

// forDigitRuns calls fn for every maximal run of digits inside s[start:end].
func forDigitRuns(s string, start, end int, fn func(start, end int)) {
	for i := start; i < end; {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(c) {
			i += size
			continue
		}
		runStart := i
		for i < end {
			c, size := utf8.DecodeRuneInString(s[i:])
			if !isDigit(c) {
				break
			}
			i += size
		}
		fn(runStart, i)
	}
}

// digitMask decides what the run of digits s[start:end] becomes (see Text).
func (r Rules) digitMask(s string, start, end int) (string, bool) {
	digits := halfWidth(s[start:end])
	before, after := s[:start], s[end:]
	n := len(digits)
	switch {
	case n < 5:
		return "", false
	case r.KnownQQ[digits] && n <= 12:
		if isPrice(before, after) || isDecimal(before, after) {
			return "", false
		}
		return QQ(digits), true
	case isTimestamp(digits):
		return "", false
	case n >= 13:
		return r.code(digits), true
	case digits[0] == '0' || isDecimal(before, after) || isPrice(before, after):
		return "", false
	case n == 6 && isTimeAfterDate(before, digits):
		return "", false
	case n <= 6 && !r.AnyShortQQ && !afterQQ(before):
		return "", false
	}
	return QQ(digits), true
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
	if (n > 9 && isASCIIDigit(before[n-10])) || !isTimestamp(date) {
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

// afterQQ tells whether a number is written after the word QQ (QQ 10001, qq:10001,
// QQ号：10001, 扣扣 10001), so that a short one is a QQ number too.
func afterQQ(before string) bool {
	before = strings.TrimRight(before, " :：")
	before = strings.TrimSuffix(before, "号")
	n := len(before)
	if n >= 2 && strings.EqualFold(before[n-2:], "qq") {
		return n == 2 || !isASCIIAlnum(before[n-3])
	}
	return strings.HasSuffix(before, "扣扣") || strings.HasSuffix(before, "企鹅")
}
