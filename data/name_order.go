package data

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// CompareNames orders names as a Chinese dictionary does, the order owners expect in
// posts, lists and sheets: character by character, by pinyin reading (爱奇艺 < 百度网盘
// < 腾讯视频 < 优酷), then tone (妈 < 麻 < 马 < 骂), then the character itself, so
// names that start with one character stay together; numbers as numbers, before any
// letter (王者荣耀 6元 < 30元 < 648元, 9.9元 < 10元); Latin letters by letter whatever
// their case or width, each one before the Chinese characters read with that letter
// (B站 < 百度, QQ音乐 < 奇迹 < 腾讯). Spaces and punctuation only break ties. It
// returns -1, 0 or +1 like strings.Compare, and 0 only for equal names.
//
// Sorting many names with it computes each key many times: sort with SortByName,
// which computes each name's key once.
func CompareNames(a, b string) int {
	if a == b {
		return 0
	}
	return strings.Compare(NameSortKey(a), NameSortKey(b))
}

// NameSortKey returns the key whose byte order (strings.Compare) is CompareNames'
// order, to keep beside a name that is sorted often.
//
// The key is one unit per character or number, then the name itself, which breaks
// the ties (case, spaces, punctuation, leading zeros) so different names never tie.
// Characters read differently in a word are read as in the word (音乐 yin yue, 重庆
// chong qing: see phraseReadings); other characters take their most common reading;
// a character's code point, after its reading, roughly follows radical and strokes.
func NameSortKey(name string) string {
	return string(appendNameKey(make([]byte, 0, maxKeyLen(name)), name))
}

// maxKeyLen is about the longest key a name of that many bytes can have: a Chinese
// character of 3 bytes takes at most 11 (zhuang, a separator, the tone and itself),
// then comes the name itself.
func maxKeyLen(name string) int { return 5*len(name) + 1 }

// appendNameKey appends the NameSortKey of name to key.
func appendNameKey(key []byte, name string) []byte {
	s := foldWidth(name)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isASCIIDigit(r):
			n := numberEnd(s, i)
			key = appendNumber(key, s[i:n])
			i = n
			continue
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			key = append(key, byte(unicode.ToLower(r)), unitEnd, latinTone)
		case unicode.Is(unicode.Han, r):
			n := 0
			key, n = appendHan(key, s[i:], r)
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// Other scripts, and characters without a reading, come after z.
			key = appendOther(key, r)
		}
		// Spaces, punctuation and symbols only break ties, in the name itself.
		i += size
	}
	key = append(key, nameStart)
	return append(key, name...)
}

// foldWidth turns full-width letters and digits (ＱＱ１０) into ASCII, as NameKey does;
// most names have none, and are returned as they are.
func foldWidth(s string) string {
	for _, r := range s {
		// Full-width punctuation （：） is common but only breaks ties, unfolded.
		if r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' {
			return width.Fold.String(s)
		}
	}
	return s
}

// The bytes that order the parts of a key. The name comes after all units; a unit
// ends before any letter, so that shorter syllables come first (西安 xi an < 先 xian);
// a number begins before any letter, and a Latin letter's tone before any of a
// Chinese character's, so that it comes before the characters read with it.
const (
	nameStart   = 0x00
	unitEnd     = 0x01
	numberStart = 0x02
	latinTone   = '0'
)

// numberEnd returns where the number starting at s[i] ends: its digits, and a
// decimal point with digits after it (9.9元).
func numberEnd(s string, i int) int {
	i = digitsEnd(s, i)
	if i+1 < len(s) && s[i] == '.' && isASCIIDigit(rune(s[i+1])) {
		i = digitsEnd(s, i+1)
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isASCIIDigit(rune(s[i])) {
		i++
	}
	return i
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// appendNumber writes a number so that bytes compare as values: the count of its
// whole digits (no leading zeros), the digits, and the decimals without trailing
// zeros. Leading zeros are left to the last level, the name itself.
func appendNumber(key []byte, number string) []byte {
	whole, frac, _ := strings.Cut(number, ".")
	whole = strings.TrimLeft(whole, "0")
	frac = strings.TrimRight(frac, "0")
	key = append(key, numberStart, byte(min(len(whole)+1, 255)))
	key = append(key, whole...)
	if frac != "" {
		key = append(key, '.')
		key = append(key, frac...)
	}
	return append(key, unitEnd)
}

// appendHan writes the units of the word or character r that s starts with and
// returns how many bytes it read: syllable, tone and character for each.
func appendHan(key []byte, s string, r rune) ([]byte, int) {
	for _, ph := range phrasesByFirst[r] {
		if !strings.HasPrefix(s, ph.text) {
			continue
		}
		tones := phraseTones[ph.text]
		for k, syllable := range ph.readings {
			key = appendSyllable(key, reading{syllable, tones[k]}, ph.word[k])
		}
		return key, len(ph.text)
	}
	rd := readingOf(r)
	if rd.syllable == "" {
		return appendOther(key, r), utf8.RuneLen(r)
	}
	return appendSyllable(key, rd, r), utf8.RuneLen(r)
}

func appendSyllable(key []byte, rd reading, c rune) []byte {
	key = append(key, rd.syllable...)
	key = append(key, unitEnd, rd.tone)
	return append(key, byte(c>>16), byte(c>>8), byte(c))
}

// appendOther writes a letter of another script, or a character without a reading.
func appendOther(key []byte, r rune) []byte {
	key = utf8.AppendRune(key, unicode.ToLower(r))
	return append(key, unitEnd, latinTone)
}

// reading is a character's syllable without tone marks (ü written v, which sorts it
// after u as dictionaries do) and its tone, '1' to '4' or '5' for the neutral tone.
type reading struct {
	syllable string
	tone     byte
}

// commonHan holds the readings of the characters of the CJK Unified Ideographs
// block, where nearly all of a name's characters are: an index into syllables times
// 8 plus the tone, or 0 for none. It is built at the first sort (about 21,000
// characters, a few milliseconds) because taking go-pinyin's marked readings apart
// for every name at every load would cost more than the sort itself.
var commonHan struct {
	once      sync.Once
	readings  []uint16
	syllables []string
}

const firstHan, lastHan = 0x4e00, 0x9fff

// otherHan caches the readings of characters outside that block.
var otherHan sync.Map // rune → reading

// readingOf returns the most common reading of a Chinese character, or none.
func readingOf(r rune) reading {
	if r < firstHan || r > lastHan {
		if v, ok := otherHan.Load(r); ok {
			return v.(reading)
		}
		rd := dictionaryReading(r)
		otherHan.Store(r, rd)
		return rd
	}
	commonHan.once.Do(readCommonHan)
	v := commonHan.readings[r-firstHan]
	if v == 0 {
		return reading{}
	}
	return reading{syllable: commonHan.syllables[v>>3], tone: '0' + byte(v&7)}
}

func readCommonHan() {
	index := map[string]uint16{"": 0}
	syllables := []string{""}
	readings := make([]uint16, lastHan-firstHan+1)
	for r := rune(firstHan); r <= lastHan; r++ {
		rd := dictionaryReading(r)
		if rd.syllable == "" {
			continue
		}
		i, ok := index[rd.syllable]
		if !ok {
			i = uint16(len(syllables))
			index[rd.syllable] = i
			syllables = append(syllables, rd.syllable)
		}
		readings[r-firstHan] = i<<3 | uint16(rd.tone-'0')
	}
	commonHan.readings, commonHan.syllables = readings, syllables
}

// dictionaryReading is the first of r's readings in go-pinyin, taken apart.
func dictionaryReading(r rune) reading {
	all, ok := pinyin.PinyinDict[int(r)]
	if !ok {
		return reading{}
	}
	first, _, _ := strings.Cut(all, ",")
	return parseReading(first)
}

// phraseTones are the tones of the words in phraseReadings, read as the word.
var phraseTones = func() map[string][]byte {
	tones := make(map[string][]byte, len(phraseReadings))
	for w, r := range phraseReadings {
		for k, syllable := range strings.Fields(r) {
			tones[w] = append(tones[w], toneOf([]rune(w)[k], syllable))
		}
	}
	return tones
}()

// toneOf is the tone of character r when read as syllable, from its readings in
// go-pinyin: 乐 is lè alone but yuè in 音乐.
func toneOf(r rune, syllable string) byte {
	for _, marked := range strings.Split(pinyin.PinyinDict[int(r)], ",") {
		if rd := parseReading(marked); rd.syllable == syllable {
			return rd.tone
		}
	}
	return '5'
}

// toneMarks are the vowels with tone marks in go-pinyin's readings.
var toneMarks = map[rune]struct {
	base rune
	tone byte
}{
	'ā': {'a', '1'}, 'á': {'a', '2'}, 'ǎ': {'a', '3'}, 'à': {'a', '4'},
	'ē': {'e', '1'}, 'é': {'e', '2'}, 'ě': {'e', '3'}, 'è': {'e', '4'},
	'ī': {'i', '1'}, 'í': {'i', '2'}, 'ǐ': {'i', '3'}, 'ì': {'i', '4'},
	'ō': {'o', '1'}, 'ó': {'o', '2'}, 'ǒ': {'o', '3'}, 'ò': {'o', '4'},
	'ū': {'u', '1'}, 'ú': {'u', '2'}, 'ǔ': {'u', '3'}, 'ù': {'u', '4'},
	'ǖ': {'v', '1'}, 'ǘ': {'v', '2'}, 'ǚ': {'v', '3'}, 'ǜ': {'v', '4'}, 'ü': {'v', '5'},
	'ń': {'n', '2'}, 'ň': {'n', '3'}, 'ǹ': {'n', '4'}, 'ḿ': {'m', '2'}, 'ê': {'e', '5'},
	'\u0304': {0, '1'}, '\u0301': {0, '2'}, '\u030c': {0, '3'}, '\u0300': {0, '4'}, // combining: ê̄, m̀
}

// parseReading takes a reading with tone marks (lǘ) apart: lv and '2'.
func parseReading(marked string) reading {
	rd := reading{tone: '5'}
	syllable := make([]byte, 0, len(marked))
	for _, c := range marked {
		if m, ok := toneMarks[c]; ok {
			if m.tone != '5' {
				rd.tone = m.tone
			}
			if m.base != 0 {
				syllable = append(syllable, byte(m.base))
			}
			continue
		}
		if c < utf8.RuneSelf && unicode.IsLetter(c) {
			syllable = append(syllable, byte(unicode.ToLower(c)))
		}
	}
	rd.syllable = string(syllable)
	return rd
}

// SortByName sorts s in the order of first and then of CompareNames on name, keeping
// the order of elements that compare equal. first may be nil. Each name's key is
// computed once, so sorting 20,000 resources costs a few milliseconds more than
// comparing bytes.
func SortByName[T any](s []T, name func(*T) string, first func(a, b *T) int) {
	// The keys, end to end in one array: 20,000 strings would be 20,000 allocations.
	size := 0
	for i := range s {
		size += maxKeyLen(name(&s[i]))
	}
	keys := make([]byte, 0, size)
	ends := make([]int, len(s))
	order := make([]int, len(s))
	for i := range s {
		keys = appendNameKey(keys, name(&s[i]))
		ends[i] = len(keys)
		order[i] = i
	}
	key := func(i int) []byte {
		if i == 0 {
			return keys[:ends[0]]
		}
		return keys[ends[i-1]:ends[i]]
	}
	slices.SortStableFunc(order, func(i, j int) int {
		if first != nil {
			if c := first(&s[i], &s[j]); c != 0 {
				return c
			}
		}
		return bytes.Compare(key(i), key(j))
	})
	permute(s, order)
}

// permute moves s[order[k]] to s[k] for every k, in place: the elements of a catalog
// are big, and a copy of 20,000 of them would be several megabytes. order is used up.
func permute[T any](s []T, order []int) {
	for k := range order {
		if order[k] < 0 || order[k] == k {
			continue
		}
		held, j := s[k], k
		for {
			next := order[j]
			order[j] = -1
			if next == k {
				s[j] = held
				break
			}
			s[j] = s[next]
			j = next
		}
	}
}
