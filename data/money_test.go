package data

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestYuan(t *testing.T) {
	tests := []struct {
		cents int64
		want  string
	}{
		{0, "0"},
		{1, "0.01"},
		{5, "0.05"},
		{50, "0.5"},
		{1200, "12"},
		{1250, "12.5"},
		{1255, "12.55"},
		{-5, "-0.05"},
		{-1250, "-12.5"},
		{MaxPriceCents, "100000"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := Yuan(tt.cents); got != tt.want {
			t.Errorf("Yuan(%d) = %q, want %q", tt.cents, got, tt.want)
		}
	}
}

func TestParseYuan(t *testing.T) {
	tests := []struct {
		in    string
		cents int64
		ok    bool
	}{
		{"12", 1200, true},
		{"12.5", 1250, true},
		{"12.50", 1250, true},
		{"0.05", 5, true},
		{".5", 50, true},
		{"5.", 500, true},
		{"¥12.5", 1250, true},
		{"￥12.5", 1250, true},
		{"12元", 1200, true},
		{" 12.5 元 ", 1250, true},
		{"¥ 8", 800, true},
		{"1,000", 100000, true},
		{"-3", -300, true},
		{"0", 0, true},
		{"999999999999", 99999999999900, true},
		{"", 0, false},
		{" ", 0, false},
		{".", 0, false},
		{"-", 0, false},
		{"¥", 0, false},
		{"元", 0, false},
		{"abc", 0, false},
		{"1.234", 0, false},
		{"1.2.3", 0, false},
		{"1e3", 0, false},
		{"+5", 0, false},
		{"0x10", 0, false},
		{"１２", 0, false},
		{"1 000", 0, false},
		{"12元元", 0, false},
		{"--5", 0, false},
		{"9999999999999", 0, false},
	}
	for _, tt := range tests {
		cents, ok := parseYuan(tt.in)
		if cents != tt.cents || ok != tt.ok {
			t.Errorf("parseYuan(%q) = %d, %v, want %d, %v", tt.in, cents, ok, tt.cents, tt.ok)
		}
	}
}

func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"12", "12.5", "¥0.05", "12元", "-3", "1,000", ".5", "abc", "1.234", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, ok := parseYuan(s)
		if !ok {
			if cents != 0 {
				t.Fatalf("parseYuan(%q) refused but gave %d", s, cents)
			}
			return
		}
		back, ok := parseYuan(Yuan(cents))
		if !ok || back != cents {
			t.Fatalf("parseYuan(%q) = %d, but parseYuan(Yuan(%d) = %q) = %d, %v", s, cents, cents, Yuan(cents), back, ok)
		}
	})
}

// cst is China Standard Time, fixed so tests need no time zone database.
var cst = time.FixedZone("CST", 8*3600)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-31", "2026-12-31 20:00", "2026/1/2", "2026年1月2日", "20261231", "1999-12-31", "2101-01-01", "2026-02-30", ""} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, endOfDay bool) {
		var p problems
		got := parseDate(&p, "valid_until", "截止时间", s, cst, endOfDay)
		switch {
		case got == nil && strings.TrimSpace(s) != "" && len(p) != 1:
			t.Fatalf("parseDate(%q) gave nothing and %d problems", s, len(p))
		case got != nil && len(p) != 0:
			t.Fatalf("parseDate(%q) gave %v and problems %v", s, got, p.err())
		case got != nil && (got.In(cst).Year() < 2000 || got.In(cst).Year() > 2100):
			t.Fatalf("parseDate(%q) accepted %v, outside 2000..2100", s, got)
		case got != nil && got.Location() != time.UTC:
			t.Fatalf("parseDate(%q) = %v, not in UTC", s, got)
		}
	})
}

func FuzzSearchKey(f *testing.F) {
	for _, s := range []string{"王者荣耀", "QQ音乐", "绿钻", "优酷VIP", "长视频", "100元", "ǅ", "İ", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key := SearchKey(s, s)
		if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
			return
		}
		if q := ParseQuery(s); !q.Matches(key) {
			t.Fatalf("ParseQuery(%q) = %q does not match its own key %q", s, q, key)
		}
	})
}
