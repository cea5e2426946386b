package chatpaste

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	in := "随便说一句\n" +
		"2026-11-20 20:15:03 小明(12345678)\n" +
		"参加盲盒 求原神月卡\n\n" +
		"第二行\n" +
		"2026-11-20 9:01:02 小红<hong@example.com>\r\n" +
		"参加盲盒\n" +
		"2026-11-20 20:16:00 阿三（87654321）\n" +
		"2026-11-20 20:17:00 坏号(0123)\n" +
		"被错认的行\n" +
		"2026-02-30 20:17:00 日期(12345678)\n" +
		"x\n" +
		"2026-11-21 08:00:00 小刚 (99999999)\n" +
		"参加盲盒 求网盘会员"
	r := Parse(in, loc)
	if len(r.Messages) != 3 {
		t.Fatalf("messages = %+v", r.Messages)
	}
	m := r.Messages[0]
	if m.Line != 2 || m.Name != "小明" || m.QQ != "12345678" || m.Text() != "参加盲盒 求原神月卡\n第二行" ||
		!m.Time.Equal(time.Date(2026, 11, 20, 20, 15, 3, 0, loc)) {
		t.Errorf("first = %+v", m)
	}
	if m := r.Messages[1]; m.Email != "hong@example.com" || m.QQ != "" || m.Time.Hour() != 9 {
		t.Errorf("second = %+v", m)
	}
	if m := r.Messages[2]; m.Name != "小刚" || m.QQ != "99999999" || m.Line != 13 {
		t.Errorf("third = %+v", m)
	}
	want := []struct {
		line   int
		reason Reason
	}{{1, NoHeader}, {8, NoBody}, {9, BadQQ}, {10, NoHeader}, {11, BadTime}, {12, NoHeader}}
	if len(r.Problems) != len(want) {
		t.Fatalf("problems = %+v", r.Problems)
	}
	for i, w := range want {
		if p := r.Problems[i]; p.Line != w.line || p.Reason != w.reason {
			t.Errorf("problem %d = %+v, want %+v", i, p, w)
		}
	}
}

func TestParseReportsOverlongLines(t *testing.T) {
	r := Parse("2026-11-20 20:15:03 小明(12345678)\n"+strings.Repeat("长", MaxLineLen), time.UTC)
	if len(r.Problems) != 2 || r.Problems[0].Reason != NoBody || r.Problems[1].Reason != TooLong || r.Problems[1].Line != 2 || r.Problems[0].Line != 1 {
		t.Errorf("problems = %+v", r.Problems)
	}
}

// FuzzParse: no panic, every non-blank line is either in a message or reported.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "2026-11-20 20:15:03 小明(12345678)\n参加盲盒 求原神月卡",
		"x\n2026-1-2 3:04:05 a<b@c>\nhi\n2026-13-40 99:99:99 z(123456)",
		"2026-11-20 20:15:03 (12345678)\n\xff\n2026-11-20 20:15:03 a（1234567890123）\nb",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Parse(s, time.UTC)
		nonBlank := 0
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(strings.TrimPrefix(l, "\ufeff")) != "" {
				nonBlank++
			}
		}
		got := len(r.Problems)
		for _, m := range r.Messages {
			got += 1 + len(m.Body)
			if len(m.Body) == 0 || (m.QQ == "") == (m.Email == "") {
				t.Fatalf("bad message %+v", m)
			}
		}
		for _, p := range r.Problems {
			if p.Reason < NoHeader || p.Reason > BadText || p.Line < 1 || !utf8.ValidString(p.Text) {
				t.Fatalf("bad problem %+v", p)
			}
		}
		if got != nonBlank {
			t.Fatalf("accounted %d lines of %d: %+v", got, nonBlank, r)
		}
	})
}
