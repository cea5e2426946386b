package wording

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// DefaultSynonyms are the words a 卡盟 group uses for the same thing, each row one
// set: any word of a row also finds what the others find. The owner adds pairs of
// their own (Thesaurus.Add); these stay in code so that an update can improve them.
var DefaultSynonyms = [][]string{
	{"月卡", "会员", "vip", "包月"},
	{"年卡", "会员", "vip", "包年"},
	{"点券", "点卷"},
	{"王者", "王者荣耀", "wzry", "农药"},
	{"和平精英", "吃鸡", "hpjy"},
	{"腾讯视频", "腾讯", "tx", "txsp"},
	{"爱奇艺", "iqy", "奇艺", "爱奇艺"},
	{"优酷", "youku", "yk"},
	{"芒果", "芒果tv", "mgtv"},
	{"b站", "哔哩哔哩", "bilibili", "blbl", "大会员"},
	{"话费", "充值", "话费充值"},
	{"网易云", "网易云音乐", "wyy"},
	{"qq音乐", "qq绿钻", "绿钻"},
	{"原神", "ys", "创世结晶"},
	{"星铁", "崩坏星穹铁道", "星穹铁道"},
	{"steam", "蒸汽", "steam充值卡"},
	{"外卖", "美团", "饿了么"},
	{"视频会员", "影视会员"},
}

// Thesaurus says which words find the same things. Lookups are symmetric: when a
// finds b, b finds a. It is not transitive: 月卡 and 年卡 both find 会员, but 月卡
// does not find 年卡. Words are folded (ItemKey's folding) before use. Build it once
// and share it: it is not changed after Add calls end.
type Thesaurus struct {
	same  map[string][]string // word → other words that mean it, sorted
	words []string            // every word, longest first, for Split
}

// NewThesaurus is the defaults plus the owner's own pairs (word, means).
func NewThesaurus(own [][2]string) *Thesaurus {
	t := &Thesaurus{same: map[string][]string{}}
	for _, row := range DefaultSynonyms {
		for _, a := range row {
			for _, b := range row {
				t.link(a, b)
			}
		}
	}
	for _, p := range own {
		t.link(p[0], p[1])
		t.link(p[1], p[0])
	}
	t.index()
	return t
}

func (t *Thesaurus) link(a, b string) {
	a, b = fold(a), fold(b)
	if a == "" || b == "" {
		return
	}
	if _, ok := t.same[a]; !ok {
		t.same[a] = nil
	}
	if a == b || slices.Contains(t.same[a], b) {
		return
	}
	t.same[a] = append(t.same[a], b)
}

func (t *Thesaurus) index() {
	t.words = t.words[:0]
	for w, others := range t.same {
		sort.Strings(others)
		t.words = append(t.words, w)
	}
	sort.Slice(t.words, func(i, j int) bool {
		a, b := []rune(t.words[i]), []rune(t.words[j])
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return t.words[i] < t.words[j]
	})
}

// Same lists the words that mean word (not word itself), or nil.
func (t *Thesaurus) Same(word string) []string { return t.same[fold(word)] }

// Known reports whether word is in the thesaurus.
func (t *Thesaurus) Known(word string) bool {
	_, ok := t.same[fold(word)]
	return ok
}

// Term is one word of a request to look for, with the words that mean the same.
type Term struct {
	Word string   // as it is in the item key
	Same []string // synonyms, which find it too; nil when none
}

// Terms splits an item key (ItemKey) into the words the search looks for: a run of
// Latin letters and digits is one word (wzry, 30元 → "30" stays with its letters'
// neighbours), and a run of Chinese is split into the thesaurus's words, longest
// first, with what is between them kept as words of their own: 王者点券 → 王者, 点券;
// 爱奇艺黄金月卡 → 爱奇艺, 黄金, 月卡. Numbers glued to a unit (30元, 6位) stay one word.
func (t *Thesaurus) Terms(key string) []Term {
	key = fold(key)
	if same, ok := t.same[key]; ok { // a word of mixed script: qq音乐, 芒果tv
		return []Term{{Word: key, Same: same}}
	}
	var out []Term
	for _, chunk := range chunks(key) {
		for _, w := range t.segment(chunk) {
			out = append(out, Term{Word: w, Same: t.same[w]})
		}
	}
	return out
}

// chunks splits s where Latin letters meet Chinese characters. Digits go with what
// follows them (30元, 6位) unless Latin letters came before (qq2).
func chunks(s string) []string {
	var out []string
	var cur []rune
	kind := 0 // 1 Latin, 2 Chinese, 3 digits not yet decided
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
		}
		cur, kind = cur[:0:0], 0
	}
	for _, r := range s {
		k := 2
		switch {
		case r < unicode.MaxASCII && unicode.IsLetter(r):
			k = 1
		case unicode.IsDigit(r):
			k = 3
		}
		switch {
		case kind == 0, kind == k, k == 3:
			if kind == 0 {
				kind = k
			}
		case kind == 3:
			kind = k // digits join the word that follows
		default:
			flush()
			kind = k
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// segment splits one chunk at the thesaurus's words, longest match first.
func (t *Thesaurus) segment(chunk string) []string {
	if _, ok := t.same[chunk]; ok {
		return []string{chunk}
	}
	rs := []rune(chunk)
	var out []string
	rest := 0 // start of text not yet in a word
	for i := 0; i < len(rs); {
		w := t.wordAt(rs[i:])
		if w == "" {
			i++
			continue
		}
		if rest < i {
			out = append(out, string(rs[rest:i]))
		}
		out = append(out, w)
		i += len([]rune(w))
		rest = i
	}
	if rest < len(rs) {
		out = append(out, string(rs[rest:]))
	}
	return out
}

// wordAt is the longest thesaurus word that rs starts with, or "". Latin words are
// only taken whole (chunks already split Latin from Chinese), so tx does not split txt.
func (t *Thesaurus) wordAt(rs []rune) string {
	s := string(rs)
	for _, w := range t.words {
		if strings.HasPrefix(s, w) && !isLatin(w) {
			return w
		}
	}
	return ""
}

func isLatin(w string) bool {
	for _, r := range w {
		if r >= unicode.MaxASCII {
			return false
		}
	}
	return true
}
