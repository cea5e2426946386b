package data

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// resourceNames lists the catalog's names in the order they were added.
func resourceNames(t *testing.T, s *Store) []string {
	t.Helper()
	var names []string
	if err := s.db.Model(&Resource{}).Order("id").Pluck("name", &names).Error; err != nil {
		t.Fatal(err)
	}
	return names
}

func fillDemo(t *testing.T, s *Store, size DemoSize, seed int64) {
	t.Helper()
	if err := s.FillDemo(size, seed); err != nil {
		t.Fatal(err)
	}
}

func TestFillSmallDemo(t *testing.T) {
	s := newTestStore(t)
	fillDemo(t, s, SmallDemo, 1)
	wantCount(t, s, &Group{}, int64(SmallDemo.Groups))
	wantCount(t, s, &Member{}, int64(SmallDemo.Members))
	wantCount(t, s, &Resource{}, int64(SmallDemo.Resources))
	wantCount(t, s, &Supplier{}, int64(SmallDemo.Suppliers))
	wantCount(t, s, &Category{}, int64(len(DefaultCategories)))
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

// checkDemoResources asserts that demo resources are valid, unique, searchable and
// spread over every category and state.
func checkDemoResources(t *testing.T, s *Store, rs []Resource) {
	t.Helper()
	seen := map[string]bool{}
	categories := map[string]int{}
	states := map[ResourceState]int{}
	limited, withSupplier := 0, 0
	for i := range rs {
		r := &rs[i]
		if err := r.check(); err != nil {
			t.Errorf("%q fails check: %v", r.Name, err)
		}
		if key := strings.ToLower(r.Name); seen[key] {
			t.Errorf("name %q twice", r.Name)
		}
		seen[strings.ToLower(r.Name)] = true
		if r.SearchKey != resourceSearchKey(r) || r.SearchKey == "" {
			t.Errorf("%q has search key %q", r.Name, r.SearchKey)
		}
		if r.OriginalPriceCents != 0 && r.PriceCents > r.OriginalPriceCents || r.PriceCents <= 0 {
			t.Errorf("%q costs %d, originally %d", r.Name, r.PriceCents, r.OriginalPriceCents)
		}
		if r.ValidUntil != nil {
			limited++
			if !r.ValidUntil.After(s.Now()) {
				t.Errorf("%q has a deadline %v before the store clock", r.Name, r.ValidUntil)
			}
		}
		if r.SupplierID != nil {
			withSupplier++
		}
		categories[r.Category.Name]++
		states[r.StateAt(s.Now())]++
	}
	for _, c := range DefaultCategories {
		if categories[c] == 0 {
			t.Errorf("no demo resource in %s: %v", c, categories)
		}
	}
	for _, st := range []ResourceState{StateOnSale, StateSoldOut, StateOffShelf, StateInvalid, StateUpcoming} {
		if states[st] == 0 {
			t.Errorf("no demo resource in state %s: %v", st, states)
		}
	}
	if states[StateExpired] != 0 {
		t.Errorf("%d demo resources already expired", states[StateExpired])
	}
	if limited == 0 || withSupplier < len(rs)/2 {
		t.Errorf("%d limited in time, %d with a supplier, of %d", limited, withSupplier, len(rs))
	}
}

// checkDemoMembers asserts that demo members have valid unique numbers, all three
// kinds of tags, one or two seats, and that every group has one 群主 and an admin.
func checkDemoMembers(t *testing.T, s *Store, ms []Member) {
	t.Helper()
	qqs := map[string]bool{}
	owners, admins := map[uint]int{}, map[uint]int{}
	for i := range ms {
		m := &ms[i]
		if err := CheckQQ("qq", "QQ号", m.QQ); err != nil || qqs[m.QQ] {
			t.Errorf("QQ %q: %v, repeated %v", m.QQ, err, qqs[m.QQ])
		}
		qqs[m.QQ] = true
		for _, kind := range []TagKind{TagMotivation, TagInterest, TagSegment} {
			if len(m.TagValues(kind)) == 0 {
				t.Errorf("member %s has no %s tag: %+v", m.QQ, kind, m.Tags)
			}
		}
		if n := len(m.Memberships); n < 1 || n > 2 {
			t.Errorf("member %s has %d seats", m.QQ, n)
		}
		for _, seat := range m.Memberships {
			switch seat.Role {
			case RoleOwner:
				owners[seat.GroupID]++
			case RoleAdmin:
				admins[seat.GroupID]++
			}
		}
		if m.SearchKey != memberSearchKey(m) {
			t.Errorf("member %s has search key %q", m.QQ, m.SearchKey)
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
	fill := func(seed int64) (names, qqs string) {
		s := newTestStore(t)
		fillDemo(t, s, SmallDemo, seed)
		var q []string
		s.db.Model(&Member{}).Order("id").Pluck("qq", &q)
		return strings.Join(resourceNames(t, s), "\n"), strings.Join(q, " ")
	}
	names1, qqs1 := fill(7)
	names2, qqs2 := fill(7)
	names3, qqs3 := fill(8)
	if names1 != names2 || qqs1 != qqs2 {
		t.Error("the same seed gave different data")
	}
	if names1 == names3 || qqs1 == qqs3 {
		t.Error("another seed gave the same data")
	}
}

func TestFillDemoFitsInExistingData(t *testing.T) {
	a := newTestStore(t)
	fillDemo(t, a, SmallDemo, 3)
	taken := resourceNames(t, a)[0]

	s := newTestStore(t)
	g := Group{Name: "我自己的群", Number: "55555"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	saveDraft(t, s, draftNamed(strings.ToUpper(taken), "游戏类", ""))
	fillDemo(t, s, SmallDemo, 3)
	fillDemo(t, s, SmallDemo, 3)
	wantCount(t, s, &Group{}, int64(SmallDemo.Groups)) // one of mine, one added
	wantCount(t, s, &Supplier{}, int64(SmallDemo.Suppliers))
	wantCount(t, s, &Resource{}, int64(1+2*SmallDemo.Resources))
	wantCount(t, s, &Member{}, int64(2*SmallDemo.Members))
	rs, _ := s.Resources()
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[strings.ToLower(r.Name)] {
			t.Errorf("name %q twice", r.Name)
		}
		seen[strings.ToLower(r.Name)] = true
	}
	ms, _ := s.Members(0)
	checkDemoMembers(t, s, ms)
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
			if utf8.RuneCountInString(pk.name) > MaxNameLen {
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
				if utf8.RuneCountInString(tag) > MaxTagLen {
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
	want := map[string]bool{"测试卡 2元": true, "测试卡 1元 (2号货源)": true, "测试卡 2元 (2号货源)": true}
	for _, n := range got {
		if !want[n] {
			t.Errorf("got %q, want one of %v", n, want)
		}
		delete(want, n)
	}
}
