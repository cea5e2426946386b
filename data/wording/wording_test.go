package wording

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestItemKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"求王者点券", "王者点券"},
		{"有没有爱奇艺月卡？", "爱奇艺月卡"},
		{"谁有 腾讯视频 VIP 月卡 急！", "腾讯视频vip月卡"},
		{"收原神月卡", "原神月卡"},
		{"想要网易云年卡，谢谢", "网易云年卡"},
		{"要 QQ音乐 绿钻", "qq音乐绿钻"},
		{"求求 有没有人有 王者荣耀点券 有吗", "王者荣耀点券"},
		{"请问谁有优酷会员吗", "优酷会员"},
		{"求ＷＺＲＹ点券", "wzry点券"},
		{"王者荣耀点券", "王者荣耀点券"},
		{"求", "求"},   // nothing but asking words: kept, never ""
		{"有吗？", "有"}, // likewise: the last word left
		{"", ""},
		{"  ，。！ ", ""},
		{"求B站大会员年卡", "b站大会员年卡"},
	} {
		if got := ItemKey(tc.in); got != tc.want {
			t.Errorf("ItemKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestItemKeyIsCut(t *testing.T) {
	got := ItemKey("求" + strings.Repeat("王", 150))
	if n := utf8.RuneCountInString(got); n != MaxItemKeyRunes {
		t.Fatalf("key has %d runes, want %d", n, MaxItemKeyRunes)
	}
}

func words(ts []Term) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Word)
	}
	return out
}

func TestTerms(t *testing.T) {
	th := NewThesaurus([][2]string{{"夏日卡", "暑期卡"}})
	for _, tc := range []struct {
		key  string
		want []string
	}{
		{"王者点券", []string{"王者", "点券"}},
		{"王者荣耀点券", []string{"王者荣耀", "点券"}},
		{"wzry点券", []string{"wzry", "点券"}},
		{"爱奇艺黄金月卡", []string{"爱奇艺", "黄金", "月卡"}},
		{"腾讯视频vip月卡", []string{"腾讯视频", "vip", "月卡"}},
		{"qq音乐", []string{"qq音乐"}},
		{"王者30元", []string{"王者", "30元"}},
		{"qq2", []string{"qq2"}},
		{"txt文档", []string{"txt", "文档"}}, // tx is only taken as a whole word
		{"夏日卡", []string{"夏日卡"}},
		{"", nil},
	} {
		if got := words(th.Terms(tc.key)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestSame(t *testing.T) {
	th := NewThesaurus([][2]string{{"夏日卡", "暑期卡"}, {"ＫＦＣ", "肯德基"}})
	for _, tc := range []struct {
		word string
		has  []string
		not  []string
	}{
		{"月卡", []string{"会员", "vip"}, []string{"年卡", "月卡"}},
		{"会员", []string{"月卡", "年卡"}, nil},
		{"wzry", []string{"王者荣耀", "王者"}, nil},
		{"iqy", []string{"爱奇艺"}, nil},
		{"暑期卡", []string{"夏日卡"}, nil}, // the owner's pairs work both ways
		{"kfc", []string{"肯德基"}, nil}, // and are folded
		{"不认识", nil, nil},
	} {
		got := th.Same(tc.word)
		for _, w := range tc.has {
			if !contains(got, w) {
				t.Errorf("Same(%q) = %q, want it to have %q", tc.word, got, w)
			}
		}
		for _, w := range tc.not {
			if contains(got, w) {
				t.Errorf("Same(%q) = %q, want it without %q", tc.word, got, w)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// FuzzItemKey holds what the demand board relies on: a key is never longer than the
// column, is stable (the key of a key is itself, or what is left once more asking
// words go), has no spaces or punctuation, and its terms give back its text.
func FuzzItemKey(f *testing.F) {
	for _, s := range []string{"求王者点券", "有没有爱奇艺月卡？", "ＶＩＰ", "求", "", "qq音乐绿钻 有吗", "\xff求\x00", "求求求求"} {
		f.Add(s)
	}
	th := NewThesaurus(nil)
	f.Fuzz(func(t *testing.T, s string) {
		k := ItemKey(s)
		if utf8.RuneCountInString(k) > MaxItemKeyRunes {
			t.Fatalf("ItemKey(%q) too long: %q", s, k)
		}
		if strings.ContainsAny(k, " \t\n，。？！,.?!") {
			t.Fatalf("ItemKey(%q) = %q has spaces or punctuation", s, k)
		}
		if !utf8.ValidString(k) {
			t.Fatalf("ItemKey(%q) = %q is not UTF-8", s, k)
		}
		if fold(k) != k {
			t.Fatalf("ItemKey(%q) = %q is not folded", s, k)
		}
		var b strings.Builder
		for _, term := range th.Terms(k) {
			if term.Word == "" {
				t.Fatalf("Terms(%q) has an empty word", k)
			}
			b.WriteString(term.Word)
		}
		if b.String() != k {
			t.Fatalf("Terms(%q) joined = %q", k, b.String())
		}
	})
}
