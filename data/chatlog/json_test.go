package chatlog

import (
	"bytes"
	"errors"
	"testing"
)

var qceGroup = []Message{
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T12:34:00Z"), SenderQQ: "20002", SenderName: "小李",
		Text: "@老王 有没有 Photoshop 2024 的资源？", Mentions: []string{"老王"}, Line: 1, ID: "7380000000000000001"},
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T12:35:00Z"), SenderQQ: "10001", SenderName: "老王",
		Text: "[图片]", Line: 2, ID: "7380000000000000002"},
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T12:36:40Z"), SenderQQ: "30003", SenderName: "阿May(备用)",
		Title: "活跃", Text: "这条我撤回了", Kind: Recalled, Line: 3, ID: "7380000000000000003"},
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T12:38:20Z"), SenderName: "系统消息",
		Text: "小张 加入了群聊", Kind: System, Line: 4, ID: "7380000000000000004"},
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T12:40:00Z"), SenderQQ: "40004", SenderName: "小张",
		Text: "@全体成员 @小李 大家好", Mentions: []string{"全体成员", "小李"}, Line: 5, ID: "7380000000000000005"},
	// timestamp 0: the time text, read as China time
	{Group: "卡盟资源分享群", GroupQQ: "765432109", At: utc("2024-06-15T13:00:00Z"), SenderQQ: "20002", SenderName: "小李",
		Text: "收一个会员\n有的私聊", Line: 6, ID: "7380000000000000006"},
}

func TestJSONExport(t *testing.T) {
	in := readFixture(t, "QQChatExporter_群.json")
	rd, err := Open(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if rd.Format() != FormatJSON {
		t.Errorf("format %v, want json", rd.Format())
	}
	got, err := readAll(t, in)
	if err != nil {
		t.Fatal(err)
	}
	sameMessages(t, got, qceGroup)
	got, err = readAll(t, append([]byte("\xEF\xBB\xBF"), in...), "卡盟资源分享群")
	if err != nil || len(got) != 6 {
		t.Errorf("with a BOM and the group picked: %d messages, %v", len(got), err)
	}
	if got, _ := readAll(t, in, "别的群"); len(got) != 0 {
		t.Errorf("another group picked: %d messages, want 0", len(got))
	}
}

func TestJSONCutAndDamaged(t *testing.T) {
	in := readFixture(t, "QQChatExporter_群.json")
	cutAt := func(s string) []byte {
		i := bytes.Index(in, []byte(s))
		if i < 0 {
			t.Fatalf("%q not in the fixture", s)
		}
		return in[:i]
	}
	for name, c := range map[string]struct {
		in       []byte
		kind     ErrorKind
		complete int
	}{
		"cut inside message 4":          {cutAt(`"小张 加入了群聊","elements"`), Incomplete, 3},
		"cut mid-character":             {cutAt(`加入了群聊","elements"`)[:0:0], Incomplete, 3},
		"cut after message 6":           {cutAt(`  ],` + "\n" + `  "avatars"`), Incomplete, 6},
		"cut before the messages":       {cutAt(`"messages"`), Incomplete, 0},
		"a timestamp of the wrong type": {bytes.Replace(in, []byte(`"timestamp": 1718455100000`), []byte(`"timestamp": {}`), 1), Damaged, 3},
		"a syntax error":                {bytes.Replace(in, []byte(`"seq": "1005",`), []byte(`"seq": "1005",,`), 1), Damaged, 4},
		"a message without a time":      {bytes.Replace(in, []byte(`"timestamp": 0,`+"\n"+`      "time": "2024-06-15 21:00:00",`), []byte(`"timestamp": 0,`), 1), Damaged, 5},
	} {
		t.Run(name, func(t *testing.T) {
			if len(c.in) == 0 { // mid-character: one byte into 加
				i := bytes.Index(in, []byte("加入了群聊"))
				c.in = in[:i+1]
			}
			got, err := readAll(t, c.in)
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.Complete != c.complete || len(got) != c.complete {
				t.Fatalf("%d messages, err %v; want kind %d after %d", len(got), err, c.kind, c.complete)
			}
			sameMessages(t, got, qceGroup[:c.complete])
		})
	}
}

func TestJSONWithoutMessages(t *testing.T) {
	got, err := readAll(t, []byte(`{"metadata":{"name":"QQChatExporter V4"},"chatInfo":{"name":"空群"},"messages":[]}`))
	if err != nil || len(got) != 0 {
		t.Errorf("%d messages, %v; want none and no error", len(got), err)
	}
	// the manifest of a chunked-jsonl export holds no messages itself
	_, err = readAll(t, []byte(`{"metadata":{"name":"QQChatExporter V5"},"chatInfo":{"name":"群"},"chunked":{"format":"chunked-jsonl"}}`))
	if kindOf(err) != NotExport {
		t.Errorf("manifest: %v, want NotExport", err)
	}
}
