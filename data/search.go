package data

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// searchKeySep keeps a query from matching across two parts of a key.
const searchKeySep = "|"

var pinyinArgs = pinyin.NewArgs() // Normal style: "wang", no tones

// SearchKey builds the text a search box is matched against for the given parts
// (a name, tags, a nickname): each part lowercased, then its full pinyin and its
// initials, so 王者荣耀 is found by 王者, wangzhe and wzry alike. A part with ü gets
// its pinyin twice, as "lv" and "lu", because owners type either for 绿.
func SearchKey(parts ...string) string {
	var b strings.Builder
	for _, part := range parts {
		part = strings.ToLower(strings.TrimSpace(part))
		if part == "" {
			continue
		}
		sp := spell(part)
		b.WriteString(part)
		b.WriteString(searchKeySep)
		if !sp.hasHan {
			continue
		}
		for _, s := range []string{sp.full, sp.initials} {
			b.WriteString(s)
			b.WriteString(searchKeySep)
		}
		if sp.fullU != sp.full {
			b.WriteString(sp.fullU)
			b.WriteString(searchKeySep)
		}
	}
	return b.String()
}

// spelling is a text in pinyin: full without spaces (ü written v, as go-pinyin does),
// full with ü written u, and initials.
type spelling struct {
	full, fullU, initials string
	hasHan                bool
}

// spell returns the pinyin of s; other characters (letters, digits) are kept as they
// are. Words in phraseReadings are read as the word, not character by character.
func spell(s string) spelling {
	var f, u, in strings.Builder
	var hasHan bool
	runes := []rune(s)
	for i := 0; i < len(runes); {
		readings, n := readAt(runes, i)
		i += n
		for _, py := range readings {
			hasHan = true
			f.WriteString(py)
			u.WriteString(strings.ReplaceAll(py, "v", "u"))
			in.WriteByte(py[0])
		}
		if readings == nil {
			if r := runes[i-1]; unicode.IsLetter(r) || unicode.IsDigit(r) {
				f.WriteRune(r)
				u.WriteRune(r)
				in.WriteRune(r)
			}
		}
	}
	return spelling{full: f.String(), fullU: u.String(), initials: in.String(), hasHan: hasHan}
}

// readAt reads the word or character at runes[i]: its syllables, or nil when it is not
// a Chinese character with a reading, and how many runes it took.
func readAt(runes []rune, i int) (readings []string, n int) {
	for _, ph := range phrasesByFirst[runes[i]] {
		if hasPrefixRunes(runes[i:], ph.word) {
			return ph.readings, len(ph.word)
		}
	}
	if !unicode.Is(unicode.Han, runes[i]) {
		return nil, 1
	}
	py := pinyin.SinglePinyin(runes[i], pinyinArgs)
	if len(py) == 0 || py[0] == "" {
		return nil, 1
	}
	return py[:1], 1
}

func hasPrefixRunes(s, prefix []rune) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}

// phraseReadings are words in which a character with several readings is not read
// the way go-pinyin reads it alone (乐 is le, but 音乐 is yinyue), so that QQ音乐 is
// found by qqyy. Only words an owner of a 卡盟 group is likely to type are listed.
var phraseReadings = map[string]string{
	"音乐": "yin yue", "乐器": "yue qi", "乐队": "yue dui",
	"银行": "yin hang", "行业": "hang ye", "行情": "hang qing", "排行": "pai hang",
	"重庆": "chong qing", "重置": "chong zhi", "重生": "chong sheng", "重新": "chong xin", "重复": "chong fu",
	"长城": "chang cheng", "长沙": "chang sha", "长安": "chang an", "长期": "chang qi",
	"长江": "chang jiang", "长视频": "chang shi pin", "长效": "chang xiao",
	"都市": "du shi", "成都": "cheng du", "首都": "shou du",
	"便宜": "pian yi", "角色": "jue se", "主角": "zhu jue", "关卡": "guan qia",
	"调整": "tiao zheng", "空调": "kong tiao", "还款": "huan kuan", "会计": "kuai ji",
	"厦门": "xia men", "西藏": "xi zang", "宝藏": "bao zang", "睡觉": "shui jiao", "传记": "zhuan ji",
}

type phrase struct {
	word     []rune
	text     string // word as a string
	readings []string
}

// phrasesByFirst indexes phraseReadings by first character, longest word first.
var phrasesByFirst = indexPhrases(phraseReadings)

func indexPhrases(words map[string]string) map[rune][]phrase {
	idx := make(map[rune][]phrase)
	for w, r := range words {
		ph := phrase{word: []rune(w), text: w, readings: strings.Fields(r)}
		idx[ph.word[0]] = append(idx[ph.word[0]], ph)
	}
	// Longer words first, so 长视频 wins over a shorter word that starts the same.
	for _, phs := range idx {
		slices.SortFunc(phs, func(a, b phrase) int {
			if len(a.word) != len(b.word) {
				return len(b.word) - len(a.word)
			}
			return strings.Compare(string(a.word), string(b.word))
		})
	}
	return idx
}

// Query is what the owner typed in a search box, split into lowercased terms.
type Query []string

// ParseQuery splits a search box's text into terms; every term must match.
func ParseQuery(s string) Query {
	return Query(strings.Fields(strings.ToLower(s)))
}

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q) == 0 }

// Matches reports whether every term of q occurs in key (a SearchKey).
func (q Query) Matches(key string) bool {
	for _, term := range q {
		if !strings.Contains(key, term) {
			return false
		}
	}
	return true
}

// NameKey is how resource names are compared for sameness: trimmed, full-width letters
// and digits folded to half-width, lower-cased. 王者荣耀ＶＩＰ and 王者荣耀vip are one name.
func NameKey(name string) string {
	return strings.ToLower(width.Fold.String(strings.TrimSpace(name)))
}

// NaturalCompare orders text byte by byte, except that runs of digits compare as
// numbers: 备份2 < 备份10. It suits file names; names of resources, suppliers and
// other things an owner lists are ordered by CompareNames, which adds pinyin.
func NaturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			if c := compareNumbers(da, db); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// compareNumbers compares two digit strings by value, then by length (007 after 7).
func compareNumbers(a, b string) int {
	ta, tb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if c := cmp.Compare(len(ta), len(tb)); c != 0 {
		return c
	}
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	return cmp.Compare(len(a), len(b))
}
