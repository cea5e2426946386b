package posts

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// line is ten characters and a newline: 11 runes.
const line = "一二三四五六七八九十\n"

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
		{"one over the limit is cut inside the only line", strings.Repeat("字", 41), 40,
			[]string{"(1/2)\n" + strings.Repeat("字", 34), "(2/2)\n" + strings.Repeat("字", 7)}},
		{"at the blank line", line + line + "\n" + line + line, 40,
			[]string{"(1/2)\n" + line + line + "\n", "(2/2)\n" + line + line}},
		{"at the last blank line that fits", line + "\n" + line + "\n" + line + line, 40,
			[]string{"(1/2)\n" + line + "\n" + line + "\n", "(2/2)\n" + line + line}},
		{"at a line end without blank line", line + line + line + line, 40,
			[]string{"(1/2)\n" + line + line + line, "(2/2)\n" + line}},
		{"leading blank lines are no place to cut", "\n\n" + strings.Repeat("字", 40), 40,
			[]string{"(1/2)\n\n\n" + strings.Repeat("字", 32), "(2/2)\n" + strings.Repeat("字", 8)}},
		{"limit under the minimum is the minimum", strings.Repeat("字", 41), 5,
			[]string{"(1/2)\n" + strings.Repeat("字", 34), "(2/2)\n" + strings.Repeat("字", 7)}},
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

func TestSplitLongIndex(t *testing.T) {
	idx, _ := BuildIndex(group, allCats, bigCatalog(), fixedNow, cst)
	text, err := RenderIndex(Default(data.PostIndex), idx, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts := Split(text, MaxPartRunes)
	checkParts(t, text, MaxPartRunes, parts)
	for i, p := range parts[1:] {
		if body := strings.SplitN(p, "\n", 2)[1]; !strings.HasPrefix(body, "◆ ") {
			t.Errorf("part %d does not start at a category: %.40q", i+2, body)
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add(strings.Repeat(line, 10)+"\n"+strings.Repeat(line, 5), uint16(0))
	f.Add(strings.Repeat("字", 100), uint16(3))
	f.Add("\n\n \n"+strings.Repeat("a\r\n", 30), uint16(7))
	f.Add("标题\n\n◆ 游戏类\n● 甲 ¥1\n\n◆ 影音类\n● 乙 ¥2\n", uint16(0))
	f.Add("\xff\xfe"+strings.Repeat("x\n\n", 40), uint16(1))
	f.Fuzz(func(t *testing.T, text string, extra uint16) {
		limit := minPartRunes + int(extra%200)
		checkParts(t, text, limit, Split(text, limit))
	})
}

// checkParts fails unless parts is a correct split of text: a text that fits comes
// back alone; otherwise each part is "(k/n)\n" and a body, fits the limit, the
// bodies give back text, and each cut is where the rules put it.
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
	if n < 2 {
		t.Fatalf("a text over the limit came back as %d part", n)
	}
	room := limit - utf8.RuneCountInString(marker(n, n))
	var joined strings.Builder
	for k, p := range parts {
		if got := utf8.RuneCountInString(p); got > limit {
			t.Fatalf("part %d has %d runes, over %d", k+1, got, limit)
		}
		mark := marker(k+1, n)
		body, ok := strings.CutPrefix(p, mark)
		if !ok || body == "" {
			t.Fatalf("part %d = %.30q, want marker %q and a body", k+1, p, mark)
		}
		if k < n-1 {
			if want := expectedCut(text[joined.Len():], room); len(body) != want {
				t.Fatalf("part %d body %q ends at byte %d, want %d", k+1, body, len(body), want)
			}
		}
		joined.WriteString(body)
	}
	if joined.String() != text {
		t.Fatalf("bodies put together differ from the text:\n got %q\nwant %q", joined.String(), text)
	}
}

// expectedCut is where a part starting with rest must end, from the rules read plainly:
// the last blank line that fits with text before it, else the last line end that fits
// with text before it, else as many characters as fit.
func expectedCut(rest string, room int) int {
	window := 0 // the first room+1 runes are all that can matter
	for i := 0; i <= room && window < len(rest); i++ {
		_, size := utf8.DecodeRuneInString(rest[window:])
		window += size
	}
	rest = rest[:window]
	blank, end := 0, 0
	lines := strings.SplitAfter(rest, "\n")
	pos, runes, seenText := 0, 0, false
	for _, l := range lines {
		pos += len(l)
		runes += utf8.RuneCountInString(l)
		if runes > room || !strings.HasSuffix(l, "\n") {
			break
		}
		isBlank := strings.TrimSpace(l) == ""
		if seenText && isBlank {
			blank = pos
		}
		seenText = seenText || !isBlank
		if seenText {
			end = pos
		}
	}
	switch {
	case blank > 0:
		return blank
	case end > 0:
		return end
	}
	cut := 0
	for i := 0; i < room && cut < len(rest); i++ {
		_, size := utf8.DecodeRuneInString(rest[cut:])
		cut += size
	}
	return cut
}
