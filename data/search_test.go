package data

import (
	"cmp"
	"strings"
	"testing"
)

func TestQueryMatchesSearchKey(t *testing.T) {
	catalog := map[string][]string{ // name → tags, as saveResource keys them
		"王者荣耀点券 60元":    {"王者荣耀", "安卓"},
		"优酷VIP年卡":       {"影音"},
		"QQ音乐绿钻 月卡":     {"音乐"},
		"腾讯视频VIP月卡":     {"腾讯"},
		"中国移动话费 100元":   nil,
		"和平精英UC 680":    {"和平精英"},
		"B站大会员 年卡":      {"哔哩哔哩"},
		"招商银行信用卡积分兑换":   nil,
		"芒果TV会员 长视频月卡":  nil,
		"Steam充值卡 100元": {"PC"},
	}
	tests := []struct {
		query string
		want  []string
		loose bool // other names may match too: yk is also 月卡's yueka
	}{
		{"wzry", []string{"王者荣耀点券 60元"}, false},
		{"wangzhe", []string{"王者荣耀点券 60元"}, false},
		{"王者", []string{"王者荣耀点券 60元"}, false},
		{"yk", []string{"优酷VIP年卡"}, true},
		{"youku", []string{"优酷VIP年卡"}, false},
		{"qqyy", []string{"QQ音乐绿钻 月卡"}, false},
		{"qqyinyue", []string{"QQ音乐绿钻 月卡"}, false},
		{"QQ音乐", []string{"QQ音乐绿钻 月卡"}, false},
		{"lvzuan", []string{"QQ音乐绿钻 月卡"}, false},
		{"luzuan", []string{"QQ音乐绿钻 月卡"}, false},
		{"lz", []string{"QQ音乐绿钻 月卡"}, false},
		{"vip 月卡", []string{"腾讯视频VIP月卡"}, false},
		{"VIP 月卡", []string{"腾讯视频VIP月卡"}, false},
		{"txsp", []string{"腾讯视频VIP月卡"}, false},
		{"腾讯 100", nil, false},
		{"100", []string{"中国移动话费 100元", "Steam充值卡 100元"}, false},
		{"hf 100", []string{"中国移动话费 100元"}, false},
		{"STEAM", []string{"Steam充值卡 100元"}, false},
		{"hpjy uc", []string{"和平精英UC 680"}, false},
		{"bilibili", []string{"B站大会员 年卡"}, false},
		{"yinhang", []string{"招商银行信用卡积分兑换"}, false},
		{"changshipin", []string{"芒果TV会员 长视频月卡"}, false},
		{"csp", []string{"芒果TV会员 长视频月卡"}, false},
		{"xiaomi", nil, false},
		{"荣耀 优酷", nil, false}, // terms are ANDed within one resource
	}
	keys := map[string]string{}
	for name, tags := range catalog {
		keys[name] = SearchKey(append([]string{name}, tags...)...)
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q := ParseQuery(tt.query)
			got := map[string]bool{}
			for name, key := range keys {
				if q.Matches(key) {
					got[name] = true
				}
			}
			if !tt.loose && len(got) != len(tt.want) {
				t.Errorf("ParseQuery(%q) found %v, want %v", tt.query, got, tt.want)
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("ParseQuery(%q) misses %q (key %q)", tt.query, w, keys[w])
				}
			}
		})
	}
}

func TestSearchKeyParts(t *testing.T) {
	tests := []struct {
		parts []string
		want  string
	}{
		{[]string{"王者"}, "王者|wangzhe|wz|"},
		{[]string{"  ABC  ", "", "优酷"}, "abc|优酷|youku|yk|"},
		{[]string{"绿钻"}, "绿钻|lvzuan|lz|luzuan|"},
		{[]string{"QQ音乐"}, "qq音乐|qqyinyue|qqyy|"},
		{[]string{"长视频"}, "长视频|changshipin|csp|"},
		{[]string{"100元!"}, "100元!|100yuan|100y|"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := SearchKey(tt.parts...); got != tt.want {
			t.Errorf("SearchKey(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"", nil},
		{"   ", nil},
		{"WZRY", Query{"wzry"}},
		{" 王者  60 ", Query{"王者", "60"}},
		{"腾讯\u3000月卡", Query{"腾讯", "月卡"}}, // ideographic space from a Chinese IME
	}
	for _, tt := range tests {
		got := ParseQuery(tt.in)
		if strings.Join(got, "/") != strings.Join(tt.want, "/") || got.Empty() != (len(tt.want) == 0) {
			t.Errorf("ParseQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmptyQueryMatchesEverything(t *testing.T) {
	for _, key := range []string{"", "王者|wangzhe|wz|"} {
		if !ParseQuery("").Matches(key) {
			t.Errorf("empty query does not match %q", key)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	sorted := []string{"DNF点券 6元", "DNF点券 30元", "DNF点券 100元", "DNF点券 1000元", "DNF点券 1000元 ×2",
		"DNF点券 1000元 ×10", "Steam 7", "Steam 007", "优酷月卡", "优酷月卡 2"}
	for i := range sorted {
		for j := range sorted {
			got := NaturalCompare(sorted[i], sorted[j])
			want := cmp.Compare(i, j)
			if got != want {
				t.Errorf("NaturalCompare(%q, %q) = %d, want %d", sorted[i], sorted[j], got, want)
			}
		}
	}
}

func FuzzNaturalCompare(f *testing.F) {
	f.Add("点券 6元", "点券 30元")
	f.Add("a01", "a1")
	f.Fuzz(func(t *testing.T, a, b string) {
		if NaturalCompare(a, b) != -NaturalCompare(b, a) {
			t.Errorf("not antisymmetric for %q, %q", a, b)
		}
		if NaturalCompare(a, a) != 0 {
			t.Errorf("%q differs from itself", a)
		}
		if a != b && NaturalCompare(a, b) == 0 {
			t.Errorf("%q and %q compare equal", a, b)
		}
	})
}
