// Package suggest is the rule that proposes need tags from what members did: an
// interest when their requests name a game, an app or a category again and again, a
// motivation from how they ask. Suggestions are only shown; the owner accepts or
// dismisses each, and the store keeps that answer so a dismissed one never returns.
//
// It is pure (no GORM, no Fyne, no package data) and compares text the way package
// match does (match.Compact).
package suggest

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/match"
)

// The kinds of tags suggested, spelled as data.TagKind.
const (
	KindMotivation = "motivation"
	KindInterest   = "interest"
)

// Thresholds of the rule, in requests.
const (
	// TermRequests is how many requests must name a word of the vocabulary.
	TermRequests = 2
	// CategoryRequests is how many requests must be filed under one category for its
	// word (游戏类 → 游戏) when their text does not name it.
	CategoryRequests = 3
	// NeedRequests within NeedWindow make a member 刚需获取: they come for what they need.
	NeedRequests = 3
	NeedWindow   = 90 * 24 * time.Hour
	// BargainRequests asking for a low price make a member 信息差红利.
	BargainRequests = 2
)

// bargainWords show a request that hunts a price rather than a thing.
var bargainWords = []string{"便宜", "优惠", "折扣", "打折", "特价", "低价", "福利", "羊毛", "捡漏", "活动价", "划算"}

// Request is one demand a member stated: today a 求… from the requests table; the
// demand a blind-box entry states, a redemption or a swap's want can come in the same
// shape when those capabilities arrive.
type Request struct {
	Text     string
	Category string // the category it was filed under, "" when none
	At       time.Time
}

// Tag is a need tag: kind (KindMotivation, KindInterest) and value.
type Tag struct{ Kind, Value string }

// Member is what the rule knows about one member.
type Member struct {
	Requests []Request
	Has      map[Tag]bool // tags the member has
	Decided  map[Tag]bool // suggestions the owner already accepted or dismissed
}

// Suggestion is one tag proposed for a member, with the reason in the owner's words.
type Suggestion struct {
	Tag
	Reason string
}

// Vocabulary is the words interests are suggested from: the interest tags the owner
// already uses and the categories' words, with the short forms members type.
type Vocabulary struct {
	terms   []string            // as the tag will read: 王者荣耀
	forms   map[string][]string // term → compacted forms that name it: 王者荣耀, 王者, wzry…
	byCateg map[string]string   // category name → term: 游戏类 → 游戏
}

// NewVocabulary builds the vocabulary from the interest tags in use, the category
// names (a trailing 类 dropped) and the owner's synonyms (word → what it means). A
// term of four or more characters is also named by its first two (王者 for 王者荣耀)
// when no other term starts with them.
func NewVocabulary(interests, categories []string, synonyms map[string][]string) *Vocabulary {
	v := &Vocabulary{forms: map[string][]string{}, byCateg: map[string]string{}}
	add := func(term string) {
		term = strings.TrimSpace(term)
		c := match.Compact(term)
		if utf8.RuneCountInString(c) < 2 || v.forms[term] != nil {
			return
		}
		v.terms = append(v.terms, term)
		v.forms[term] = []string{c}
	}
	for _, t := range interests {
		add(t)
	}
	for _, c := range categories {
		term := strings.TrimSuffix(strings.TrimSpace(c), "类")
		add(term)
		if v.forms[term] != nil {
			v.byCateg[c] = term
		}
	}
	heads := map[string][]string{} // first two characters → every term starting with them
	for _, t := range v.terms {
		rs := []rune(match.Compact(t))
		heads[string(rs[:2])] = append(heads[string(rs[:2])], t)
	}
	for h, ts := range heads {
		if len(ts) == 1 && len([]rune(match.Compact(ts[0]))) >= 4 && v.forms[h] == nil {
			v.forms[ts[0]] = append(v.forms[ts[0]], h)
		}
	}
	for word, means := range synonyms {
		w := match.Compact(word)
		for _, m := range means {
			if v.forms[m] != nil && utf8.RuneCountInString(w) >= 2 {
				v.forms[m] = append(v.forms[m], w)
			}
		}
	}
	slices.Sort(v.terms) // a stable order of suggestions
	return v
}

// For proposes the tags m's requests point to that m neither has nor was decided on,
// at now: interests first, in the vocabulary's order, then motivations.
func For(m Member, v *Vocabulary, now time.Time) []Suggestion {
	texts := make([]string, len(m.Requests))
	for i, q := range m.Requests {
		texts[i] = match.Compact(q.Text)
	}
	var out []Suggestion
	offer := func(t Tag, reason string) {
		if !m.Has[t] && !m.Decided[t] {
			out = append(out, Suggestion{Tag: t, Reason: reason})
		}
	}
	for _, term := range v.terms {
		var named []string
		inCateg := 0
		for i, q := range m.Requests {
			switch {
			case v.names(term, texts[i]):
				named = append(named, q.Text)
			case q.Category != "" && v.byCateg[q.Category] == term:
				inCateg++
			}
		}
		switch {
		case len(named) >= TermRequests:
			offer(Tag{KindInterest, term}, fmt.Sprintf("求过 %d 次：%s", len(named), quote(named)))
		case len(named)+inCateg >= CategoryRequests:
			offer(Tag{KindInterest, term}, fmt.Sprintf("求过 %d 次「%s」类的资源", len(named)+inCateg, term))
		}
	}
	recent := 0
	var bargains []string
	for i, q := range m.Requests {
		if now.Sub(q.At) <= NeedWindow {
			recent++
		}
		for _, w := range bargainWords {
			if strings.Contains(texts[i], w) {
				bargains = append(bargains, q.Text)
				break
			}
		}
	}
	if recent >= NeedRequests {
		offer(Tag{KindMotivation, "刚需获取"}, fmt.Sprintf("最近 90 天求过 %d 次资源", recent))
	}
	if len(bargains) >= BargainRequests {
		offer(Tag{KindMotivation, "信息差红利"}, fmt.Sprintf("%d 次求的是低价优惠：%s", len(bargains), quote(bargains)))
	}
	return out
}

// names reports whether a compacted request text names term by one of its forms.
func (v *Vocabulary) names(term, text string) bool {
	for _, f := range v.forms[term] {
		if strings.Contains(text, f) {
			return true
		}
	}
	return false
}

// quote shows the first two request texts: 「求王者点券」「王者皮肤有吗」.
func quote(texts []string) string {
	var b strings.Builder
	for i, t := range texts {
		if i == 2 {
			b.WriteString("等")
			break
		}
		b.WriteString("「" + t + "」")
	}
	return b.String()
}
