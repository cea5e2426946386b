package mask

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Posts hide codes whole and short numbers only when known or said to be a QQ;
// the log keeps a code's ends and masks every number that can be a QQ.
var (
	post = Rules{KnownQQ: map[string]bool{"10001": true, "654321": true, "20050812": true}}
	log  = Rules{CodeEnds: true, AnyShortQQ: true}
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, post, log string }{
		// QQ numbers.
		{"9-digit QQ", "有事加QQ123456789", "有事加QQ123****789", "有事加QQ123****789"},
		{"12 digits", "123456789012!", "123****012!", "123****012!"},
		{"8 digits that are no date", "群号12345678", "群号12****8", "群号12****8"},
		{"8 digits with month 13", "20261331", "20****1", "20****1"},
		{"8 digits in the 1900s", "19980512", "19****2", "19****2"},
		{"phone number", "联系13812345678", "联系138****678", "联系138****678"},
		{"full-width digits", "QQ１２３４５６７８９", "QQ123****789", "QQ123****789"},
		{"between letters", "群qq1234567号", "群qq12****7号", "群qq12****7号"},
		{"unix time cannot be told from a QQ", "1767225600", "176****600", "176****600"},
		{"5 digits after QQ", "找 QQ:10002", "找 QQ:1****2", "找 QQ:1****2"},
		{"6 digits after qq号", "qq号：765432", "qq号：7****2", "qq号：7****2"},
		{"known 5 digits", "联系10001", "联系1****1", "联系1****1"},
		{"known QQ that reads as a date", "找20050812", "找20****2", "找20050812"},
		{"6 digits as an amount", "点券 10000 库存 123456", "点券 10000 库存 123456", "点券 1****0 库存 1****6"},
		// Card codes.
		{"uppercase code", "ABCDEFGH12345678", "****", "AB****78"},
		{"lowercase code", "发货 k8j2h3g4f5d6s7a8 请查收", "发货 **** 请查收", "发货 k8****a8 请查收"},
		{"mixed-case code", "Ab12Cd34Ef56Gh78Ij90", "****", "Ab****90"},
		{"exactly 12 alternating", "A1B2C3D4E5F6", "****", "A1****F6"},
		{"six of each", "ABCDEF123456", "****", "AB****56"},
		{"16-digit card number", "卡号6222021234567890", "卡号****", "卡号62****90"},
		{"13 full-width digits", "１２３４５６７８９０１２３", "****", "12****23"},
		{"dashed code", "ABCD-1234-EFGH-5678", "****", "AB****78"},
		{"dashed lowercase", "x7kd-pq9m-zz3l", "****", "x7****3l"},
		{"dashed groups of two lengths", "ABCDE12345-FGHIJ-KLMNO", "****", "AB****NO"},
		{"dashed code then a word", "ABCD-1234-EFGH-5678-ok", "****-ok", "AB****78-ok"},
		{"spaced digits", "1234 5678 9012 3456", "****", "12****56"},
		// Values after a keyword.
		{"卡密 full-width colon", "卡密：XYZ12", "卡密：****", "卡密：****"},
		{"6-digit password", "密码 123456", "密码 ****", "密码 ****"},
		{"password that reads as a date", "密码：20050812", "密码：****", "密码：****"},
		{"密码 colon and space", "密码: hunter2", "密码: ****", "密码: ****"},
		{"激活码 lowercase", "激活码 abc", "激活码 ****", "激活码 ****"},
		{"兑换码 spaced groups", "兑换码:ABCD EFGH 1234 5678 请尽快", "兑换码:**** 请尽快", "兑换码:**** 请尽快"},
		{"CDK any case", "cdk: xx-1", "cdk: ****", "cdk: ****"},
		{"CDKEY", "CDKEY=Q1", "CDKEY=****", "CDKEY=****"},
		{"value ends at punctuation", "（卡密：A1，已发）", "（卡密：****，已发）", "（卡密：****，已发）"},
		{"dashed code after 卡密", "卡密:ABCD-1234-EFGH-5678。", "卡密:****。", "卡密:****。"},
		{"value with symbols", "密码:p@ss.w0rd!", "密码:****", "密码:****"},
		{"value before Chinese", "密码 123456请勿外传", "密码 ****请勿外传", "密码 ****请勿外传"},
	}
	kept := []struct{ name, in string }{
		{"dashed date", "2026-12-02"},
		{"8-digit date", "截止20261231"},
		{"date and time", "2026-12-31 20:00, 12-31 23:59, 20:00:00"},
		{"dotted date", "2026.11.26"},
		{"Chinese date", "2027年1月5日"},
		{"RFC 3339", "2026-12-02T10:30:00.123456789+08:00"},
		{"backup name", "qunhuo-20261231-235959.db backup_20261231_235959"},
		{"timestamps", "202612312359 20261231235959 20280229"},
		{"prices", "¥12.50 ￥123456 ¥ 99999 12.5元 654321元 10001 块"},
		{"known QQ as a price", "¥10001 654321元 10001.5"},
		{"long decimal", "12345.67 took 1.234567s"},
		{"short numbers", "UC300 点券1280 话费100元"},
		{"leading zero", "编号01234567"},
		{"version", "fyne v2.8.1"},
		{"11 mixed is no code", "ABCDEFG1234"},
		{"product names", "iPhone15ProMax Cyberpunk2077 Office2021ProPlus RTX4090SUPER Battlefield2042"},
		{"letters only", "transactionalization"},
		{"dashed words", "qunhuo-backup-20261231 state-of-the-art WIFI-ONLY-MODE"},
		{"spaced words", "Xbox Game Pass Ultimate 2026"},
		{"keyword before a sentence", "密码 错误，请重试"},
		{"keyword as a word", "卡密管理 CDKs ABCDK:1 卡密自动发货"},
		{"keyword then a line break", "兑换:激活码\n● 库存:20"},
		{"keyword then a symbol", "兑换:激活码 ☆限时至 12-31 23:59"},
		{"keyword with nothing after", "卡密："},
		{"date after a keyword", "激活码 2026-12-31 前有效，兑换码 20:00 发放"},
		{"amount after a keyword", "CDK 50元，激活码 30天，卡密 12.5"},
		{"already masked", "123****789 1****5 AB****78 卡密：**** ****"},
		{"no digits", "腾讯视频VIP 月卡 ★限时"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkText(t, tt.in, post, tt.post)
			checkText(t, tt.in, log, tt.log)
		})
	}
	for _, tt := range kept {
		t.Run("kept/"+tt.name, func(t *testing.T) {
			checkText(t, tt.in, post, tt.in)
			checkText(t, tt.in, log, tt.in)
		})
	}
}

func checkText(t *testing.T, in string, r Rules, want string) {
	t.Helper()
	got := Text(in, r)
	if got != want {
		t.Errorf("Text(%q, %+v) = %q, want %q", in, r, got, want)
	}
	if again := Text(got, r); again != got {
		t.Errorf("Text is not idempotent: %q then %q", got, again)
	}
}

func TestInvalidUTF8Kept(t *testing.T) {
	if got := Text("\xff1234567\xfe", post); got != "\xff12****7\xfe" {
		t.Errorf("got %q", got)
	}
}

func TestQQ(t *testing.T) {
	for in, want := range map[string]string{
		"123456789": "123****789", "1234567890": "123****890", "12345678": "12****8",
		"1234567": "12****7", "123456": "1****6", "10001": "1****1", "1234": "****", "": "",
	} {
		if got := QQ(in); got != want {
			t.Errorf("QQ(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"加我QQ123456789", "¥100000", "2026-11-26 12-31 23:59", "ABCD-1234-EFGH-5678",
		"1234 5678 9012 3456", "ABCDEFGH12345678", "１２３４５６７８９", "10001元 QQ10001",
		"卡密：ABCD EFGH 1234", "密码 123456", "k8j2h3g4f5d6s7a8", "20261231-235959",
		"AAAA-BBBB-CCCC1234567", "X1234567890123Y", "\xff1234567", "激活码 30天 CDK 12.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, r := range []Rules{post, log} {
			out := Text(in, r)
			if again := Text(out, r); again != out {
				t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
			}
			if utf8.ValidString(in) && !utf8.ValidString(out) {
				t.Fatalf("Text(%q) = %q, invalid UTF-8", in, out)
			}
			if !strings.ContainsFunc(in, isDigit) && !hasKeyword(in) && out != in {
				t.Fatalf("text without digits or keywords changed: %q → %q", in, out)
			}
			if run := unexplainedDigits(out); run != "" {
				t.Fatalf("Text(%q) = %q keeps %q, which could be a QQ number", in, out, run)
			}
		}
	})
}

func hasKeyword(s string) bool {
	for i := range len(s) {
		if keywordAt(s, i) > 0 {
			return true
		}
	}
	return false
}

// unexplainedDigits returns the first run of 7 or more digits in s that is not
// plainly something else: a date, a decimal, a price or a number with a leading 0.
func unexplainedDigits(s string) string {
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(c) {
			i += size
			continue
		}
		start := i
		for i < len(s) {
			c, size := utf8.DecodeRuneInString(s[i:])
			if !isDigit(c) {
				break
			}
			i += size
		}
		run := halfWidth(s[start:i])
		if len(run) < 7 || run[0] == '0' || isTimestamp(run) ||
			isDecimal(s[:start], s[i:]) || isPrice(s[:start], s[i:]) {
			continue
		}
		return run
	}
	return ""
}
