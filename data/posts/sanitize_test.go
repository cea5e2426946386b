package posts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	known := []string{"10001", "654321", "123456789"}
	tests := []struct{ name, in, want string }{
		// QQ numbers and other long runs of digits.
		{"9-digit QQ", "有事加QQ123456789", "有事加QQ123****789"},
		{"7 digits", "群号1234567", "群号12****7"},
		{"phone number", "联系13812345678", "联系138****678"},
		{"12 digits", "123456789012!", "123****012!"},
		{"full-width digits", "QQ１２３４５６７８９", "QQ123****789"},
		{"mixed width", "QQ1234５６７８９", "QQ123****789"},
		{"two numbers", "1234567 和 7654321", "12****7 和 76****1"},
		{"between letters", "qq1234567abc", "qq12****7abc"},
		{"16-digit card number", "卡号6222021234567890", "卡号****"},
		{"13 full-width digits", "１２３４５６７８９０１２３", "****"},
		{"6 digits not known stay", "库存 123456", "库存 123456"},
		{"5-digit known QQ", "找 QQ:10001", "找 QQ:1****1"},
		{"6-digit known QQ", "654321在线", "6****1在线"},
		{"known QQ inside a longer run is the run", "6543210", "65****0"},
		// Prices and dates survive, even when they equal a known QQ.
		{"price after ¥", "原价¥10001", "原价¥10001"},
		{"price after ￥ and space", "￥ 654321", "￥ 654321"},
		{"price before 元", "10001元", "10001元"},
		{"price before 块", "654321 块", "654321 块"},
		{"price with decimals", "10001.5", "10001.5"},
		{"highest price", "¥100000 ¥99999.99 ¥0.01", "¥100000 ¥99999.99 ¥0.01"},
		{"dates and times", "2026-11-26 10:00:00,截止 12-31 23:59,2027年1月5日", "2026-11-26 10:00:00,截止 12-31 23:59,2027年1月5日"},
		{"dotted date", "2026.11.26", "2026.11.26"},
		{"short numbers", "UC300 点券1280 话费100元", "UC300 点券1280 话费100元"},
		// Card codes.
		{"dashed code", "卡密:ABCD-1234-EFGH-5678。", "卡密:****。"},
		{"dashed lowercase", "abcd-1234-efgh-5678", "****"},
		{"dashed three groups", "X7KD-PQ9M-ZZ3L", "****"},
		{"dashed long groups", "ABCDE12345-FGHIJ-KLMNO", "****"},
		{"spaced digits", "1234 5678 9012 3456", "****"},
		{"spaced mixed", "兑换码 ABCD EFGH 1234 5678 请尽快", "兑换码 **** 请尽快"},
		{"run with letters", "CDK:ABCDEFGH12345678", "CDK:****"},
		{"run of exactly 12 with 4 digits", "A1B2C3D4EFGH", "****"},
		{"run of 11 is not a code", "ABCDEFG1234", "ABCDEFG1234"},
		{"run with 3 digits is not a code", "ABCDEFGHI123", "ABCDEFGHI123"},
		{"dashed words without digits", "WIFI-ONLY-MODE state-of-the-art", "WIFI-ONLY-MODE state-of-the-art"},
		{"spaced words", "Xbox Game Pass Ultimate 2026", "Xbox Game Pass Ultimate 2026"},
		{"lowercase run is not a code", "a1b2c3d4e5f6g7h8", "a1b2c3d4e5f6g7h8"},
		// Nothing to do.
		{"already masked", "123****789 1****5 ****", "123****789 1****5 ****"},
		{"no digits", "腾讯视频VIP 月卡 ★限时", "腾讯视频VIP 月卡 ★限时"},
		{"empty", "", ""},
		{"invalid UTF-8 kept", "\xff1234567\xfe", "\xff12****7\xfe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, known); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeKnownQQOnlyWhenGiven(t *testing.T) {
	if got := Sanitize("QQ 10001", nil); got != "QQ 10001" {
		t.Errorf("without known QQ numbers a 5-digit run is kept, got %q", got)
	}
	if got := Sanitize("QQ 10001", []string{" 10001 "}); got != "QQ 1****1" {
		t.Errorf("known QQ numbers are trimmed, got %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"加我QQ123456789", "¥100000", "2026-11-26 12-31 23:59", "ABCD-1234-EFGH-5678",
		"1234 5678 9012 3456", "ABCDEFGH12345678", "１２３４５６７８９", "10001元 QQ10001",
		"AAAA-BBBB-CCCC1234567", "ABCDEFGHIJK1234567", "X1234567890123Y", "\xff1234567",
	} {
		f.Add(s)
	}
	known := []string{"10001", "654321"}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in, known)
		if run := longDigitRun(out); run != "" {
			t.Fatalf("Sanitize(%q) = %q keeps the digit run %q", in, out, run)
		}
		if again := Sanitize(out, known); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
		if !strings.ContainsFunc(in, isAnyDigit) && out != in {
			t.Fatalf("text without digits changed: %q → %q", in, out)
		}
		for _, m := range dashedCodeRE.FindAllString(out, -1) {
			if countDigits(m) > 0 {
				t.Fatalf("Sanitize(%q) = %q keeps the code %q", in, out, m)
			}
		}
	})
}

// longDigitRun returns the first run of 7 or more digits (ASCII or full-width) in s.
func longDigitRun(s string) string {
	start, n := -1, 0
	for i, r := range s {
		if !isAnyDigit(r) {
			start, n = -1, 0
			continue
		}
		if start < 0 {
			start = i
		}
		if n++; n >= 7 {
			end := i + utf8.RuneLen(r)
			return s[start:end]
		}
	}
	return ""
}

func isAnyDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
