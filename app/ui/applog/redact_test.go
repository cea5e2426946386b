package applog

import (
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// QQ numbers.
		{"9-digit QQ", "QQ 123456789 进群", "QQ 123****789 进群"},
		{"10 digits", "加1234567890", "加123****890"},
		{"12 digits", "123456789012!", "123****012!"},
		{"8 digits that are no date", "群号12345678", "群号12****8"},
		{"8 digits with month 13", "20261331", "20****1"},
		{"8 digits with 30 February", "20260230", "20****0"},
		{"8 digits in the 1900s", "19980512", "19****2"},
		{"7 digits", "1234567", "12****7"},
		{"6 digits", "654321", "6****1"},
		{"5 digits", "QQ:10001", "QQ:1****1"},
		{"phone number", "联系13812345678", "联系138****678"},
		{"full-width digits", "ＱＱ１２３４５６７８９", "ＱＱ123****789"},
		{"after letters", "qq123456789", "qq123****789"},
		{"between letters", "群qq1234567号", "群qq12****7号"},
		{"two numbers", "1234567 和 7654321", "12****7 和 76****1"},
		{"in an error", "member 123456789: record not found", "member 123****789: record not found"},
		{"unix time cannot be told from a QQ", "1767225600", "176****600"},
		{"decimal point ends a sentence", "QQ是123456789.", "QQ是123****789."},
		// Card codes.
		{"uppercase code", "ABCDEFGH12345678", "AB****78"},
		{"lowercase code", "code abcd1234efgh5678 sent", "code ab****78 sent"},
		{"exactly 12 mixed", "A1B2C3D4E5F6", "A1****F6"},
		{"dashed code", "ABCD-1234-EFGH-5678", "AB****78"},
		{"dashed lowercase", "x7kd-pq9m-zz3l", "x7****3l"},
		{"dashed code then a word", "ABCD-1234-EFGH-5678-ok", "AB****78-ok"},
		{"16-digit card number", "卡号6222021234567890", "卡号62****90"},
		{"19-digit phone card", "6222021234567890123", "62****23"},
		{"13 full-width digits", "１２３４５６７８９０１２３", "12****23"},
		// Values after a keyword.
		{"卡密 full-width colon", "卡密：XYZ12", "卡密：****"},
		{"密码 colon and space", "密码: hunter2", "密码: ****"},
		{"激活码 space", "激活码 abc", "激活码 ****"},
		{"兑换码 spaced groups", "兑换码:ABCD EFGH 1234 5678 请尽快", "兑换码:**** 请尽快"},
		{"CDK any case", "cdk: xx-1", "cdk: ****"},
		{"CDKEY", "CDKEY=Q1", "CDKEY=****"},
		{"value ends at punctuation", "（卡密：A1，已发）", "（卡密：****，已发）"},
		{"spaced groups end at a longer word", "卡密：0000 0000!0", "卡密：**** 0000!0"},
		{"value with symbols", "密码:p@ss.w0rd!", "密码:****"},
		// Kept.
		{"dashed date", "2026-12-02", "2026-12-02"},
		{"8-digit date", "截止20261231", "截止20261231"},
		{"date and time", "2026-12-02 23:59:59", "2026-12-02 23:59:59"},
		{"RFC 3339 with nanoseconds", "2026-12-02T10:30:00.123456789+08:00", "2026-12-02T10:30:00.123456789+08:00"},
		{"backup name", "qunhuo-20261231-235959.db", "qunhuo-20261231-235959.db"},
		{"backup name with underscore", "backup_20261231_235959", "backup_20261231_235959"},
		{"12-digit timestamp", "202612312359", "202612312359"},
		{"14-digit timestamp", "20261231235959", "20261231235959"},
		{"29 February of a leap year", "20280229", "20280229"},
		{"price", "12.50", "12.50"},
		{"price with yuan sign", "¥12.50 ￥123456", "¥12.50 ￥123456"},
		{"long decimal", "12345.67", "12345.67"},
		{"yuan after", "654321元 10001 块", "654321元 10001 块"},
		{"duration", "took 1.234567s", "took 1.234567s"},
		{"short numbers", "UC300 点券1280 话费100元", "UC300 点券1280 话费100元"},
		{"leading zero", "编号01234567", "编号01234567"},
		{"version", "fyne v2.8.1", "fyne v2.8.1"},
		{"11 mixed is no code", "ABCDEFG1234", "ABCDEFG1234"},
		{"letters only", "transactionalization", "transactionalization"},
		{"dashed words", "qunhuo-backup-20261231 state-of-the-art", "qunhuo-backup-20261231 state-of-the-art"},
		{"keyword before a sentence", "密码 错误，请重试", "密码 错误，请重试"},
		{"keyword as a word", "卡密管理 CDKs ABCDK:1", "卡密管理 CDKs ABCDK:1"},
		{"keyword with nothing after", "卡密：", "卡密："},
		{"already masked", "123****789 1****5 AB****78 卡密：****", "123****789 1****5 AB****78 卡密：****"},
		{"no digits", "腾讯视频VIP 月卡 ★限时", "腾讯视频VIP 月卡 ★限时"},
		{"empty", "", ""},
		{"invalid UTF-8 kept", "\xff1234567\xfe", "\xff12****7\xfe"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Redact(tt.in)
			if got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Redact(got); again != got {
				t.Errorf("Redact is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"QQ 123456789", "卡密：ABCD-1234-EFGH-5678", "兑换码 ABCD EFGH 1234",
		"2026-12-02 20261231-235959", "¥12345.67", "ＱＱ１２３４５６７８９", "\xff1234567",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Redact(s)
		if again := Redact(got); again != got {
			t.Errorf("Redact(%q) = %q, then %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Redact(%q) = %q, invalid UTF-8", s, got)
		}
	})
}
