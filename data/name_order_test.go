package data

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Each list is in dictionary order, as an owner expects it.
func TestCompareNamesOrder(t *testing.T) {
	tests := []struct {
		name  string
		order []string
	}{
		{"by pinyin", []string{"爱奇艺", "百度网盘", "腾讯视频", "优酷"}},
		{"numbers as numbers", []string{"王者荣耀点券 6元", "王者荣耀点券 30元", "王者荣耀点券 648元"}},
		{"decimals", []string{"瑞幸咖啡 9.9元券", "瑞幸咖啡 10元券", "移动话费 19.10元", "移动话费 19.9元"}},
		{"numbers before letters and characters", []string{"58同城", "12306 火车票", "App Store", "爱奇艺"}},
		// A Latin letter comes before the characters read with it: QQ音乐 opens the Q
		// words, after 芒果 (m) and before 奇 (qi) and 腾讯 (t).
		{"Latin letters among the characters", []string{"爱奇艺", "B站大会员", "百度网盘", "芒果TV", "QQ音乐", "奇迹暖暖", "腾讯视频"}},
		{"Latin words letter by letter", []string{"Steam钱包", "Switch会员", "三国杀", "苏宁"}},
		{"case does not matter", []string{"steam钱包 50元", "Steam钱包 100元", "STEAM钱包 200元"}},
		{"full width as half width", []string{"ＱＱ会员 1月", "QQ会员 2月", "ＱＱ会员 3月"}},
		{"tones", []string{"妈", "麻", "马", "骂"}},
		{"character by character, as a dictionary", []string{"妈妈", "麻辣", "马上", "骂人"}},
		{"one character's names together", []string{"王者荣耀", "王者荣耀点券", "网易严选", "网易云音乐"}},
		{"u before ü", []string{"路由器", "绿钻"}},
		{"a shorter syllable first", []string{"西安", "先锋"}},
		{"words read as words", []string{"音量", "音乐"}},
		{"重庆 is chong", []string{"重庆火锅券", "中国移动"}},
		{"spaces and punctuation only break ties", []string{"王者荣耀 点卡", "王者荣耀点券", "【王者荣耀】皮肤"}},
		{"a name before a longer one", []string{"腾讯", "腾讯视频", "腾讯视频VIP"}},
		{"symbols only first", []string{"★", "阿里"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := 0; i+1 < len(tt.order); i++ {
				a, b := tt.order[i], tt.order[i+1]
				if CompareNames(a, b) >= 0 || CompareNames(b, a) <= 0 {
					t.Errorf("want %q before %q", a, b)
				}
			}
			shuffled := slices.Clone(tt.order)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			})
			SortByName(shuffled, func(s *string) string { return *s }, nil)
			if !slices.Equal(shuffled, tt.order) {
				t.Errorf("SortByName = %q, want %q", shuffled, tt.order)
			}
		})
	}
}

func TestCompareNamesTiesOnlyWhenEqual(t *testing.T) {
	for _, pair := range [][2]string{
		{"王者荣耀 点券", "王者荣耀点券"}, {"QQ音乐", "qq音乐"}, {"点券 007", "点券 7"}, {"9.5元", "9.50元"},
	} {
		a, b := pair[0], pair[1]
		if c := CompareNames(a, b); c == 0 || c != -CompareNames(b, a) {
			t.Errorf("CompareNames(%q, %q) = %d, reversed %d", a, b, c, CompareNames(b, a))
		}
	}
	if c := CompareNames("腾讯视频", "腾讯视频"); c != 0 {
		t.Errorf("a name compares %d with itself", c)
	}
}

// On many random names CompareNames is a total order and SortByName sorts by it,
// after the first comparison and keeping the order of equals.
func TestSortByNameRandom(t *testing.T) {
	type item struct {
		group int
		name  string
		was   int
	}
	pool := []rune("王者荣耀和平精英腾讯视频爱奇艺优酷百度网盘重庆音乐长城绿路乐行银西安先 ·【】0123456789.aAbBqQzZ")
	rng := rand.New(rand.NewPCG(7, 7))
	for round := range 50 {
		items := make([]item, 300)
		for i := range items {
			name := make([]rune, 1+rng.IntN(8))
			for k := range name {
				name[k] = pool[rng.IntN(len(pool))]
			}
			items[i] = item{group: rng.IntN(3), name: string(name), was: i}
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, func(a, b item) int {
			if a.group != b.group {
				return a.group - b.group
			}
			return CompareNames(a.name, b.name)
		})
		SortByName(items, func(it *item) string { return it.name }, func(a, b *item) int { return a.group - b.group })
		if !slices.Equal(items, want) {
			t.Fatalf("round %d: SortByName differs from a stable sort by CompareNames", round)
		}
		for i := 0; i+1 < len(items); i++ {
			a, b := items[i], items[i+1]
			if a.group == b.group && a.name == b.name && a.was > b.was {
				t.Fatalf("equal names %q swapped", a.name)
			}
		}
		// Transitive and antisymmetric over a sample of triples.
		for range 200 {
			a, b, c := items[rng.IntN(300)].name, items[rng.IntN(300)].name, items[rng.IntN(300)].name
			if CompareNames(a, b) != -CompareNames(b, a) {
				t.Fatalf("not antisymmetric: %q %q", a, b)
			}
			if CompareNames(a, b) <= 0 && CompareNames(b, c) <= 0 && CompareNames(a, c) > 0 {
				t.Fatalf("not transitive: %q %q %q", a, b, c)
			}
		}
	}
}

func TestNameSortKeyReadings(t *testing.T) {
	for r, want := range map[rune]reading{
		'绿': {"lv", '4'}, '妈': {"ma", '1'}, '的': {"de", '5'}, '乐': {"le", '4'},
	} {
		got := readingOf(r)
		if got != want {
			t.Errorf("readingOf(%q) = %+v, want %+v", r, got, want)
		}
	}
	if got := toneOf('乐', "yue"); got != '4' {
		t.Errorf("乐 read yue has tone %c, want 4", got)
	}
	if want := "q\x010q\x010yin\x011\x00\x97\xf3yue\x014\x00\x4e\x50\x00QQ音乐"; NameSortKey("QQ音乐") != want {
		t.Errorf("key of QQ音乐 = %q", NameSortKey("QQ音乐"))
	}
}

func BenchmarkNameSortKey(b *testing.B) {
	names := []string{"王者荣耀点券 648元", "腾讯视频VIP 年卡", "QQ音乐豪华绿钻 月卡", "Steam钱包 50元", "瑞幸咖啡 9.9元券"}
	for b.Loop() {
		for _, n := range names {
			NameSortKey(n)
		}
	}
}
