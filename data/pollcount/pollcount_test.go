package pollcount

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var cst = time.FixedZone("CST", 8*3600)

func TestReadChoice(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true}, {"投1", 1, true}, {"选2", 2, true}, {"①", 1, true}, {"２", 2, true},
		{"我选3号", 3, true}, {" 投票给 2 号！", 2, true}, {"选三", 3, true}, {"12", 12, true},
		{"⑩", 10, true}, {"第2项", 2, true}, {"+1", 1, true},
		{"谢谢群主", 0, false}, {"", 0, false}, {"1和2都想要", 0, false}, {"12345", 0, false}, {"选", 0, false},
	}
	for _, tt := range tests {
		got, ok := ReadChoice(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ReadChoice(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

const chat = `前面聊天的残留
2026-12-01 20:00:01 小明(12345678)
1
2026-12-01 20:01:00 阿花(23456789)
我选3号
2026-12-01 20:02:00 小明(12345678)
投2
2026-12-01 20:03:00 路人(34567890)
谢谢群主
2026-12-01 20:04:00 老王（45678901）
选5
2026-12-01 21:30:00 迟到(56789012)
1
2026-13-01 20:00:00 坏时间(67890123)
2
`

func TestCount(t *testing.T) {
	closeAt := time.Date(2026, 12, 1, 21, 0, 0, 0, cst)
	r := CountText(chat, 3, closeAt, cst)
	if got, want := r.Tallies, []int{0, 1, 1}; !equal(got, want) {
		t.Fatalf("tallies = %v, want %v (last vote wins, late and out-of-range not counted)", got, want)
	}
	if r.Total() != 2 || r.Votes[0].QQ != "12345678" || r.Votes[0].Option != 2 || r.Votes[0].Changed != 1 {
		t.Fatalf("votes = %+v", r.Votes)
	}
	reasons := map[int]string{}
	for _, p := range r.Problems {
		reasons[p.Line] = p.Reason
	}
	want := map[int]string{
		1: "不在任何发言之下", 3: "改投", 9: "看不出", 11: "没有第 5 项", 13: "截止时间之后", 14: "发言时间不对",
	}
	for line, frag := range want {
		if !strings.Contains(reasons[line], frag) {
			t.Errorf("line %d reason = %q, want it to say %q", line, reasons[line], frag)
		}
	}
	// The bad header's body line belongs to the previous message and is reported too.
	if _, ok := reasons[15]; !ok {
		t.Errorf("line 15 not reported: %v", reasons)
	}
}

func TestCountOutOfOrder(t *testing.T) {
	text := "2026-12-01 20:05:00 小明(12345678)\n2\n2026-12-01 20:00:00 小明(12345678)\n1\n"
	r := CountText(text, 2, time.Time{}, cst)
	if !equal(r.Tallies, []int{0, 1}) || len(r.Problems) != 1 || r.Problems[0].Line != 4 {
		t.Fatalf("later vote must win even pasted first: %+v", r)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzCount: no panic; every non-blank line is either a header of a message, a counted
// vote or a problem — none is dropped silently.
func FuzzCount(f *testing.F) {
	f.Add(chat, 3)
	f.Add("1\n2\n", 2)
	f.Add("2026-12-01 20:00:01 a(12345)\n①\n②\n", 0)
	f.Add("2026-02-30 20:00:01 a(12345)\n\r\n２", 2)
	f.Fuzz(func(t *testing.T, text string, options int) {
		if options > 100 || options < -5 {
			return
		}
		msgs, probs := Parse(text, cst)
		r := Count(msgs, options, time.Time{}, probs)
		seen := map[int]bool{}
		for _, m := range msgs {
			seen[m.Line] = true
		}
		for _, v := range r.Votes {
			seen[v.Line] = true
		}
		for _, p := range r.Problems {
			seen[p.Line] = true
			if !utf8.ValidString(p.Reason) || p.Reason == "" {
				t.Fatalf("problem without reason: %+v", p)
			}
		}
		// Lines as QQ pastes them: \r\n, \n or a lone \r ends one.
		for i, l := range strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n") {
			if strings.TrimSpace(strings.TrimPrefix(l, "\ufeff")) != "" && !seen[i+1] {
				t.Fatalf("line %d %q dropped silently", i+1, l)
			}
		}
		ls := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
		for _, v := range r.Votes { // a vote names the line it was read from
			if v.Line < 1 || v.Line > len(ls) || cut(strings.TrimSpace(strings.TrimPrefix(ls[v.Line-1], "\ufeff"))) != v.Text {
				t.Fatalf("vote %+v not read from line %d", v, v.Line)
			}
		}
		sum := 0
		for _, n := range r.Tallies {
			sum += n
		}
		if sum != len(r.Votes) {
			t.Fatalf("tallies %v do not add up to %d votes", r.Tallies, len(r.Votes))
		}
	})
}

// Body lines keep their own line numbers across blank lines; a sender shown by e-mail
// cannot vote (no QQ number), and a body line after a header it cannot read is not
// given to the message before.
func TestParseLinesAndSenders(t *testing.T) {
	text := "2026-12-01 20:00:00 甲(11111111)\n\n  投1  \n\n2026-12-01 20:01:00 乙<yi@example.com>\n2\n" +
		"2026-12-01 20:02:00 丙(abc)\n3\n"
	r := CountText(text, 3, time.Time{}, cst)
	if r.Total() != 1 || r.Votes[0].Line != 3 || r.Votes[0].Option != 1 {
		t.Fatalf("votes = %+v", r.Votes)
	}
	lines := map[int]string{}
	for _, p := range r.Problems {
		lines[p.Line] = p.Reason
	}
	for line, frag := range map[int]string{5: "邮箱", 6: "没有QQ号", 7: "读不出QQ号", 8: "不在任何发言之下"} {
		if !strings.Contains(lines[line], frag) {
			t.Errorf("line %d: %q, want %q", line, lines[line], frag)
		}
	}
}
