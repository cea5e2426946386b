package swapmatch

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func res(id, cat uint, key string) Item { return Item{Resource: id, Category: cat, Key: key} }
func text(key string) Item              { return Item{Key: key} }
func cat(c uint) Item                   { return Item{Category: c} }

func keys(ss []Suggestion) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Key()
	}
	return out
}

func TestFind(t *testing.T) {
	now := []struct {
		name string
		ls   []Listing
		want []string
	}{
		{"direct pair on the same resource", []Listing{
			{ID: 1, Member: 10, Has: res(100, 1, "王者点券"), Want: res(200, 2, "爱奇艺月卡")},
			{ID: 2, Member: 20, Has: res(200, 2, "爱奇艺月卡"), Want: res(100, 1, "王者点券")},
		}, []string{"1>2"}},
		{"pair on text meets a resource by its name", []Listing{
			{ID: 1, Member: 10, Has: text("王者点券"), Want: text("爱奇艺月卡")},
			{ID: 2, Member: 20, Has: res(200, 2, "爱奇艺月卡"), Want: res(100, 1, "王者点券")},
		}, []string{"1>2"}},
		{"category want takes anything in it", []Listing{
			{ID: 1, Member: 10, Has: res(100, 1, "王者点券"), Want: cat(2)},
			{ID: 2, Member: 20, Has: res(200, 2, "爱奇艺月卡"), Want: cat(1)},
		}, []string{"1>2"}},
		{"text with clashing categories does not meet", []Listing{
			{ID: 1, Member: 10, Has: Item{Category: 1, Key: "月卡"}, Want: text("话费")},
			{ID: 2, Member: 20, Has: text("话费"), Want: Item{Category: 2, Key: "月卡"}},
		}, nil},
		{"a member is never matched with themself", []Listing{
			{ID: 1, Member: 10, Has: text("a"), Want: text("b")},
			{ID: 2, Member: 10, Has: text("b"), Want: text("a")},
		}, nil},
		{"one-way interest is no swap", []Listing{
			{ID: 1, Member: 10, Has: text("a"), Want: text("b")},
			{ID: 2, Member: 20, Has: text("c"), Want: text("a")},
		}, nil},
		{"3-cycle found once, not once per rotation", []Listing{
			{ID: 5, Member: 10, Has: text("a"), Want: text("c")},
			{ID: 3, Member: 20, Has: text("b"), Want: text("a")},
			{ID: 9, Member: 30, Has: text("c"), Want: text("b")},
		}, []string{"3>9>5"}},
		{"3-cycle needs three members", []Listing{
			{ID: 1, Member: 10, Has: text("a"), Want: text("c")},
			{ID: 2, Member: 20, Has: text("b"), Want: text("a")},
			{ID: 3, Member: 10, Has: text("c"), Want: text("b")},
		}, nil},
		{"the same listing twice counts once", []Listing{
			{ID: 1, Member: 10, Has: text("a"), Want: text("b")},
			{ID: 1, Member: 10, Has: text("a"), Want: text("b")},
			{ID: 2, Member: 20, Has: text("b"), Want: text("a")},
		}, []string{"1>2"}},
		{"pairs first, exact above text", []Listing{
			{ID: 1, Member: 10, Has: text("x"), Want: text("y")},
			{ID: 2, Member: 20, Has: text("y"), Want: text("x")},
			{ID: 3, Member: 30, Has: res(7, 1, "p"), Want: res(8, 1, "q")},
			{ID: 4, Member: 40, Has: res(8, 1, "q"), Want: res(7, 1, "p")},
			{ID: 5, Member: 50, Has: text("m"), Want: text("o")},
			{ID: 6, Member: 60, Has: text("n"), Want: text("m")},
			{ID: 7, Member: 70, Has: text("o"), Want: text("n")},
		}, []string{"3>4", "1>2", "5>6>7"}},
	}
	for _, tc := range now {
		t.Run(tc.name, func(t *testing.T) {
			got := keys(Find(tc.ls, Limits{}))
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Find = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLinksSayWhy(t *testing.T) {
	ss := Find([]Listing{
		{ID: 1, Member: 10, Has: res(100, 1, "王者点券"), Want: cat(2)},
		{ID: 2, Member: 20, Has: res(200, 2, "爱奇艺月卡"), Want: res(100, 1, "")},
	}, Limits{})
	if len(ss) != 1 {
		t.Fatalf("got %d suggestions", len(ss))
	}
	want := []Link{{1, 2, Exact}, {2, 1, Category}}
	if !slices.Equal(ss[0].Links, want) || ss[0].Score() != 4 || ss[0].Cycle() {
		t.Fatalf("links = %v, want %v", ss[0].Links, want)
	}
}

// TestFindNeverFalse checks every suggestion on random zones against the rules, not
// against a second copy of the algorithm.
func TestFindNeverFalse(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		ls := randomZone(r, 60)
		byID := map[uint]Listing{}
		for _, l := range ls {
			byID[l.ID] = l
		}
		seen := map[string]bool{}
		pairs := 0
		for _, s := range Find(ls, Limits{Max: 10000, CyclesPerRun: 10000}) {
			members := map[uint]bool{}
			listings := map[uint]bool{}
			for i, id := range s.Listings {
				l := byID[id]
				if members[l.Member] || listings[id] {
					t.Fatalf("round %d: %s repeats a member or listing", round, s.Key())
				}
				members[l.Member], listings[id] = true, true
				next := byID[s.Listings[(i+1)%len(s.Listings)]]
				if Meets(l.Has, next.Want) == None {
					t.Fatalf("round %d: %s: %d does not have what %d wants", round, s.Key(), l.ID, next.ID)
				}
			}
			if s.Listings[0] != slices.Min(s.Listings) || seen[s.Key()] {
				t.Fatalf("round %d: %s found twice or not from its smallest listing", round, s.Key())
			}
			seen[s.Key()] = true
			if !s.Cycle() {
				pairs++
			}
		}
		// Every pair the brute force sees is found.
		want := 0
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				if ls[i].Member != ls[j].Member && Meets(ls[i].Has, ls[j].Want) != None && Meets(ls[j].Has, ls[i].Want) != None {
					want++
				}
			}
		}
		if pairs != want {
			t.Fatalf("round %d: %d pairs, brute force finds %d", round, pairs, want)
		}
	}
}

func randomZone(r *rand.Rand, n int) []Listing {
	item := func() Item {
		switch r.IntN(4) {
		case 0:
			id := uint(r.IntN(n/3) + 1)
			return Item{Resource: id, Category: id%4 + 1, Key: fmt.Sprint("r", id)}
		case 1:
			return Item{Key: fmt.Sprint("r", r.IntN(n/3)+1)}
		case 2:
			return Item{Category: uint(r.IntN(4) + 1), Key: fmt.Sprint("t", r.IntN(n/3))}
		}
		return Item{Category: uint(r.IntN(4) + 1)}
	}
	ls := make([]Listing, n)
	for i := range ls {
		ls[i] = Listing{ID: uint(i + 1), Member: uint(r.IntN(n/2) + 1), Has: item(), Want: item()}
		if ls[i].Has.Key == "" && ls[i].Has.Resource == 0 {
			ls[i].Has.Key = "x" // a "has" is always a thing, not a category
		}
	}
	return ls
}

// BenchmarkFind2000 is a zone of 2,000 open listings (target: under 100 ms).
func BenchmarkFind2000(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	ls := randomZone(r, 2000)
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(Find(ls, Limits{}))
	}
	b.ReportMetric(float64(n), "suggestions")
}
