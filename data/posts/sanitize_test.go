package posts

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// The rules themselves are tested in package mask; these are the cases a post meets,
// as the owner writes them in names, 兑换方式 and notes.
func TestSanitize(t *testing.T) {
	known := []string{"10001", "654321", "123456789"}
	masked := []struct{ name, in, want string }{
		{"9-digit QQ", "有事加QQ123456789", "有事加QQ123****789"},
		{"7 digits", "群号1234567", "群号12****7"},
		{"8 digits that are no date", "客服12345678", "客服12****8"},
		{"phone number", "联系13812345678", "联系138****678"},
		{"full-width digits", "QQ１２３４５６７８９", "QQ123****789"},
		{"two numbers", "1234567 和 7654321", "12****7 和 76****1"},
		{"5-digit known QQ", "找 10001", "找 1****1"},
		{"6-digit known QQ", "654321在线", "6****1在线"},
		{"5 digits after QQ", "QQ:10002", "QQ:1****2"},
		{"16-digit card number", "卡号6222021234567890", "卡号****"},
		{"lowercase code", "k8j2h3g4f5d6s7a8", "****"},
		{"mixed-case code", "兑换 Ab12Cd34Ef56Gh78Ij90 即可", "兑换 **** 即可"},
		{"uppercase code", "ABCDEFGH12345678", "****"},
		{"dashed code", "卡密:ABCD-1234-EFGH-5678。", "卡密:****。"},
		{"dashed lowercase", "abcd-1234-efgh-5678", "****"},
		{"spaced digits", "1234 5678 9012 3456", "****"},
		{"spaced code after 兑换码", "兑换码 ABCD EFGH 1234 5678 请尽快", "兑换码 **** 请尽快"},
		{"6-digit password", "账号见群公告，密码 123456", "账号见群公告，密码 ****"},
		{"password after a full-width colon", "密码：abc123", "密码：****"},
		{"激活码 lowercase", "激活码:x7kd9", "激活码:****"},
		{"CDK", "CDK:ABCDEFGH12345678", "CDK:****"},
	}
	kept := []struct{ name, in string }{
		{"8-digit date", "有效期至20261231"},
		{"dates and times", "2026-11-26 10:00:00，截止 12-31 23:59，2026-12-31 20:00，2027年1月5日"},
		{"dotted date", "2026.11.26"},
		{"prices", "¥12.50 12.5元 原价¥10001 ￥ 654321 10001元 654321 块 10001.5 ¥100000 ¥99999.99"},
		{"times", "20:00 开抢"},
		{"short numbers", "UC300 点券1280 话费100元"},
		{"amounts of 5 and 6 digits", "点券 10000，库存 123456"},
		{"product names", "iPhone15ProMax Cyberpunk2077"},
		{"11 mixed is no code", "ABCDEFG1234"},
		{"dashed words without digits", "WIFI-ONLY-MODE state-of-the-art"},
		{"spaced words", "Xbox Game Pass Ultimate 2026"},
		{"redeem methods", "兑换:激活码 ☆限时至 12-31 23:59，卡密自动发货"},
		{"keyword before a sentence", "密码 错误请联系客服"},
		{"already masked", "123****789 1****5 ****"},
		{"no digits", "腾讯视频VIP 月卡 ★限时"},
		{"empty", ""},
	}
	for _, tt := range masked {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, known); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, tt := range kept {
		t.Run("kept/"+tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, known); got != tt.in {
				t.Errorf("Sanitize(%q) = %q, want it kept", tt.in, got)
			}
		})
	}
}

func TestSanitizeKnownQQOnlyWhenGiven(t *testing.T) {
	if got := Sanitize("库存 10001", nil); got != "库存 10001" {
		t.Errorf("without known QQ numbers a 5-digit amount is kept, got %q", got)
	}
	if got := Sanitize("库存 10001", []string{" 10001 "}); got != "库存 1****1" {
		t.Errorf("known QQ numbers are trimmed, got %q", got)
	}
}

// A note that carries a code, a password and a QQ number reaches neither post.
func TestRenderedPostsHideSecrets(t *testing.T) {
	r := res(1, catGame, "原神 月卡", 2500, 3000, redeem("激活码"), until(at(2026, 12, 31, 20, 0)),
		notes("密码 654123，卡密 k8j2h3g4f5d6s7a8，客服QQ 2851234567，20261231 前有效"))
	text, err := RenderNewStock(Default(data.PostNewStock), BuildNewStock(group, r, fixedNow, cst), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"654123", "k8j2h3g4f5d6s7a8", "2851234567"} {
		if strings.Contains(text, secret) {
			t.Errorf("the post shows %q:\n%s", secret, text)
		}
	}
	for _, plain := range []string{"20261231 前有效", "12-31 20:00", "¥25", "客服QQ 285****567"} {
		if !strings.Contains(text, plain) {
			t.Errorf("the post lost %q:\n%s", plain, text)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"加我QQ123456789", "¥100000", "2026-11-26 12-31 23:59", "ABCD-1234-EFGH-5678",
		"1234 5678 9012 3456", "ABCDEFGH12345678", "１２３４５６７８９", "10001元 QQ10001",
		"AAAA-BBBB-CCCC1234567", "ABCDEFGHIJK1234567", "X1234567890123Y", "\xff1234567",
		"密码 123456", "k8j2h3g4f5d6s7a8", "20261231",
	} {
		f.Add(s)
	}
	known := []string{"10001", "654321"}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in, known)
		if again := Sanitize(out, known); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", in, out, again)
		}
		for _, qq := range known {
			if strings.Contains(out, qq) && !strings.Contains(in, qq) {
				t.Fatalf("Sanitize(%q) = %q makes up %q", in, out, qq)
			}
		}
	})
}
