package chatlog

import (
	"bytes"
	"errors"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// twoGroups is what 两个群_*.txt hold, worked out by hand from the file.
var twoGroups = []Message{
	{Group: "卡盟资源分享群", At: utc("2016-05-03T01:04:05Z"), SenderQQ: "10001", SenderName: "老王", Title: "群主",
		Text: "欢迎大家！今天上新 [图片]", Line: 9},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T02:15:30Z"), SenderQQ: "20002", SenderName: "小李(小号)",
		Text: "@老王 有没有 Photoshop 2024 的资源？", Mentions: []string{"老王"}, Line: 12},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T02:16:00Z"), SenderQQ: "30003", SenderName: "阿May(备用)", Title: "管理员",
		Text: "@小李 有，私聊\n链接稍后发\n\n还有一行在空行之后", Mentions: []string{"小李"}, Line: 15},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T02:20:00Z"), SenderQQ: "10000", SenderName: "系统消息", Kind: System,
		Text: "小张(40004) 加入本群", Line: 21},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T02:21:00Z"), SenderQQ: "40004", SenderName: "小张", Line: 24},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T02:22:00Z"), SenderQQ: "40004", SenderName: "小张",
		Text: "[表情][表情]\n2016-05-03 10:23:00 假装的头(50005)\n上面那行看起来像消息头，但紧跟在正文后面，不算新消息", Line: 26},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T15:59:59Z"), SenderQQ: "30003", SenderName: "阿May(备用)",
		Text: strings.Repeat("=", 64) + "\n这一行是正文里的等号线", Line: 31},
	{Group: "卡盟资源分享群", At: utc("2016-05-03T16:00:01Z"), SenderQQ: "1000000", SenderName: "系统消息", Kind: System,
		Text: "老王 撤回了一条消息", Line: 35},
	{Group: "闲聊群", At: utc("2016-05-04T00:00:00Z"), SenderMail: "li@example.com", SenderName: "小李",
		Text: "早上好 @小张 和 @阿May(备用) ，邮件 li@example.com 不算", Mentions: []string{"小张", "阿May(备用)"}, Line: 44},
	{Group: "闲聊群", At: utc("2016-05-04T00:01:00Z"), SenderQQ: "40004", SenderName: "小张", Text: "收一个会员", Line: 47},
	{Group: "卡盟资源分享群", At: utc("2016-05-05T04:00:00Z"), SenderQQ: "10001", SenderName: "老王",
		Text: "第二段里的同一个群", Line: 56},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readAll reads every message and the error that ended the reading (nil at io.EOF).
func readAll(t testing.TB, in []byte, only ...string) ([]Message, error) {
	t.Helper()
	rd, err := Open(bytes.NewReader(in))
	if err != nil {
		return nil, err
	}
	rd.Only(only...)
	var out []Message
	for {
		m, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, m)
	}
}

func sameMessages(t *testing.T, got, want []Message) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d messages, want %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("message %d:\n got %+v\nwant %+v", i+1, got[i], want[i])
		}
	}
}

func TestTextExport(t *testing.T) {
	for _, name := range []string{"两个群_BOM_CRLF.txt", "两个群_LF.txt"} {
		t.Run(name, func(t *testing.T) {
			got, err := readAll(t, readFixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			sameMessages(t, got, twoGroups)
		})
	}
}

func TestTextCounts(t *testing.T) {
	got, err := readAll(t, readFixture(t, "两个群_BOM_CRLF.txt"))
	if err != nil {
		t.Fatal(err)
	}
	perGroup, perSender := map[string]int{}, map[string]int{}
	system, mentions := 0, 0
	for _, m := range got {
		perGroup[m.Group]++
		perSender[m.SenderQQ+m.SenderMail]++
		if m.Kind == System {
			system++
		}
		mentions += len(m.Mentions)
	}
	if want := map[string]int{"卡盟资源分享群": 9, "闲聊群": 2}; !reflect.DeepEqual(perGroup, want) {
		t.Errorf("per group %v, want %v", perGroup, want)
	}
	want := map[string]int{"10001": 2, "20002": 1, "30003": 2, "10000": 1, "40004": 3, "1000000": 1, "li@example.com": 1}
	if !reflect.DeepEqual(perSender, want) {
		t.Errorf("per sender %v, want %v", perSender, want)
	}
	if len(got) != 11 || system != 2 || mentions != 4 {
		t.Errorf("%d messages, %d system, %d mentions; want 11, 2, 4", len(got), system, mentions)
	}
}

func TestTwelveHourClock(t *testing.T) {
	got, err := readAll(t, readFixture(t, "十二小时制.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		at, name, text string
	}{
		{"2016-05-03T07:04:05Z", "甲", "a"}, // 下午 3:04:05
		{"2016-05-03T07:04:06Z", "乙", "b"}, // 下午3:04:06
		{"2016-05-03T07:04:07Z", "丙", "c"}, // 3:04:07 PM
		{"2016-05-02T16:00:01Z", "丁", "d"}, // 12:00:01 AM is just after midnight
		{"2016-05-02T16:30:00Z", "甲", "e"}, // 上午 12:30:00
		{"2016-05-03T04:15:00Z", "乙", "f"}, // 下午 12:15:00 is noon
		{"2016-05-03T01:05:00Z", "丙", "g"}, // 9:05:00 AM
		{"2016-05-03T15:59:59Z", "丁", "h"}, // 11:59:59 下午
		// PM 1:00:00; then two header-shaped lines that are no time (13 PM, 30 February): body
		{"2016-05-03T05:00:00Z", "甲", "i\n\n2016-05-03 13:00:00 PM 戊(55555)\nj\n\n2016-02-30 1:00:00 戊(55555)\nk"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d messages, want %d", len(got), len(want))
	}
	for i, w := range want {
		if g := got[i]; !g.At.Equal(utc(w.at)) || g.SenderName != w.name || g.Text != w.text || g.Group != "夜猫子群" {
			t.Errorf("message %d: %s %q %q %q, want %s %q %q", i+1, g.At.Format(time.RFC3339), g.Group, g.SenderName, g.Text, w.at, w.name, w.text)
		}
	}
}

func TestParseHeader(t *testing.T) {
	for line, want := range map[string]string{ // want: UTC time|qq|mail|name, "" for no header
		"2016-05-03 9:04:05 老王(10001)":               "2016-05-03T01:04:05Z|10001||老王",
		"2016-05-03 09:04:05 老王(10001)  ":            "2016-05-03T01:04:05Z|10001||老王",
		"2016-5-3 9:04:05 老王(10001)":                 "2016-05-03T01:04:05Z|10001||老王",
		"2016-05-03 9:04:05 (12345)":                 "2016-05-03T01:04:05Z|12345||",
		"2016-05-03 9:04:05 a(1)(b)(12345)":          "2016-05-03T01:04:05Z|12345||a(1)(b)",
		"2016-05-03 9:04:05 x<a@b.c>":                "2016-05-03T01:04:05Z||a@b.c|x",
		"2016-05-03 9:04:05 AMY(12345)":              "2016-05-03T01:04:05Z|12345||AMY",
		"2016-05-03 9:04:05 PM x(12345)":             "2016-05-03T13:04:05Z|12345||x",
		"2016-05-03 下午 9:04:05 x(12345)":             "2016-05-03T13:04:05Z|12345||x",
		"2016-05-03 9:04:05下午 x(12345)":              "2016-05-03T13:04:05Z|12345||x",
		"2016-02-29 9:04:05 x(12345)":                "2016-02-29T01:04:05Z|12345||x",
		"2015-02-29 9:04:05 x(12345)":                "",
		"2016-05-03 24:00:00 x(12345)":               "",
		"2016-05-03 9:4:05 x(12345)":                 "",
		"2016-05-03 9:04:05 x(1234)":                 "",
		"2016-05-03 9:04:05 x(01234)":                "",
		"2016-05-03 9:04:05 x(12a45)":                "",
		"2016-05-03 9:04:05 x(12345) 说":              "",
		"2016-05-03 9:04:05 x<>":                     "",
		"2016-05-03 9:04:05 x<a b>":                  "",
		"2016-05-03 9:04:05 x":                       "",
		"2016-05-03 9:04:05  ":                       "",
		"2016-05-03  9:04:05 x(12345)":               "",
		"20160503 9:04:05 x(12345)":                  "",
		"2016-05-03 13:04:05 PM x(12345)":            "",
		"2016-05-03 0:04:05 AM x(12345)":             "",
		"2016-05-03 9:04:05 【管理员】小王(12345)":          "2016-05-03T01:04:05Z|12345||【管理员】小王",
		"2016-05-03 9:04:05 系统消息(1000000)":           "2016-05-03T01:04:05Z|1000000||系统消息",
		"2016-05-03 9:04:05 名字里有空格 和(括号)(123456789)": "2016-05-03T01:04:05Z|123456789||名字里有空格 和(括号)",
	} {
		var h header
		got := ""
		if parseHeader([]byte(line), &h) {
			got = h.at.Format(time.RFC3339) + "|" + string(h.qq) + "|" + string(h.email) + "|" + string(h.name)
		}
		if got != want {
			t.Errorf("parseHeader(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestMentions(t *testing.T) {
	for text, want := range map[string][]string{
		"@老王 有没有":            {"老王"},
		"@老王，在吗":             {"老王"},
		"@甲@乙":               {"甲", "乙"},
		"@a@b":               {"a"}, // b is an address
		"mail me a@b.com":    nil,
		"@ 空的":               nil,
		"@全体成员\n@小李":         {"全体成员", "小李"},
		"看 @阿May(备用)\u3000好": {"阿May(备用)"},
		"@":                  nil,
	} {
		if got := mentions(text); !reflect.DeepEqual(got, want) {
			t.Errorf("mentions(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestGBK(t *testing.T) {
	utf := readFixture(t, "两个群_BOM_CRLF.txt")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(bytes.TrimPrefix(utf, bom))
	if err != nil {
		t.Fatal(err)
	}
	rd, err := Open(bytes.NewReader(gbk))
	if err != nil {
		t.Fatal(err)
	}
	var got []Message
	for {
		m, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
	}
	sameMessages(t, got, twoGroups)
}

func TestListGroups(t *testing.T) {
	got, err := ListGroups(bytes.NewReader(readFixture(t, "两个群_LF.txt")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Group{
		{Name: "卡盟资源分享群", Messages: 9, First: utc("2016-05-03T01:04:05Z"), Last: utc("2016-05-05T04:00:00Z"), Blocks: 2},
		{Name: "闲聊群", Messages: 2, First: utc("2016-05-04T00:00:00Z"), Last: utc("2016-05-04T00:01:00Z"), Blocks: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ListGroups\n got %+v\nwant %+v", got, want)
	}
	got, err = ListGroups(bytes.NewReader(readFixture(t, "QQChatExporter_群.json")))
	want = []Group{{Name: "卡盟资源分享群", QQ: "765432109", Messages: 6, First: utc("2024-06-15T12:34:00Z"), Last: utc("2024-06-15T13:00:00Z")}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ListGroups JSON = %+v, %v; want %+v", got, err, want)
	}
}

func TestOnly(t *testing.T) {
	got, err := readAll(t, readFixture(t, "两个群_LF.txt"), "闲聊群")
	if err != nil {
		t.Fatal(err)
	}
	sameMessages(t, got, twoGroups[8:10])
	got, _ = readAll(t, readFixture(t, "两个群_LF.txt"), "卡盟资源分享群", "没有这个群")
	if len(got) != 9 {
		t.Errorf("%d messages of 卡盟资源分享群, want 9", len(got))
	}
}
