package chatlog

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func kindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func TestRefused(t *testing.T) {
	title := "消息记录（此消息记录为文本格式，不支持重新导入）\n"
	gbkTitle, _ := simplifiedchinese.GBK.NewEncoder().String(title)
	for name, c := range map[string]struct {
		in   string
		kind ErrorKind
		line int
	}{
		"empty":             {"", Empty, 0},
		"only a BOM":        {"\xEF\xBB\xBF \r\n", Empty, 0},
		"plain text":        {"hello\nworld\n", NotExport, 0},
		"a sheet":           {"姓名,QQ号\n小王,12345\n", NotExport, 0},
		"a picture":         {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NotExport, 0},
		"UTF-16 not export": {"\xFF\xFEh\x00i\x00", NotExport, 0},
		"member list JSON":  {`{"ec":0,"count":1,"mems":[]}`, NotExport, 0},
		"other JSON":        {`{"metadata":{"name":"Other"},"messages":[]}`, NotExport, 0},
		"messages first":    {`{"messages":[],"metadata":{"name":"QQChatExporter"}}`, NotExport, 0},
		"metadata wrong":    {`{"metadata":"QQChatExporter","messages":[]}`, NotExport, 0},
		"JSON cut early":    {`{"metadata":{"name":"QQChatExporter V5"},"chatInfo":{"na`, Incomplete, 0},
		"UTF-8 then junk":   {title + "\n2016-05-03 9:04:05 x(12345)\nok\xff\xfe\n", Undecodable, 4},
		"GBK then junk":     {gbkTitle + "\n2016-05-03 9:04:05 x(12345)\nok\xff\xfe\n", Undecodable, 4},
		"no title, neither": {strings.Repeat("=", 64) + "\n\x81\x20\xff\n", Undecodable, 0},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readAll(t, []byte(c.in))
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.Line != c.line {
				t.Fatalf("err = %v, want kind %d line %d", err, c.kind, c.line)
			}
			if p := e.Problem(); p == "" || p == "读不出这份聊天记录。" {
				t.Errorf("no Chinese problem for kind %d: %q", e.Kind, p)
			}
		})
	}
}

// A file cut short: the messages before the cut come out whole, then Incomplete
// saying how many; a message cut in its body is not handed out.
func TestTruncated(t *testing.T) {
	lf := readFixture(t, "两个群_LF.txt")
	crlf := readFixture(t, "两个群_BOM_CRLF.txt")
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(lf)
	at := func(in []byte, s string, plus int) []byte {
		i := bytes.Index(in, []byte(s))
		if i < 0 {
			t.Fatalf("%q not in the fixture", s)
		}
		return in[:i+plus]
	}
	gbkAt := func(s string, plus int) []byte {
		enc, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		return at(gbk, string(enc), plus)
	}
	for name, c := range map[string]struct {
		in       []byte
		only     []string
		complete int
		line     int
	}{
		"inside the date":             {at(lf, "2016-05-04 8:01:00", 7), nil, 9, 47},
		"inside the time":             {at(lf, "2016-05-04 8:01:00", 15), nil, 9, 47},
		"inside the name":             {at(lf, "2016-05-04 8:01:00 小张", 20), nil, 9, 47},
		"inside the QQ number":        {at(lf, "2016-05-04 8:01:00 小张(40004)", 27), nil, 9, 47},
		"after the header, CRLF":      {at(crlf, "2016-05-04 8:01:00 小张(40004)", 30), nil, 9, 47},
		"mid-character in the name":   {at(lf, "2016-05-04 8:01:00 小张", 20), nil, 9, 47},
		"mid-character in a body":     {at(lf, "收一个会员", 4), nil, 9, 48},
		"mid-character, CRLF":         {at(crlf, "收一个会员", 7), nil, 9, 48},
		"mid-character in a header":   {at(lf, "2016-05-04 8:01:00 小张", 21), nil, 9, 47},
		"first header cut":            {at(lf, "2016-05-03 9:04:05", 10), nil, 0, 9},
		"filtered":                    {at(lf, "2016-05-04 8:01:00", 7), []string{"闲聊群"}, 1, 47},
		"GBK mid-character in body":   {gbkAt("收一个会员", 3), nil, 9, 48},
		"GBK inside the header name":  {gbkAt("2016-05-04 8:01:00 小张", 20), nil, 9, 47},
		"GBK mid-character in header": {gbkAt("2016-05-04 8:01:00 小张", 21), nil, 9, 47},
	} {
		t.Run(name, func(t *testing.T) {
			got, err := readAll(t, c.in, c.only...)
			var e *Error
			if !errors.As(err, &e) || e.Kind != Incomplete {
				t.Fatalf("err = %v, want Incomplete", err)
			}
			if e.Complete != c.complete || len(got) != c.complete || e.Line != c.line {
				t.Errorf("%d messages, Complete %d, line %d; want %d, line %d", len(got), e.Complete, e.Line, c.complete, c.line)
			}
			if len(got) > 0 && c.only == nil {
				sameMessages(t, got, twoGroups[:len(got)])
			}
		})
	}
	// A last body line without a line end is no cut: the body may just end there.
	got, err := readAll(t, bytes.TrimRight(lf, "\n"))
	if err != nil || len(got) != 11 {
		t.Errorf("file without its last line ends: %d messages, %v; want 11, nil", len(got), err)
	}
}
