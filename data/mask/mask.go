// Package mask hides what must never be read by the wrong people: QQ numbers and
// card codes (卡密, 激活码, passwords), in the posts the owner pastes into a QQ group
// and in the log file. It decides by context: the word before a value (卡密：…), the
// shape of a token (a mixed run of letters and digits), and what a number is next to
// (¥, 元, a decimal point, a date). It is pure Go and imports neither GORM nor Fyne.
package mask

import (
	"strings"
	"unicode/utf8"
)

// Hidden replaces a secret outright, and stands between the kept ends of a code.
const Hidden = "****"

// Rules say how Text treats what it cannot tell apart by context alone.
type Rules struct {
	// CodeEnds keeps a code's first and last two characters around **** (AB****78),
	// so that two codes in the log can be told apart; a post hides a code whole, as
	// even part of one can be enough to redeem it.
	CodeEnds bool
	// AnyShortQQ masks every run of 5 or 6 digits as a QQ number. Without it only
	// those in KnownQQ or written after QQ (QQ 10001, qq号：10001) are masked: in a post
	// such numbers are mostly amounts (点券 10000, 库存 20000).
	AnyShortQQ bool
	// KnownQQ are QQ numbers to mask whatever their length and shape, such as the
	// group's members.
	KnownQQ map[string]bool
}

// Text returns s with what must stay private masked:
//
//   - the value after 卡密, 密码, 激活码, 兑换码, CDK or CDKEY and a colon (： or :),
//     "=" or spaces becomes ****: ASCII up to the next space or punctuation, and
//     groups of the same length separated by single spaces (ABCD EFGH 1234) count
//     as one value. A value that starts with a Chinese character is a sentence
//     (密码 错误), not a secret, and stays; so does a value that is a date or a time
//     written with separators (2026-12-31, 12-31, 20:00), an amount (12.5, 30 元)
//     or a count with its unit (30天). A bare run of digits stays masked there even
//     when it reads as a date: after 密码 it is more likely a birthday password;
//   - card codes: runs of 12 or more ASCII letters and digits, in any case, shaped
//     like a code (letters and digits alternating at least three times, or at least
//     six of each, so Office2021ProPlus and Cyberpunk2077 stay); runs of 13 or more
//     digits; three or more dash-separated groups of 4 or more letters and digits
//     holding a digit, all of one length or one of them mixed (ABCD-1234-EFGH-5678);
//     three or more space-separated groups of 4 uppercase letters or digits holding
//     a digit (1234 5678 9012 3456). They become **** (see Rules.CodeEnds);
//   - QQ numbers: other runs of 7 to 12 digits, and runs of 5 or 6 digits as
//     Rules say, become QQ(run): 123****789.
//
// Numbers that cannot be QQ numbers stay: a leading 0; either side of a decimal
// point (12345.67); a price (¥123456, ￥ 99999, 654321元, 10001 块); a date or
// timestamp 20261231, 202612312359, 20261231235959 (years 2000–2099, valid month,
// day and time; QQ numbers starting 19 stay masked) and the 6-digit time after such
// a date (20261231-235959). A number in Rules.KnownQQ is masked even then, unless it
// is a price. Unix times (1767225600) cannot be told from QQ numbers and are masked.
//
// Full-width digits count as digits and come out half-width in masks. Text keeps
// invalid UTF-8 as it is and is idempotent: masking masked text changes nothing.
func Text(s string, r Rules) string {
	return r.maskTokens(maskAfterKeywords(s))
}

// QQ hides the middle of a QQ number: 123456789 → 123****789, 12345678 → 12****8,
// 123456 → 1****6. Anything shorter than 5 is hidden whole.
func QQ(qq string) string {
	head, tail := 3, 3
	switch {
	case len(qq) < 7:
		head, tail = 1, 1
	case len(qq) < 9:
		head, tail = 2, 1
	}
	if len(qq) < 5 { // not a QQ number: hide it all
		return strings.Repeat("*", len(qq))
	}
	return qq[:head] + Hidden + qq[len(qq)-tail:]
}

// code is what a card code becomes.
func (r Rules) code(code string) string {
	if !r.CodeEnds {
		return Hidden
	}
	c := []rune(halfWidth(code))
	return string(c[:2]) + Hidden + string(c[len(c)-2:])
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

// isAlnum tells the characters a code or a number is made of.
func isAlnum(r rune) bool {
	return r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || isFullWidthDigit(r)
}

func isDigit(r rune) bool          { return r >= '0' && r <= '9' || isFullWidthDigit(r) }
func isFullWidthDigit(r rune) bool { return r >= '０' && r <= '９' }
func isASCIIDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isASCIIUpper(c byte) bool     { return c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool {
	return isASCIIDigit(c) || c >= 'a' && c <= 'z' || isASCIIUpper(c)
}
