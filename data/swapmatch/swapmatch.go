// Package swapmatch finds swaps among members' listings (资源置换区): direct pairs (A has
// what B wants and B has what A wants) and 3-cycles (A gives to B, B to C, C to A). It is
// pure Go: neither the database nor the GUI. The store hands it the open, unexpired
// listings with their keys already normalized (data/wording.ItemKey).
package swapmatch

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Item is one side of a listing: a catalog resource, or free text (normalized), or, for
// what a member wants, a whole category. A resource item also carries its category and
// the normalized key of its name, so free text can meet it.
type Item struct {
	Resource uint   // 0: not a catalog resource
	Category uint   // 0: no category
	Key      string // normalized text; "" with a category alone means "anything in it"
}

// Listing is one open listing: who, what they have, what they want.
type Listing struct {
	ID     uint
	Member uint
	Has    Item
	Want   Item
}

// Kind is how one listing's "has" meets another's "want"; a higher kind ranks higher.
type Kind int

// How a "has" meets a "want".
const (
	None     Kind = iota
	Category      // the want is a whole category and the has is in it
	Text          // same normalized name (and no clash of categories)
	Exact         // the same catalog resource
)

// Label is the kind in the owner's words.
func (k Kind) Label() string {
	switch k {
	case Exact:
		return "同一资源"
	case Text:
		return "名称相同"
	case Category:
		return "同一分类"
	}
	return ""
}

// Meets reports how has meets want.
func Meets(has, want Item) Kind {
	if want.Resource != 0 && has.Resource == want.Resource {
		return Exact
	}
	if want.Key != "" && has.Key == want.Key &&
		(want.Category == 0 || has.Category == 0 || want.Category == has.Category) {
		return Text
	}
	if want.Resource == 0 && want.Key == "" && want.Category != 0 && has.Category == want.Category {
		return Category
	}
	return None
}

// Link is one gift in a suggestion: From's listing has what To's listing wants.
type Link struct {
	From, To uint // listing IDs
	Kind     Kind
}

// Suggestion is a swap the owner could mediate: its listings in giving order (each gives
// to the next, the last to the first) and the links that make it work.
type Suggestion struct {
	Listings []uint
	Links    []Link
}

// Cycle reports whether the suggestion is a 3-cycle rather than a direct pair.
func (s Suggestion) Cycle() bool { return len(s.Listings) > 2 }

// Score is the sum of the links' kinds: exact matches rank above category or text ones.
func (s Suggestion) Score() int {
	n := 0
	for _, l := range s.Links {
		n += int(l.Kind)
	}
	return n
}

// Key names the suggestion the same whatever listing it starts from: its listing IDs
// from the smallest, in giving order ("3>7>5").
func (s Suggestion) Key() string {
	parts := make([]string, len(s.Listings))
	for i, id := range s.Listings {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ">")
}

// Limits keeps a crowded zone's answer short: a category-only want can meet hundreds of
// listings, and the 3-cycles through them grow with the square of that.
type Limits struct {
	Max          int // suggestions in all (0: 500)
	CyclesPerRun int // 3-cycles started from one listing (0: 20)
}

// Find returns the pairs and 3-cycles among ls, ranked: pairs before cycles, a higher
// score first, then the older listings (smaller IDs) first. A member is never matched
// with themself, a listing appears once in a suggestion, and a cycle is found once, not
// once per rotation. Listings are looked up through an index of their "has" keys, so
// each want costs its candidates, not the whole zone.
func Find(ls []Listing, lim Limits) []Suggestion {
	if lim.Max <= 0 {
		lim.Max = 500
	}
	if lim.CyclesPerRun <= 0 {
		lim.CyclesPerRun = 20
	}
	ls = slices.Clone(ls)
	slices.SortFunc(ls, func(a, b Listing) int { return cmp.Compare(a.ID, b.ID) })
	ls = slices.CompactFunc(ls, func(a, b Listing) bool { return a.ID == b.ID })
	gives := givingGraph(ls)
	var pairs, cycles []Suggestion
	for a := range ls {
		for b, k := range gives[a] {
			if b <= a || ls[a].Member == ls[b].Member {
				continue
			}
			if back, ok := gives[b][a]; ok {
				pairs = append(pairs, Suggestion{Listings: []uint{ls[a].ID, ls[b].ID},
					Links: []Link{{ls[a].ID, ls[b].ID, k}, {ls[b].ID, ls[a].ID, back}}})
			}
		}
	}
	outs, ins := make([][]int, len(ls)), make([][]int, len(ls))
	for g := range ls {
		for t := range gives[g] {
			outs[g] = append(outs[g], t)
			ins[t] = append(ins[t], g)
		}
	}
	for i := range ls {
		slices.Sort(outs[i])
		slices.Sort(ins[i])
	}
	for a := range ls {
		cycles = appendCycles(cycles, ls, gives, outs, ins, a, lim.CyclesPerRun)
	}
	rank := func(x, y Suggestion) int {
		if c := cmp.Compare(y.Score(), x.Score()); c != 0 {
			return c
		}
		return slices.Compare(x.Listings, y.Listings)
	}
	slices.SortFunc(pairs, rank)
	slices.SortFunc(cycles, rank)
	out := append(pairs, cycles...)
	if len(out) > lim.Max {
		out = out[:lim.Max]
	}
	return out
}

// givingGraph returns, for each listing (by index), the listings its "has" satisfies
// and how. The index maps resource IDs, text keys and categories to the listings that
// have them.
func givingGraph(ls []Listing) []map[int]Kind {
	byRes := map[uint][]int{}
	byKey := map[string][]int{}
	byCat := map[uint][]int{}
	for i, l := range ls {
		if l.Has.Resource != 0 {
			byRes[l.Has.Resource] = append(byRes[l.Has.Resource], i)
		}
		if l.Has.Key != "" {
			byKey[l.Has.Key] = append(byKey[l.Has.Key], i)
		}
		if l.Has.Category != 0 {
			byCat[l.Has.Category] = append(byCat[l.Has.Category], i)
		}
	}
	gives := make([]map[int]Kind, len(ls))
	for i := range gives {
		gives[i] = map[int]Kind{}
	}
	for t, l := range ls {
		var cands [][]int
		if l.Want.Resource != 0 {
			cands = append(cands, byRes[l.Want.Resource])
		}
		if l.Want.Key != "" {
			cands = append(cands, byKey[l.Want.Key])
		} else if l.Want.Resource == 0 && l.Want.Category != 0 {
			cands = append(cands, byCat[l.Want.Category])
		}
		for _, list := range cands {
			for _, g := range list {
				if g == t {
					continue
				}
				if k := Meets(ls[g].Has, l.Want); k > gives[g][t] {
					gives[g][t] = k
				}
			}
		}
	}
	return gives
}

// appendCycles adds the 3-cycles a→b→c→a in which a is the smallest listing, at most
// limit of them. For each b it walks the shorter of b's receivers and a's givers and
// looks the other up, so a crowded category costs the smaller side, not the product.
func appendCycles(cycles []Suggestion, ls []Listing, gives []map[int]Kind, outs, ins [][]int, a, limit int) []Suggestion {
	found := 0
	givers := ins[a]
	for _, b := range outs[a] {
		if b <= a || ls[b].Member == ls[a].Member {
			continue
		}
		walk := outs[b]
		if len(givers) < len(walk) {
			walk = givers
		}
		for _, c := range walk {
			if c <= a || c == b || ls[c].Member == ls[a].Member || ls[c].Member == ls[b].Member {
				continue
			}
			bc, ok := gives[b][c]
			if !ok {
				continue
			}
			back, ok := gives[c][a]
			if !ok {
				continue
			}
			cycles = append(cycles, Suggestion{Listings: []uint{ls[a].ID, ls[b].ID, ls[c].ID},
				Links: []Link{{ls[a].ID, ls[b].ID, gives[a][b]}, {ls[b].ID, ls[c].ID, bc}, {ls[c].ID, ls[a].ID, back}}})
			if found++; found >= limit {
				return cycles
			}
		}
	}
	return cycles
}
