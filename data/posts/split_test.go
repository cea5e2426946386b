package posts

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// line is ten characters and a newline: 11 runes.
const line = "一二三四五六七八九十\n"

// ten is line without its line break.
const ten = "一二三四五六七八九十"

func TestSplit(t *testing.T) {
	// With limit 40, a two-part marker "(1/2)\n" leaves 34 runes of room.
	tests := []struct {
		name  string
		text  string
		limit int
		want  []string
	}{
		{"empty", "", 40, []string{""}},
		{"fits", line + line, 40, []string{line + line}},
		{"exactly the limit", strings.Repeat("字", 40), 40, []string{strings.Repeat("字", 40)}},
		{"one over the limit is cut inside the only line, in halves", strings.Repeat("字", 41), 40,
			[]string{"(1/2)\n" + strings.Repeat("字", 20), "(2/2)\n" + strings.Repeat("字", 21)}},
		{"a long line is cut between words", strings.Repeat("字字字 ", 10) + "字", 40,
			[]string{"(1/2)\n" + strings.TrimSpace(strings.Repeat("字字字 ", 5)), "(2/2)\n" + strings.Repeat("字字字 ", 5) + "字"}},
		{"at the blank line, which is left out", line + line + "\n" + line + line, 40,
			[]string{"(1/2)\n" + line + ten, "(2/2)\n" + line + ten}},
		{"balanced rather than full", line + line + line + line, 40,
			[]string{"(1/2)\n" + line + ten, "(2/2)\n" + line + ten}},
		{"a heading stays with the line after it", "标题\n\n" + line + line + line + "小标题\n" + line, 40,
			[]string{"(1/2)\n标题\n\n" + line + ten, "(2/2)\n" + line + "小标题\n" + ten}},
		{"an indented line stays with the line before it", line + "  " + line + line + "  " + line, 40,
			[]string{"(1/2)\n" + line + "  " + ten, "(2/2)\n" + line + "  " + ten}},
		{"header and footer are never alone", "头\n\n" + line + line + line + line + "\n尾", 40,
			[]string{"(1/2)\n头\n\n" + line + ten, "(2/2)\n" + line + line + "\n尾"}},
		{"leading and trailing blank lines are left out", "\n\n" + line + line + line + line + "\n\n", 40,
			[]string{"(1/2)\n" + line + ten, "(2/2)\n" + line + ten}},
		{"only blank lines make it too long", "\n\n\n" + line + strings.Repeat(" \n", 20), 40,
			[]string{ten}},
		{"limit under the minimum is the minimum", strings.Repeat("字", 41), 5,
			[]string{"(1/2)\n" + strings.Repeat("字", 20), "(2/2)\n" + strings.Repeat("字", 21)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.text, tt.limit)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split = %q\nwant    %q", got, tt.want)
			}
			checkParts(t, tt.text, tt.limit, got)
		})
	}
}

// Ten parts or more need a wider marker, and every part must still fit.
func TestSplitTwoDigitMarkers(t *testing.T) {
	text := strings.Repeat(line, 40) // 440 runes, 3 lines a part
	parts := Split(text, 40)
	if len(parts) < 10 || !strings.HasPrefix(parts[9], "(10/") {
		t.Fatalf("got %d parts, the tenth %q", len(parts), parts[min(9, len(parts)-1)])
	}
	checkParts(t, text, 40, parts)
}

// A heading too long to share a part with the line after it is parted from it
// rather than break the limit.
func TestSplitOversizedGroup(t *testing.T) {
	text := strings.Repeat("题", 30) + "\n" + strings.Repeat("字", 30) + "\n" + line
	parts := Split(text, 40)
	want := []string{"(1/3)\n" + strings.Repeat("题", 30), "(2/3)\n" + strings.Repeat("字", 30), "(3/3)\n" + ten}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("Split = %q\nwant    %q", parts, want)
	}
	checkParts(t, text, 40, parts)
}

func FuzzSplit(f *testing.F) {
	f.Add(strings.Repeat(line, 10)+"\n"+strings.Repeat(line, 5), uint16(0))
	f.Add(strings.Repeat("字", 100), uint16(3))
	f.Add("\n\n \n"+strings.Repeat("a\r\n", 30), uint16(7))
	f.Add("标题\n\n◆ 游戏类\n● 甲 ¥1\n\n◆ 影音类\n● 乙 ¥2\n", uint16(0))
	f.Add("\xff\xfe"+strings.Repeat("x\n\n", 40), uint16(1))
	f.Add("头\n\n"+strings.Repeat("● 甲\n   兑换:乙\n", 12)+"\n尾\n尾", uint16(2))
	f.Add(strings.Repeat("word ", 50)+strings.Repeat("　", 60)+"end", uint16(5))
	f.Add(strings.Repeat(" \t\n", 30), uint16(0))
	f.Fuzz(func(t *testing.T, text string, extra uint16) {
		limit := minPartRunes + int(extra%200)
		checkParts(t, text, limit, Split(text, limit))
	})
}

// checkParts fails unless parts is a correct split of text, by the rules of Split
// that hold for any text: a text that fits comes back alone; otherwise each part is
// "(k/n)\n" and a body that fits the limit, starts and ends with some text, and the
// bodies are the text in order with only white space left out between them; and
// there are as few parts as possible: no two neighbours would fit in one.
func checkParts(t *testing.T, text string, limit int, parts []string) {
	t.Helper()
	limit = max(limit, minPartRunes)
	if utf8.RuneCountInString(text) <= limit {
		if len(parts) != 1 || parts[0] != text {
			t.Fatalf("a text that fits came back as %q", parts)
		}
		return
	}
	n := len(parts)
	if n == 0 {
		t.Fatal("no parts")
	}
	bodies := parts
	if n > 1 {
		bodies = make([]string, n)
		for k, p := range parts {
			mark := marker(k+1, n)
			body, ok := strings.CutPrefix(p, mark)
			if !ok {
				t.Fatalf("part %d = %.30q, want marker %q", k+1, p, mark)
			}
			bodies[k] = body
		}
	}
	rest := text // what the bodies have not taken yet
	var gaps []string
	for k, p := range parts {
		if got := utf8.RuneCountInString(p); got > limit {
			t.Fatalf("part %d has %d runes, over %d", k+1, got, limit)
		}
		body := bodies[k]
		if strings.TrimSpace(body) == "" {
			if n == 1 && strings.TrimSpace(text) == "" && body == "" {
				return // only blank lines: one empty part
			}
			t.Fatalf("part %d has no text: %q", k+1, body)
		}
		lines := strings.Split(body, "\n")
		if strings.TrimSpace(lines[0]) == "" || strings.TrimSpace(lines[len(lines)-1]) == "" {
			t.Fatalf("part %d starts or ends with a blank line: %q", k+1, body)
		}
		if unicode.IsSpace(lastRune(body)) {
			t.Fatalf("part %d ends with white space: %q", k+1, body)
		}
		at := strings.Index(rest, body)
		if at < 0 || strings.TrimSpace(rest[:at]) != "" {
			t.Fatalf("part %d body %.40q is not the text that comes next, %.40q", k+1, body, rest)
		}
		gaps = append(gaps, rest[:at])
		rest = rest[at+len(body):]
	}
	if strings.TrimSpace(rest) != "" {
		t.Fatalf("text after the last part: %.40q", rest)
	}
	room := limit - utf8.RuneCountInString(marker(n, n))
	for k := 0; k+1 < n; k++ {
		together := utf8.RuneCountInString(bodies[k] + gaps[k+1] + bodies[k+1])
		if together <= room {
			t.Fatalf("parts %d and %d would fit in one (%d runes, room %d)", k+1, k+2, together, room)
		}
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
