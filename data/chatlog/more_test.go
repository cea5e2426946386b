package chatlog

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"
)

func TestUnixDays(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		want := time.Date(1990+r.IntN(120), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		if got := unixDays(want.Year(), int(want.Month()), want.Day()); got != want.Unix()/86400 {
			t.Fatalf("unixDays(%s) = %d, want %d", want.Format(time.DateOnly), got, want.Unix()/86400)
		}
	}
}

// A file without the title line, a block head followed at once by a header, full-width
// colons, an 【活跃】 title and a name<email> sender whose name has parentheses.
func TestTextVariants(t *testing.T) {
	sep := strings.Repeat("=", 64)
	in := sep + "\r\n消息分组：我的群聊\r\n" + sep + "\r\n消息对象：夜猫子群\r\n" + sep + "\r\n" +
		"2020-01-01 0:00:00 【活跃】小(明)(123456789)\r\n新年好\r\n\r\n" +
		"2020-01-01 0:00:01 小(明)<ming@example.com>\r\n\r\n\r\n" +
		"\r\n" + // extra blank lines before a header are no body
		"2020-01-01 0:00:02 【管理员】(23456)\r\n  缩进的行\r\n"
	rd, err := Open(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Message{
		{Group: "夜猫子群", At: utc("2019-12-31T16:00:00Z"), SenderQQ: "123456789", SenderName: "小(明)", Title: "活跃", Text: "新年好", Line: 6},
		{Group: "夜猫子群", At: utc("2019-12-31T16:00:01Z"), SenderMail: "ming@example.com", SenderName: "小(明)", Line: 9},
		{Group: "夜猫子群", At: utc("2019-12-31T16:00:02Z"), SenderQQ: "23456", Title: "管理员", Text: "  缩进的行", Line: 13},
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
	sameMessages(t, got, want)
	if rd.Offset() != int64(len(in)) || rd.Count() != 3 || rd.Format() != FormatText {
		t.Errorf("Offset %d of %d, Count %d, Format %v", rd.Offset(), len(in), rd.Count(), rd.Format())
	}
}

// Messages before any 消息对象 line have no group; a separator not followed by a label
// is text, also before the first message.
func TestNoGroup(t *testing.T) {
	in := "消息记录（此消息记录为文本格式，不支持重新导入）\n" + strings.Repeat("=", 64) + "\n随便写的\n\n" +
		"2020-01-01 8:00:00 甲(12345)\nx\n"
	got, err := readAll(t, []byte(in))
	if err != nil || len(got) != 1 || got[0].Group != "" || got[0].Text != "x" || got[0].Line != 5 {
		t.Fatalf("%+v, %v", got, err)
	}
	groups, err := ListGroups(bytes.NewReader([]byte(in)))
	if err != nil || len(groups) != 1 || groups[0].Name != "" || groups[0].Messages != 1 || groups[0].Blocks != 0 {
		t.Errorf("ListGroups = %+v, %v", groups, err)
	}
}

// The text of a message holds at most MaxText bytes, cut between lines.
func TestMaxText(t *testing.T) {
	line := strings.Repeat("字", 1000) // 3,000 bytes
	in := "消息记录\n\n2020-01-01 8:00:00 甲(12345)\n" + strings.Repeat(line+"\n", MaxText/3000+10) + "\n2020-01-01 8:00:01 乙(23456)\ny\n"
	got, err := readAll(t, []byte(in))
	if err != nil || len(got) != 2 {
		t.Fatalf("%d messages, %v", len(got), err)
	}
	if n := len(got[0].Text); n > MaxText || n < MaxText-3001 || !got[0].Clipped || !strings.HasSuffix(got[0].Text, line) {
		t.Errorf("%d bytes, clipped %v", n, got[0].Clipped)
	}
	if got[1].Text != "y" || got[1].Clipped {
		t.Errorf("next message %+v", got[1])
	}
}

func TestSplitTitle(t *testing.T) {
	for name, want := range map[string][2]string{
		"小王":           {"", "小王"},
		"【管理员】小王":      {"管理员", "小王"},
		"【活跃】【管理员】小王":  {"活跃、管理员", "小王"},
		"【活跃】 【群主】 小王": {"活跃、群主", "小王"},
		"【没有结尾小王":      {"", "【没有结尾小王"},
		"小【王】":         {"", "小【王】"},
		"【群主】":         {"群主", ""},
	} {
		title, rest := splitTitle([]byte(name))
		if string(title) != want[0] || string(rest) != want[1] {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", name, title, rest, want[0], want[1])
		}
	}
}

// Some files name the group without the '=' lines around it.
func TestLooseLabel(t *testing.T) {
	in := "消息记录（此消息记录为文本格式，不支持重新导入）\n消息对象:Project Team\n2024-01-02 03:04:05 【管理员】Alice(10001)\nhello\n\n" +
		"2024-01-02 03:05:06 Bob(10002)\n消息对象:不是群名，是正文\n"
	got, err := readAll(t, []byte(in))
	if err != nil || len(got) != 2 {
		t.Fatalf("%d messages, %v", len(got), err)
	}
	if got[0].Group != "Project Team" || got[1].Group != "Project Team" || got[1].Text != "消息对象:不是群名，是正文" {
		t.Errorf("%+v", got)
	}
}

// A text export Notepad saved again as 「Unicode」 (UTF-16 with a BOM), either byte order.
func TestUTF16(t *testing.T) {
	utf8 := bytes.TrimPrefix(readFixture(t, "两个群_BOM_CRLF.txt"), bom)
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		in, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes(utf8)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAll(t, in)
		if err != nil {
			t.Fatal(err)
		}
		sameMessages(t, got, twoGroups)
	}
}
