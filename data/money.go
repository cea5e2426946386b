package data

import (
	"strconv"
	"strings"
)

// Cents per yuan, and the dearest price the app accepts (100,000 元): anything above is
// a typo in a shop that sells cards and memberships.
const (
	CentsPerYuan  = 100
	MaxPriceCents = 100_000 * CentsPerYuan
)

// Yuan formats an amount in 分 as yuan without needless zeros: 1250 → "12.5", 1200 → "12".
func Yuan(cents int64) string {
	neg := cents < 0
	u := uint64(cents)
	if neg {
		u = uint64(-cents) // also right for math.MinInt64, whose negation overflows int64
	}
	s := strconv.FormatUint(u/CentsPerYuan, 10)
	if frac := u % CentsPerYuan; frac != 0 {
		f := strconv.FormatUint(frac+CentsPerYuan, 10)[1:] // two digits
		s += "." + strings.TrimSuffix(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// parseYuan reads an amount such as "12", "12.5", "¥12.50" or "12元" into 分.
// It reports ok=false for anything that is not a plain number with at most two decimals.
func parseYuan(s string) (cents int64, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "¥")
	s = strings.TrimPrefix(s, "￥")
	s = strings.TrimSuffix(s, "元")
	s = strings.ReplaceAll(s, ",", "")
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && (!hasDot || frac == "") {
		return 0, false
	}
	if len(frac) > 2 || len(whole) > 12 || !allDigits(whole) || !allDigits(frac) {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, _ := strconv.ParseInt("0"+whole, 10, 64)
	f, _ := strconv.ParseInt(frac, 10, 64)
	cents = w*CentsPerYuan + f
	if neg {
		cents = -cents
	}
	return cents, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
