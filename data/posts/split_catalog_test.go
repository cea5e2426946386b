package posts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// minBalance is the ratio Split guarantees between its shortest and its longest part
// of an index post, where every resource takes at most two short lines (as in any
// catalog the app can hold: names have at most 60 characters).
const minBalance = 0.6

// TestSplitCatalogs splits the index posts of many generated catalogs (1 to 30
// categories, 0 to 800 resources, names of 1 to 60 characters, one or two lines a
// resource) and holds Split's promises on each: parts of at most MaxPartRunes with
// their marker, as few as fit, none only header or footer, no category heading at a
// part's end, no blank line at either end, every resource listed exactly once, and
// the shortest part at least minBalance of the longest.
func TestSplitCatalogs(t *testing.T) {
	catalogs := 300
	if testing.Short() {
		catalogs = 60
	}
	worst, split := 1.0, 0
	for seed := range uint64(catalogs) {
		rng := rand.New(rand.NewPCG(seed, 0x5eed))
		cats, rs := randomCatalog(rng)
		idx, ids := BuildIndex(group, cats, rs, fixedNow, cst)
		text, err := RenderIndex(Default(data.PostIndex), idx, nil)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		parts := Split(text, MaxPartRunes)
		checkParts(t, text, MaxPartRunes, parts)
		checkIndexParts(t, seed, parts, rs, ids)
		if len(parts) > 1 {
			split++
			worst = min(worst, balanceOf(parts))
		}
	}
	t.Logf("%d of %d catalogs split; the shortest part was at least %.0f%% of the longest", split, catalogs, 100*worst)
	if split < catalogs/2 {
		t.Errorf("only %d of %d catalogs were long enough to split", split, catalogs)
	}
}

// TestSplitLongIndex holds the same promises on the big catalog of the golden file.
func TestSplitLongIndex(t *testing.T) {
	rs := bigCatalog()
	idx, ids := BuildIndex(group, allCats, rs, fixedNow, cst)
	text, err := RenderIndex(Default(data.PostIndex), idx, nil)
	if err != nil {
		t.Fatal(err)
	}
	parts := Split(text, MaxPartRunes)
	checkParts(t, text, MaxPartRunes, parts)
	checkIndexParts(t, 0, parts, rs, ids)
	if len(parts) < 3 {
		t.Fatalf("the long catalog makes %d parts, want at least 3", len(parts))
	}
	for i, p := range parts {
		if body := strings.SplitN(p, "\n", 2)[1]; i > 0 && !strings.HasPrefix(body, "◆ ") {
			t.Errorf("part %d does not start at a category although one is near: %.40q", i+1, body)
		}
	}
}

// checkIndexParts holds the promises Split makes for an index post (see
// TestSplitCatalogs) that checkParts does not already check.
func checkIndexParts(t *testing.T, seed uint64, parts []string, rs []data.Resource, listed []uint) {
	t.Helper()
	if len(parts) == 1 {
		return
	}
	for k, p := range parts {
		lines := strings.Split(p, "\n")[1:] // after the marker
		if !slices.ContainsFunc(lines, isResourceLine) {
			t.Fatalf("seed %d: part %d lists no resource, only a header or footer:\n%s", seed, k+1, p)
		}
		if last := lines[len(lines)-1]; strings.HasPrefix(last, "◆ ") {
			t.Fatalf("seed %d: part %d ends with the heading %q", seed, k+1, last)
		}
	}
	if r := balanceOf(parts); r < minBalance {
		t.Fatalf("seed %d: the shortest of %d parts is %.0f%% of the longest, want at least %.0f%%: %v",
			seed, len(parts), 100*r, 100*minBalance, partLengths(parts))
	}
	names := make(map[string]int) // resource lines by name
	lines := 0
	for _, p := range parts {
		for _, l := range strings.Split(p, "\n") {
			if isResourceLine(l) {
				names[listedName(l)]++
				lines++
			}
		}
	}
	isListed := make(map[uint]bool, len(listed))
	for _, id := range listed {
		isListed[id] = true
	}
	for _, r := range rs {
		want := 0
		if isListed[r.ID] {
			want = 1
		}
		if got := names[r.Name]; got != want {
			t.Fatalf("seed %d: %q is listed %d times, want %d", seed, r.Name, got, want)
		}
	}
	if lines != len(listed) {
		t.Fatalf("seed %d: %d resource lines, want %d", seed, lines, len(listed))
	}
}

// listedName is the name on a resource line "● 名称 ¥12" or "● 名称 免费…": names
// hold neither ¥ nor 免费.
func listedName(l string) string {
	l = strings.TrimPrefix(l, "● ")
	if i := strings.Index(l, " ¥"); i >= 0 {
		return l[:i]
	}
	name, _, _ := strings.Cut(l, " 免费")
	return name
}

func isResourceLine(l string) bool { return strings.HasPrefix(l, "● ") }

// balanceOf is the length of the shortest part over that of the longest.
func balanceOf(parts []string) float64 {
	ls := partLengths(parts)
	return float64(slices.Min(ls)) / float64(slices.Max(ls))
}

func partLengths(parts []string) []int {
	ls := make([]int, len(parts))
	for i, p := range parts {
		ls[i] = utf8.RuneCountInString(p)
	}
	return ls
}

// Characters generated names are made of: common Chinese, Latin letters and short
// numbers, so that Sanitize leaves every name as it is.
var (
	nameHan   = []rune("王者荣耀和平精英原神崩坏星穹铁道腾讯视频爱奇艺优酷芒果会员月卡季卡年卡点券钻石皮肤礼包话费流量外卖咖啡红包兑换券黄金白银青铜超级豪华")
	nameWords = []string{"VIP", "QQ", "Steam", "CF", "UC", "plus", "B站", "TV", "Pro"}
	catWords  = []string{"游戏", "影音", "生活", "话费", "学习", "软件", "网盘", "音乐", "读书", "外卖", "出行", "美食"}
)

// randomCatalog makes 1 to 30 categories and 0 to 800 resources with unique names of
// 1 to 60 characters; about one in ten is not on sale.
func randomCatalog(rng *rand.Rand) ([]data.Category, []data.Resource) {
	cats := make([]data.Category, 1+rng.IntN(30))
	for i := range cats {
		cats[i] = data.Category{ID: uint(i + 1), Name: catWords[rng.IntN(len(catWords))] + "类" + fmt.Sprint(i+1), Position: i + 1}
	}
	n := rng.IntN(801)
	if rng.IntN(4) == 0 {
		n = rng.IntN(40) // many short catalogs too, around one part
	}
	seen := make(map[string]bool, n)
	rs := make([]data.Resource, 0, n)
	for len(rs) < n {
		name := randomName(rng, 1+rng.IntN(60))
		if seen[name] {
			continue
		}
		seen[name] = true
		price := int64(rng.IntN(100000))
		r := res(uint(len(rs)+1), cats[rng.IntN(len(cats))], name, price, price+int64(rng.IntN(3))*price/4)
		switch rng.IntN(4) {
		case 0:
			r.Redeem = []string{"官方直充", "激活码", "卡密自动发货", "UID代充", "手机号直充"}[rng.IntN(5)]
		case 1:
			r.ValidUntil = at(2026, 12, 1+rng.IntN(30), 23, 59)
		}
		if rng.IntN(10) == 0 {
			r.Status = data.StatusOffShelf
		}
		rs = append(rs, r)
	}
	return cats, rs
}

// randomName is a name of about n characters: Chinese characters with now and then a
// Latin word, a number of at most three digits or a space, never at either end.
func randomName(rng *rand.Rand, n int) string {
	var b strings.Builder
	for count := 0; count < n; {
		switch k := rng.IntN(12); {
		case k == 0 && count > 0 && count < n-1:
			b.WriteByte(' ')
			count++
		case k == 1:
			w := nameWords[rng.IntN(len(nameWords))]
			b.WriteString(w)
			count += utf8.RuneCountInString(w)
		case k == 2:
			s := fmt.Sprint(rng.IntN(1000)) + "元" // a unit after it, so numbers never join
			b.WriteString(s)
			count += utf8.RuneCountInString(s)
		default:
			b.WriteRune(nameHan[rng.IntN(len(nameHan))])
			count++
		}
	}
	name := strings.TrimSpace(b.String())
	if r := []rune(name); len(r) > 60 {
		name = strings.TrimSpace(string(r[:60]))
	}
	return name
}
