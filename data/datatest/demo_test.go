package datatest

import (
	"cmp"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// byID lists resources in the order they were added.
func byID(t *testing.T, s *data.Store) []data.Resource {
	t.Helper()
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(rs, func(a, b data.Resource) int { return cmp.Compare(a.ID, b.ID) })
	return rs
}

func fillDemo(t *testing.T, s *data.Store, size DemoSize, seed int64) {
	t.Helper()
	if err := FillDemo(s, size, seed); err != nil {
		t.Fatal(err)
	}
}

// counts returns how many groups, members, resources, suppliers and categories s holds.
func counts(t *testing.T, s *data.Store) [5]int {
	t.Helper()
	gs, err1 := s.Groups()
	ms, err2 := s.Members(0)
	rs, err3 := s.Resources()
	ss, err4 := s.Suppliers()
	cs, err5 := s.Categories()
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return [5]int{len(gs), len(ms), len(rs), len(ss), len(cs)}
}

func TestFillSmallDemo(t *testing.T) {
	s := OpenTemp(t)
	fillDemo(t, s, SmallDemo, 1)
	want := [5]int{SmallDemo.Groups, SmallDemo.Members, SmallDemo.Resources, SmallDemo.Suppliers, len(data.DefaultCategories)}
	if got := counts(t, s); got != want {
		t.Fatalf("groups, members, resources, suppliers, categories = %v, want %v", got, want)
	}
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	checkDemoResources(t, s, rs)
	ms, err := s.Members(0)
	if err != nil {
		t.Fatal(err)
	}
	checkDemoMembers(t, s, ms)
}

// checkDemoResources asserts that demo resources are unique, searchable, with their
// suppliers' details, and spread over every category and state.
func checkDemoResources(t *testing.T, s *data.Store, rs []data.Resource) {
	t.Helper()
	seen := map[string]bool{}
	categories := map[string]int{}
	states := map[data.ResourceState]int{}
	limited, withSupplier := 0, 0
	for i := range rs {
		r := &rs[i]
		if key := data.NameKey(r.Name); seen[key] {
			t.Errorf("name %q twice", r.Name)
		}
		seen[data.NameKey(r.Name)] = true
		if want := data.SearchKey(append([]string{r.Name}, r.TagList()...)...); r.SearchKey != want {
			t.Errorf("%q has search key %q", r.Name, r.SearchKey)
		}
		if r.OriginalPriceCents != 0 && r.PriceCents > r.OriginalPriceCents || r.PriceCents <= 0 {
			t.Errorf("%q costs %d, originally %d", r.Name, r.PriceCents, r.OriginalPriceCents)
		}
		if !r.CreatedAt.Before(s.Now()) || r.CreatedAt.Before(s.Now().AddDate(0, 0, -181)) {
			t.Errorf("%q added at %v, not in the half year before %v", r.Name, r.CreatedAt, s.Now())
		}
		if r.ValidUntil != nil {
			limited++
			if !r.ValidUntil.After(s.Now()) {
				t.Errorf("%q has a deadline %v before the store clock", r.Name, r.ValidUntil)
			}
		}
		if r.SupplierID != nil {
			withSupplier++
			if r.Supplier == nil || r.Supplier.Contact == "" {
				t.Errorf("%q has a supplier without contact: %+v", r.Name, r.Supplier)
			}
		}
		categories[r.Category.Name]++
		states[r.StateAt(s.Now())]++
	}
	for _, c := range data.DefaultCategories {
		if categories[c] == 0 {
			t.Errorf("no demo resource in %s: %v", c, categories)
		}
	}
	for _, st := range []data.ResourceState{data.StateOnSale, data.StateSoldOut, data.StateOffShelf, data.StateInvalid, data.StateUpcoming} {
		if states[st] == 0 {
			t.Errorf("no demo resource in state %s: %v", st, states)
		}
	}
	if states[data.StateExpired] != 0 {
		t.Errorf("%d demo resources already expired", states[data.StateExpired])
	}
	if limited == 0 || withSupplier < len(rs)/2 {
		t.Errorf("%d limited in time, %d with a supplier, of %d", limited, withSupplier, len(rs))
	}
}

// checkDemoMembers asserts that demo members have valid unique numbers, all three
// kinds of tags, one or two seats, and that every group has one 群主 and an admin.
func checkDemoMembers(t *testing.T, s *data.Store, ms []data.Member) {
	t.Helper()
	qqs := map[string]bool{}
	owners, admins := map[uint]int{}, map[uint]int{}
	for i := range ms {
		m := &ms[i]
		if err := data.CheckQQ("qq", "QQ号", m.QQ); err != nil || qqs[m.QQ] {
			t.Errorf("QQ %q: %v, repeated %v", m.QQ, err, qqs[m.QQ])
		}
		qqs[m.QQ] = true
		for _, kind := range []data.TagKind{data.TagMotivation, data.TagInterest, data.TagSegment} {
			if len(m.TagValues(kind)) == 0 {
				t.Errorf("member %s has no %s tag: %+v", m.QQ, kind, m.Tags)
			}
		}
		if n := len(m.Memberships); n < 1 || n > 2 {
			t.Errorf("member %s has %d seats", m.QQ, n)
		}
		for _, seat := range m.Memberships {
			switch seat.Role {
			case data.RoleOwner:
				owners[seat.GroupID]++
			case data.RoleAdmin:
				admins[seat.GroupID]++
			}
		}
		if !data.ParseQuery(m.QQ).Matches(m.SearchKey) {
			t.Errorf("member %s cannot be found by number: %q", m.QQ, m.SearchKey)
		}
	}
	gs, _ := s.Groups()
	for _, g := range gs {
		if owners[g.ID] != 1 || admins[g.ID] == 0 {
			t.Errorf("group %s has %d owners and %d admins", g.Name, owners[g.ID], admins[g.ID])
		}
	}
}

func TestFillDemoIsDeterministic(t *testing.T) {
	fill := func(seed int64, now time.Time) (names, qqs string) {
		s := OpenTemp(t, data.WithClock(Fixed(now)))
		fillDemo(t, s, SmallDemo, seed)
		ms, err := s.Members(0)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(ms, func(a, b data.Member) int { return cmp.Compare(a.ID, b.ID) })
		var n, q []string
		for _, r := range byID(t, s) {
			n = append(n, r.Name+" "+r.CreatedAt.String())
		}
		for _, m := range ms {
			q = append(q, m.QQ)
		}
		return strings.Join(n, "\n"), strings.Join(q, " ")
	}
	names1, qqs1 := fill(7, Now)
	names2, qqs2 := fill(7, Now)
	names3, qqs3 := fill(8, Now)
	names4, _ := fill(7, Now.AddDate(0, 0, 1))
	if names1 != names2 || qqs1 != qqs2 {
		t.Error("the same seed gave different data")
	}
	if names1 == names3 || qqs1 == qqs3 {
		t.Error("another seed gave the same data")
	}
	if names1 == names4 {
		t.Error("another day gave the same times")
	}
}

func TestFillDemoFitsInExistingData(t *testing.T) {
	a := OpenTemp(t)
	fillDemo(t, a, SmallDemo, 3)
	taken := byID(t, a)[0].Name

	s := OpenTemp(t)
	g := data.Group{Name: "我自己的群", Number: "55555"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	mine := data.Resource{Name: strings.ToUpper(taken), Category: data.Category{Name: "游戏类"}, Status: data.StatusOnSale, Unlimited: true}
	if err := s.SaveResource(&mine); err != nil {
		t.Fatal(err)
	}
	fillDemo(t, s, SmallDemo, 3)
	fillDemo(t, s, SmallDemo, 3)
	want := [5]int{SmallDemo.Groups, 2 * SmallDemo.Members, 1 + 2*SmallDemo.Resources, SmallDemo.Suppliers, len(data.DefaultCategories)}
	if got := counts(t, s); got != want { // one group of mine, one added
		t.Errorf("groups, members, resources, suppliers, categories = %v, want %v", got, want)
	}
	seen := map[string]bool{}
	for _, r := range byID(t, s) {
		if seen[data.NameKey(r.Name)] {
			t.Errorf("name %q twice", r.Name)
		}
		seen[data.NameKey(r.Name)] = true
	}
	ms, _ := s.Members(0)
	checkDemoMembers(t, s, ms)
}

// A demo that cannot be saved whole leaves nothing behind.
func TestFillDemoIsAllOrNothing(t *testing.T) {
	s := OpenTemp(t)
	// One product's name is too long for the catalog: SaveResources refuses its
	// resources after the groups and suppliers were saved.
	orig := demoCatalog
	defer func() { demoCatalog = orig }()
	demoCatalog = slices.Clone(orig)
	demoCatalog[0].products = slices.Clone(demoCatalog[0].products)
	demoCatalog[0].products[0].name = strings.Repeat("长", data.MaxNameLen)
	if err := FillDemo(s, SmallDemo, 1); err == nil {
		t.Fatal("FillDemo saved a resource with a name over the limit")
	}
	if got, want := counts(t, s), [5]int{0, 0, 0, 0, len(data.DefaultCategories)}; got != want {
		t.Errorf("after a refused demo: %v, want %v", got, want)
	}
}

func TestDemoNamesSuffice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	taken := map[string]bool{}
	for _, c := range demoCatalog {
		names := newDemoNames(rng, c)
		n := BigDemo.Resources * c.share / 100
		for range n {
			pk := names.next(taken)
			if names.round > 0 {
				t.Fatalf("%s runs out of listings after %d of %d", c.name, len(names.picks), n)
			}
			if utf8.RuneCountInString(pk.name) > data.MaxNameLen {
				t.Errorf("%q is too long", pk.name)
			}
		}
	}
	if len(taken) < BigDemo.Resources*99/100 {
		t.Errorf("only %d names", len(taken))
	}
	for _, c := range demoCatalog {
		for _, p := range c.products {
			for _, tag := range p.tags {
				if utf8.RuneCountInString(tag) > data.MaxTagLen {
					t.Errorf("tag %q too long", tag)
				}
			}
		}
	}
}

func TestDemoNamesStartOverWhenUsedUp(t *testing.T) {
	c := demoCategory{name: "测试", prefixes: []string{""}, packs: []int{1},
		products: []demoProduct{{name: "测试卡", faces: faces("%d元", 1, 2)}}}
	names := newDemoNames(rand.New(rand.NewPCG(1, 2)), c)
	taken := map[string]bool{"测试卡 1元": true}
	var got []string
	for range 3 {
		got = append(got, names.next(taken).name)
	}
	want := map[string]bool{"测试卡 2元": true, "测试卡 1元（2号货源）": true, "测试卡 2元（2号货源）": true}
	for _, n := range got {
		if !want[n] {
			t.Errorf("got %q, want one of %v", n, want)
		}
		delete(want, n)
	}
}

// The cache's name changes with everything the data depends on.
func TestDemoFileName(t *testing.T) {
	base := demoFileName(SmallDemo, 1, Now)
	others := map[string]string{
		"size":   demoFileName(BigDemo, 1, Now),
		"seed":   demoFileName(SmallDemo, 2, Now),
		"day":    demoFileName(SmallDemo, 1, Now.AddDate(0, 0, 1)),
		"minute": demoFileName(SmallDemo, 1, Now.Add(time.Minute)),
		"second": demoFileName(SmallDemo, 1, Now.Add(time.Second)),
	}
	for what, name := range others {
		if name == base {
			t.Errorf("another %s, the same cache file %s", what, name)
		}
	}
	for _, part := range []string{generatorVersion, data.SchemaVersion(), "20261126T100000Z"} {
		if !strings.Contains(base, part) {
			t.Errorf("%s does not name %s", base, part)
		}
	}
	if filepath.Base(base) != base {
		t.Errorf("%q is not a plain file name", base)
	}
}

func TestDemoFileIsBuiltOnceAndReused(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	tiny := DemoSize{Groups: 1, Members: 3, Resources: 5, Suppliers: 1}
	path, err := DemoFile(tiny, 1, Now.Add(1500*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != demoFileName(tiny, 1, Now.Add(time.Second)) {
		t.Errorf("built %s", path)
	}
	again, err := DemoFile(tiny, 1, Now.Add(time.Second))
	if err != nil || again != path {
		t.Errorf("second call: %s, %v", again, err)
	}
	s := OpenCopy(t, path)
	if got := counts(t, s); got != [5]int{1, 3, 5, 1, len(data.DefaultCategories)} {
		t.Errorf("cached database holds %v", got)
	}
	leftovers, _ := filepath.Glob(path + ".*")
	if len(leftovers) != 0 {
		t.Errorf("left behind: %v", leftovers)
	}
}
