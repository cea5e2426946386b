package data

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/wording"
)

// RequestMatch is a resource that fits what a member asked for.
type RequestMatch struct {
	Index   int  // in the resources searched
	Matched int  // words of the request it has (itself or a synonym)
	All     bool // it has every word of the request
	literal int  // characters of the request's words it has as they were asked
	first   int  // the first word it has: members name the brand first (王者 before 点券)
	whole   bool // its name has the whole item as asked
}

// RequestSearch finds resources for a request: the request's item (wording.ItemKey)
// split into words (the thesaurus's words, runs of Latin letters), each found in a
// resource's search key (name, pinyin, initials, tags) as asked or as one of its
// synonyms. Only resources on sale at now are offered, since a reply says 有货.
// Build it once per catalog load (NewRequestSearch), then Find on every keystroke.
//
// The search keys of the resources on sale are kept end to end in one text, and each
// word is looked for in it with one strings.Index after another, skipping to the next
// resource after a hit: a Chinese word's first byte (0xE7 for most) is common in
// Chinese text, which made a strings.Contains per resource and word cost 13–40 ms a
// keystroke on BigDemo; one pass over the whole text (indexFrom) is 1.6–4.5 ms.
type RequestSearch struct {
	th        *wording.Thesaurus
	resources []Resource
	onSale    []int  // indexes of the resources on sale when it was built
	keys      string // their search keys, each followed by "\n"
	starts    []int  // where each one's key starts in keys, and len(keys) last
}

// NewRequestSearch prepares the search of rs (the catalog, as Store.Resources lists
// it) with the thesaurus th, offering what is on sale at now.
func NewRequestSearch(th *wording.Thesaurus, rs []Resource, now time.Time) *RequestSearch {
	q := &RequestSearch{th: th, resources: rs}
	var b strings.Builder
	for i := range rs {
		if rs[i].StateAt(now) == StateOnSale {
			q.onSale = append(q.onSale, i)
			q.starts = append(q.starts, b.Len())
			b.WriteString(rs[i].SearchKey)
			b.WriteByte('\n') // words are letters and digits: none spans two keys
		}
	}
	q.keys = b.String()
	q.starts = append(q.starts, len(q.keys))
	return q
}

// indexFrom is strings.Index, faster for Chinese words: strings.Index looks for the
// word's first byte, which for most Chinese characters (0xE4–0xE9) starts every other
// character of the keys; the word's last byte, a UTF-8 continuation byte, is one of
// 64 and much rarer. With it a keystroke of 有没有爱奇艺月卡 on BigDemo took 4.5 ms
// instead of 13 ms.
func indexFrom(s, word string) int {
	last := word[len(word)-1]
	if last < 0x80 {
		return strings.Index(s, word) // Latin letters and digits
	}
	n := len(word)
	for off := n - 1; off < len(s); {
		i := strings.IndexByte(s[off:], last)
		if i < 0 {
			return -1
		}
		end := off + i + 1
		if s[end-n:end] == word {
			return end - n
		}
		off = end
	}
	return -1
}

// maxTerms is how many words of a request are looked for: bits of a uint64.
const maxTerms = 64

// mark sets bit t in found (and in literal, when the word is as asked) for every
// resource whose key has word.
func (q *RequestSearch) mark(word string, t int, found, literal []uint64, asked bool) {
	if word == "" {
		return
	}
	bit := uint64(1) << t
	for off := 0; off < len(q.keys); {
		i := indexFrom(q.keys[off:], word)
		if i < 0 {
			return
		}
		pos := off + i
		k, ok := slices.BinarySearch(q.starts, pos)
		if !ok {
			k-- // pos is inside key k
		}
		found[k] |= bit
		if asked {
			literal[k] |= bit
		}
		off = q.starts[k+1] // one hit a resource is enough
	}
}

// Resource is the resource a match's Index names.
func (q *RequestSearch) Resource(m RequestMatch) *Resource { return &q.resources[m.Index] }

// Find returns the best matches for text, best first, at most limit: those with every
// word before those with some, then more words, more of them as asked rather than
// by synonym, an earlier word (the brand, named first), a name with the whole item in
// it, a shorter name, the catalog's order.
// 求王者点券 finds 王者荣耀点券 first; wzry finds 王者荣耀 by its initials; 月卡 finds
// 会员. A request whose words all fail finds nothing, and one that has only some
// words must have one of them as asked: 原神月卡 does not find 爱奇艺会员.
func (q *RequestSearch) Find(text string, limit int) []RequestMatch {
	key := wording.ItemKey(text)
	terms := q.th.Terms(key)
	if len(terms) == 0 {
		return nil
	}
	terms = terms[:min(len(terms), maxTerms)]
	found := make([]uint64, len(q.onSale))
	literal := make([]uint64, len(q.onSale))
	for t, term := range terms {
		q.mark(term.Word, t, found, literal, true)
		for _, same := range term.Same {
			q.mark(same, t, found, literal, false)
		}
	}
	var out []RequestMatch
	for k, f := range found {
		if f == 0 || (bits.OnesCount64(f) < len(terms) && literal[k] == 0) { // only synonyms of some words: too loose
			continue
		}
		m := RequestMatch{Index: q.onSale[k], Matched: bits.OnesCount64(f), first: bits.TrailingZeros64(f)}
		m.All = m.Matched == len(terms)
		for t := range terms {
			if literal[k]&(1<<t) != 0 {
				m.literal += len(terms[t].Word)
			}
		}
		// The search key starts with the lower-cased name.
		name, _, _ := strings.Cut(q.resources[m.Index].SearchKey, searchKeySep)
		m.whole = len(terms) > 1 && strings.Contains(name, key)
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b RequestMatch) int {
		if a.All != b.All {
			return boolOrder(a.All)
		}
		if c := cmp.Compare(b.Matched, a.Matched); c != 0 {
			return c
		}
		if c := cmp.Compare(b.literal, a.literal); c != 0 {
			return c
		}
		if c := cmp.Compare(a.first, b.first); c != 0 {
			return c
		}
		if a.whole != b.whole {
			return boolOrder(a.whole)
		}
		return cmp.Compare(len(q.resources[a.Index].Name), len(q.resources[b.Index].Name))
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// boolOrder puts true first.
func boolOrder(first bool) int {
	if first {
		return -1
	}
	return 1
}

// matchTerms checks a search key against the request's words; ok when at least one
// is found.
func matchTerms(key string, terms []wording.Term) (RequestMatch, bool) {
	m := RequestMatch{first: len(terms)}
	for i, t := range terms {
		found := strings.Contains(key, t.Word)
		if found {
			m.literal += len(t.Word)
		}
		for _, s := range t.Same {
			if found {
				break
			}
			found = strings.Contains(key, s)
		}
		if found {
			m.Matched++
			m.first = min(m.first, i)
		}
	}
	m.All = m.Matched == len(terms)
	return m, m.Matched > 0
}

// Fits reports whether resource r has every word of the item key (as asked or by a
// synonym): what the restock offers use to say that a resource answers a request.
func Fits(th *wording.Thesaurus, r *Resource, itemKey string) bool {
	terms := th.Terms(itemKey)
	if len(terms) == 0 {
		return false
	}
	m, _ := matchTerms(r.SearchKey, terms)
	return m.All
}
