// Package talent holds the rule of the monthly 资源达人: from what each member did in a
// month (resources shared, swaps completed, answers that helped, experiences shared,
// sessions led) and the owner's weights, each member's score with what it is made of,
// and the ranking with its ties broken the same way every time. It knows nothing of the
// database; package data gathers the month's evidence from the records and keeps the
// confirmed months.
package talent

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kind is one kind of deed that counts toward the month's score. The codes are the
// ledger's reasons, so a weight and a points amount speak of the same deed.
type Kind string

// The kinds of deed, in the order the formula lists them.
const (
	ShareResource   Kind = "share_resource"   // 分享资源
	Swap            Kind = "swap"             // 完成置换
	Help            Kind = "help"             // 帮助解答
	ShareExperience Kind = "share_experience" // 分享体验
	Speak           Kind = "speak"            // 主讲分享会
)

// Kinds lists the kinds in the formula's order.
var Kinds = []Kind{ShareResource, Swap, Help, ShareExperience, Speak}

var labels = map[Kind]string{ShareResource: "分享资源", Swap: "完成置换", Help: "帮助解答",
	ShareExperience: "分享体验", Speak: "主讲分享会"}

// Label is the kind in the owner's words.
func (k Kind) Label() string {
	if l, ok := labels[k]; ok {
		return l
	}
	return string(k)
}

// Weights is the points one deed of each kind adds to the score.
type Weights map[Kind]int

// MaxWeight bounds one weight: a larger number is a typing mistake.
const MaxWeight = 100

// DefaultWeights are the weights until the owner sets others: sharing a resource counts
// most, since that is what the title is for.
func DefaultWeights() Weights {
	return Weights{ShareResource: 10, Swap: 5, Help: 3, ShareExperience: 4, Speak: 6}
}

// Clone is a copy of w the caller may change.
func (w Weights) Clone() Weights {
	out := make(Weights, len(w))
	for k, v := range w {
		out[k] = v
	}
	return out
}

// Check says what is wrong with w in the owner's words, or "" when nothing is: each
// weight 0–MaxWeight, and at least one above 0.
func (w Weights) Check() string {
	some := false
	for _, k := range Kinds {
		v := w[k]
		if v < 0 || v > MaxWeight {
			return fmt.Sprintf("「%s」的权重须为 0–%d 的整数", k.Label(), MaxWeight)
		}
		some = some || v > 0
	}
	if !some {
		return "至少要有一项权重大于 0，否则谁都不得分"
	}
	return ""
}

// ParseWeight reads one weight as typed: a whole number 0–MaxWeight.
func ParseWeight(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > MaxWeight {
		return 0, false
	}
	return n, true
}

// Encode writes w as "share_resource=10,swap=5,…" in the formula's order, for a
// setting or a confirmed month.
func (w Weights) Encode() string {
	parts := make([]string, len(Kinds))
	for i, k := range Kinds {
		parts[i] = string(k) + "=" + strconv.Itoa(w[k])
	}
	return strings.Join(parts, ",")
}

// Decode reads what Encode wrote. A kind it does not name keeps its default weight, so
// a month confirmed before a kind was added reads the same; anything unreadable is an
// error.
func Decode(s string) (Weights, error) {
	w := DefaultWeights()
	if strings.TrimSpace(s) == "" {
		return w, nil
	}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, "=")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			return DefaultWeights(), fmt.Errorf("talent weights %q: bad part %q", s, part)
		}
		w[Kind(k)] = n
	}
	return w, nil
}

// Formula is the score's formula as the screen shows it:
// 得分 = 分享资源×10 + 完成置换×5 + …; kinds weighted 0 are left out.
func Formula(w Weights) string {
	var terms []string
	for _, k := range Kinds {
		if w[k] > 0 {
			terms = append(terms, fmt.Sprintf("%s×%d", k.Label(), w[k]))
		}
	}
	if len(terms) == 0 {
		return "得分 = 0"
	}
	return "得分 = " + strings.Join(terms, " + ")
}

// Evidence is what one member did in the month: how many deeds of each kind.
type Evidence struct {
	Member uint
	Name   string
	Counts map[Kind]int
}

// Part is what one kind of deed added to a member's score.
type Part struct {
	Kind   Kind
	Count  int
	Weight int
	Points int // Count × Weight
}

// Text is the part in the owner's words: 分享资源 3 次（30 分）.
func (p Part) Text() string {
	return fmt.Sprintf("%s %d 次（%d 分）", p.Kind.Label(), p.Count, p.Points)
}

// Tie says how a member's place among others with the same score was decided.
type Tie int

// The ways a place is decided, TieNone when the score alone decided it.
const (
	TieNone   Tie = iota
	TieDeeds      // same score, more deeds in all
	TieMember     // same score and deeds, registered in the app earlier
)

// Standing is one member's place in the month's ranking.
type Standing struct {
	Rank   int // 1…
	Member uint
	Name   string
	Score  int
	Deeds  int    // deeds of every kind counted, weighted or not
	Parts  []Part // the kinds the member did, in the formula's order (weight 0 included)
	Tie    Tie    // how the place among equal scores was decided
}

// Contributions sums up the parts that scored: 分享资源 3 次（30 分）、完成置换 1 次（5 分）.
func (s Standing) Contributions() string {
	var ps []string
	for _, p := range s.Parts {
		if p.Points > 0 {
			ps = append(ps, p.Text())
		}
	}
	return strings.Join(ps, "、")
}

// TieNote explains a place decided among equal scores, "" when the score decided it.
func (s Standing) TieNote() string {
	switch s.Tie {
	case TieDeeds:
		return "同分，事迹总数更多排前"
	case TieMember:
		return "同分同事迹数，先登记的成员排前"
	}
	return ""
}

// TieRule is the tie-break rule as the screen states it.
const TieRule = "同分时，事迹总数多的排前；再相同，先登记的成员排前。"

// Rank scores each member's evidence with w and ranks them: the highest score first;
// on equal scores more deeds in all first, then the lower member ID (registered
// earlier) first, so the order is the same every time. Members who score 0 are left
// out.
func Rank(ev []Evidence, w Weights) []Standing {
	out := make([]Standing, 0, len(ev))
	for _, e := range ev {
		s := Standing{Member: e.Member, Name: e.Name}
		for _, k := range Kinds {
			n := e.Counts[k]
			if n <= 0 {
				continue
			}
			p := Part{Kind: k, Count: n, Weight: w[k], Points: n * w[k]}
			s.Parts = append(s.Parts, p)
			s.Score += p.Points
			s.Deeds += n
		}
		if s.Score > 0 {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, compare)
	for i := range out {
		out[i].Rank = i + 1
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(out) || out[j].Score != out[i].Score {
				continue
			}
			t := TieDeeds
			if out[j].Deeds == out[i].Deeds {
				t = TieMember
			}
			out[i].Tie = max(out[i].Tie, t)
		}
	}
	return out
}

func compare(a, b Standing) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Deeds, a.Deeds); c != 0 {
		return c
	}
	return cmp.Compare(a.Member, b.Member)
}

// Month is one calendar month, such as 2026年11月.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month t falls in, in loc.
func MonthOf(t time.Time, loc *time.Location) Month {
	t = t.In(loc)
	return Month{t.Year(), t.Month()}
}

// ParseMonth reads "2026-11".
func ParseMonth(s string) (Month, bool) {
	t, err := time.Parse("2006-01", strings.TrimSpace(s))
	if err != nil {
		return Month{}, false
	}
	return Month{t.Year(), t.Month()}, true
}

// String is the month as stored: 2026-11.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Label is the month in the owner's words: 2026年11月.
func (m Month) Label() string { return fmt.Sprintf("%d年%d月", m.Year, int(m.Month)) }

// Start is the month's first instant in loc.
func (m Month) Start(loc *time.Location) time.Time {
	return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, loc)
}

// End is the first instant after the month in loc (the next month's Start).
func (m Month) End(loc *time.Location) time.Time { return m.Next().Start(loc) }

// Next is the month after m.
func (m Month) Next() Month { return m.add(1) }

// Prev is the month before m.
func (m Month) Prev() Month { return m.add(-1) }

func (m Month) add(n int) Month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return Month{t.Year(), t.Month()}
}

// Over reports whether the month has ended at now in loc.
func (m Month) Over(now time.Time, loc *time.Location) bool { return !now.Before(m.End(loc)) }
