package qqlist

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

func parseFile(t *testing.T, name string) (List, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(bytes.NewReader(b))
}

// Two pages saved one after another, as an owner does for a group of more than one
// page: the member on both pages is merged, names come out as QQ shows them, numbers
// above 2^31 and of 5 digits are kept exactly, and missing fields are empty.
func TestParseTwoOverlappingPages(t *testing.T) {
	l, err := parseFile(t, "两页重叠.json")
	if err != nil {
		t.Fatal(err)
	}
	if l.Pages != 2 || l.Merged != 1 || len(l.Members) != 7 || l.Declared != 7 || !l.Complete() {
		t.Fatalf("pages %d merged %d members %d declared %d complete %v, want 2 1 7 7 true",
			l.Pages, l.Merged, len(l.Members), l.Declared, l.Complete())
	}
	want := []struct {
		qq, nick, card, name string
		role                 Role
		level                int
		levelName            string
		listed               int
		lastSpoke            int64
	}{
		{"123456789", "卡盟老板", "群主-小卡", "群主-小卡", RoleOwner, 6, "传说", 1, 1764547200},
		{"2876543210", "小鱼儿🐟", "", "小鱼儿🐟", RoleAdmin, 3, "吐槽", 1, 1764460800},
		{"10001", "老号", "阿 九", "阿 九", RoleMember, 1, "潜水", 1, 0},
		// listed twice: the second page (later) wins, in the first place
		{"3987654321", "汤姆", "Tom&Jerry", "Tom&Jerry", RoleMember, 2, "冒泡", 2, 1764000000},
		{"1029266057", "温柔的西瓜🍉🍉", "【王者代充】24小时在线秒发货💎诚信经营假一赔十欢迎老板们来撩", "", RoleMember, 2, "冒泡", 1, 1763000000},
		{"55667788", "新来的<萌新>", "", "新来的<萌新>", RoleMember, 0, "", 1, 0},
		{"4294967295", "👨‍👩‍👧‍👦一家人", "", "👨‍👩‍👧‍👦一家人", RoleMember, 1, "潜水", 1, 0},
	}
	for i, w := range want {
		m := l.Members[i]
		if w.name == "" {
			w.name = w.card
		}
		if m.QQ != w.qq || m.Nick != w.nick || m.Card != w.card || m.Name() != w.name || m.Role != w.role ||
			m.Level != w.level || m.LevelName != w.levelName || m.Listed != w.listed {
			t.Errorf("member %d = %+v, want %+v", i+1, m, w)
		}
		if got := unixOrZero(m.LastSpokeAt); got != w.lastSpoke {
			t.Errorf("member %d last spoke %d, want %d", i+1, got, w.lastSpoke)
		}
	}
	if n := len([]rune(l.Members[4].Card)); n <= 30 {
		t.Errorf("the long card has %d characters; the fixture must hold one over 30", n)
	}
	if got := l.Members[0].JoinedAt; !got.Equal(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("joined at %v", got)
	}
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// Without the group's level names a member keeps the level number and no name.
func TestParseWithoutLevelNames(t *testing.T) {
	l, err := parseFile(t, "没有等级名称.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Members) != 2 || l.Members[0].Level != 3 || l.Members[0].LevelName != "" {
		t.Fatalf("members = %+v", l.Members)
	}
}

func TestParseRefusals(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	cases := []struct {
		name   string
		input  []byte
		file   string
		kind   Kind
		member int
		field  string
	}{
		{name: "cut off while copying", file: "缺了一半.json", kind: Truncated},
		{name: "cut off after a value", input: []byte(`{"ec":0,"mems":[{"uin":12345678}`), kind: Truncated},
		{name: "a date as words", file: "类型不对.json", kind: WrongType, member: 2, field: "join_time"},
		{name: "another JSON", file: "不是成员名单.json", kind: NotMemberList},
		{name: "QQ says not logged in", file: "未登录.json", kind: QQRefused},
		{name: "a picture", input: png, kind: NotJSON},
		{name: "a sheet", input: []byte("QQ号,昵称\r\n12345678,小明\r\n"), kind: NotJSON},
		{name: "a web page", input: []byte("<!DOCTYPE html><html>登录</html>"), kind: NotJSON},
		{name: "empty", input: nil, kind: NotJSON},
		{name: "JSON garbage", input: []byte(`{"ec":0,"mems":[}`), kind: NotJSON},
		{name: "mems not a list", input: []byte(`{"ec":0,"mems":"abc"}`), kind: WrongType, field: "mems"},
		{name: "member not an object", input: []byte(`{"ec":0,"mems":[12345678]}`), kind: WrongType, member: 1, field: "mems"},
		{name: "no uin", input: []byte(`{"ec":0,"mems":[{"uin":12345678},{"nick":"x"}]}`), kind: BadQQ, member: 2, field: "uin"},
		{name: "uin with letters", input: []byte(`{"ec":0,"mems":[{"uin":"12ab5678"}]}`), kind: BadQQ, member: 1, field: "uin"},
		{name: "uin too short", input: []byte(`{"ec":0,"mems":[{"uin":1234}]}`), kind: BadQQ, member: 1, field: "uin"},
		{name: "uin negative", input: []byte(`{"ec":0,"mems":[{"uin":-1294967296}]}`), kind: BadQQ, member: 1, field: "uin"},
		{name: "uin true", input: []byte(`{"ec":0,"mems":[{"uin":true}]}`), kind: BadQQ, member: 1, field: "uin"},
		{name: "nick an object", input: []byte(`{"ec":0,"mems":[{"uin":12345678,"nick":{"a":1}}]}`), kind: WrongType, member: 1, field: "nick"},
		{name: "role a word", input: []byte(`{"ec":0,"mems":[{"uin":12345678,"role":"admin"}]}`), kind: WrongType, member: 1, field: "role"},
		{name: "lv a number", input: []byte(`{"ec":0,"mems":[{"uin":12345678,"lv":3}]}`), kind: WrongType, member: 1, field: "lv"},
		{name: "count a word", input: []byte(`{"ec":0,"count":"many","mems":[]}`), kind: WrongType, field: "count"},
		{name: "a page past the end only", input: []byte(`{"ec":0,"count":7}`), kind: NoMembers},
		{name: "no member", input: []byte(`{"ec":0,"count":0,"mems":[]}`), kind: NoMembers},
		{name: "an array of numbers", input: []byte(`[1,2,3]`), kind: NotMemberList},
		{name: "a list of something else", input: []byte(`[{"id":1}]`), kind: NotMemberList},
		{name: "too large", input: append([]byte(`{"ec":0,"mems":[`), bytes.Repeat([]byte(" "), MaxSize)...), kind: TooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var l List
			var err error
			if c.file != "" {
				l, err = parseFile(t, c.file)
			} else {
				l, err = Parse(bytes.NewReader(c.input))
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %+v, %v; want a refusal of kind %d", l, err, c.kind)
			}
			if e.Kind != c.kind || e.Member != c.member || e.Field != c.field {
				t.Errorf("refusal %+v, want kind %d member %d field %q", e, c.kind, c.member, c.field)
			}
			if len(l.Members) != 0 {
				t.Errorf("a refusal came with %d members", len(l.Members))
			}
		})
	}
}

// What QQ varies is read whichever way it comes; pasted text keeps working with a
// BOM, white space around it, or the pages in an array.
func TestParseLenientForms(t *testing.T) {
	cases := map[string]string{
		"uin as number":       `{"ec":0,"mems":[{"uin":3987654321,"role":1}]}`,
		"uin as string":       `{"ec":"0","mems":[{"uin":" 3987654321 ","role":"1"}]}`,
		"float-looking whole": `{"ec":0,"mems":[{"uin":3987654321,"role":1.0,"join_time":1.7e9}]}`,
		"BOM and spaces":      "\xEF\xBB\xBF \r\n {\"ec\":0,\"mems\":[{\"uin\":3987654321,\"role\":1}]}\r\n",
		"pages in an array":   `[{"ec":0,"mems":[{"uin":3987654321,"role":1}]},{"ec":0,"count":1}]`,
		"pages side by side":  `{"ec":0,"mems":[{"uin":3987654321,"role":1}]}{"ec":0,"mems":[{"uin":3987654321,"role":1}]}`,
		"milliseconds":        `{"ec":0,"mems":[{"uin":3987654321,"role":1,"join_time":1700000000000}]}`,
		"UTF-16 from Notepad": utf16LE(`{"ec":0,"mems":[{"uin":3987654321,"role":1,"nick":"小明"}]}`),
	}
	for name, in := range cases {
		l, err := Parse(strings.NewReader(in))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if m := l.Members[0]; len(l.Members) != 1 || m.QQ != "3987654321" || m.Role != RoleAdmin {
			t.Errorf("%s: %+v", name, l.Members)
		}
		if name == "milliseconds" && l.Members[0].JoinedAt.Unix() != 1700000000 {
			t.Errorf("milliseconds read as %v", l.Members[0].JoinedAt)
		}
	}
}

// An incomplete list (one page of a larger group) says so, so nobody is marked as
// having left because a page was not saved.
func TestCompleteOnlyWithEveryMember(t *testing.T) {
	l, err := Parse(strings.NewReader(`{"ec":0,"count":3,"mems":[{"uin":12345678},{"uin":23456789}]}`))
	if err != nil || l.Complete() {
		t.Fatalf("complete = %v (%v) for 2 of 3", l.Complete(), err)
	}
	l, _ = Parse(strings.NewReader(`{"ec":0,"mems":[{"uin":12345678}]}`))
	if l.Complete() {
		t.Error("a list without a count cannot be known to be complete")
	}
}

func TestLooks(t *testing.T) {
	for in, want := range map[string]bool{"\xEF\xBB\xBF{": true, " \n[": true, "QQ号": false, "": false, "PK\x03\x04": false,
		utf16LE(" {\"ec\":0}"): true, utf16LE("QQ号,昵称"): false} {
		if Looks([]byte(in)) != want {
			t.Errorf("Looks(%q) = %v", in, !want)
		}
	}
}

// FuzzParse: whatever the input, Parse either refuses with an *Error or returns
// members with QQ numbers that are numbers, each once, and valid UTF-8 names.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"两页重叠.json", "没有等级名称.json", "缺了一半.json", "类型不对.json", "不是成员名单.json", "未登录.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`[{"ec":0,"mems":[{"uin":"10001","card":"&#128512;&amp;","lv":{"level":"2"}}],"levelname":{"2":"冒泡"}}]`))
	f.Add([]byte(`{"ec":0,"mems":[{"uin":1e5}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := Parse(bytes.NewReader(b))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Kind == 0 {
				t.Fatalf("error %v is not a refusal", err)
			}
			return
		}
		if len(l.Members) == 0 {
			t.Fatal("a list without members was accepted")
		}
		seen := map[string]bool{}
		for _, m := range l.Members {
			if _, ok := qqNumber([]byte(`"` + m.QQ + `"`)); !ok || seen[m.QQ] {
				t.Fatalf("member %q is not a QQ number or repeats", m.QQ)
			}
			seen[m.QQ] = true
			for _, s := range []string{m.Nick, m.Card, m.LevelName} {
				if !utf8.ValidString(s) {
					t.Fatalf("name %q is not valid UTF-8", s)
				}
			}
		}
		if l.Merged+len(l.Members) < len(l.Members) || l.Pages == 0 {
			t.Fatalf("merged %d pages %d", l.Merged, l.Pages)
		}
	})
}

// utf16LE is text as Windows Notepad saves 「Unicode」: UTF-16 little endian with a BOM.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}
