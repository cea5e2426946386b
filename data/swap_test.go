package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// swapFixture is a group, three members and two resources in different categories.
func swapFixture(t *testing.T, s *Store) (g Group, a, b, c Member, dq, iqy Resource) {
	t.Helper()
	g, a, b, dq = requestFixture(t, s)
	c = saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "小刚"})
	iqy = saveDraft(t, s, draftNamed("爱奇艺月卡", "影音类", ""))
	return g, a, b, c, dq, iqy
}

func addSwap(t *testing.T, s *Store, d SwapDraft) SwapListing {
	t.Helper()
	if d.Days == 0 {
		d.Days = 7
	}
	l, err := s.AddSwapListing(d)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestAddSwapListingRefusals(t *testing.T) {
	s, _ := requestStore(t)
	_, m, _, _, _, _ := swapFixture(t, s)
	for _, tc := range []struct {
		name  string
		d     SwapDraft
		field string
		msg   string
	}{
		{"no member", SwapDraft{HasText: "a", WantText: "b", Days: 7}, "member", "成员"},
		{"nothing offered", SwapDraft{MemberID: m.ID, WantText: "b", Days: 7}, "has", "手上有的不能为空"},
		{"nothing wanted", SwapDraft{MemberID: m.ID, HasText: "a", Days: 7}, "want", "想换的不能为空"},
		{"bad quantity", SwapDraft{MemberID: m.ID, HasText: "a", WantText: "b", Quantity: "0", Days: 7}, "quantity", "1–999"},
		{"no expiry", SwapDraft{MemberID: m.ID, HasText: "a", WantText: "b"}, "days", "有效期"},
		{"too long", SwapDraft{MemberID: m.ID, HasText: strings.Repeat("卡", 101), WantText: "b", Days: 7}, "has", "最多 100 个字"},
		{"member gone", SwapDraft{MemberID: 9999, HasText: "a", WantText: "b", Days: 7}, "member", "不在成员列表"},
	} {
		_, err := s.AddSwapListing(tc.d)
		var ve ValidationError
		if !errors.As(err, &ve) || ve.For(tc.field) == nil || !strings.Contains(ve.For(tc.field).Message, tc.msg) {
			t.Errorf("%s: err = %v, want %s at field %s", tc.name, err, tc.msg, tc.field)
		}
	}
}

func TestSwapSuggestionsPairCycleAndExpiry(t *testing.T) {
	s, now := requestStore(t)
	g, a, b, c, dq, iqy := swapFixture(t, s)
	// a has the 点券 (picked), wants 爱奇艺 (typed); b has 爱奇艺 (picked), wants the 点券.
	la := addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: a.ID, HasResourceID: &dq.ID, WantText: "爱奇艺月卡"})
	lb := addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: b.ID, HasResourceID: &iqy.ID, WantResourceID: &dq.ID})
	// A 3-cycle in free text, written differently by each member: a → b → c → a.
	addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: a.ID, HasText: "网易云年卡", WantText: "话费 50元"})
	addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: b.ID, HasText: "ＱＱ音乐 月卡", WantText: "网易云年卡"})
	addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: c.ID, HasText: "话费50元", WantText: "qq音乐月卡", Days: 1})
	ss, err := s.SwapSuggestions(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].Cycle || !ss[1].Cycle {
		t.Fatalf("suggestions = %+v, want a pair then a cycle", ss)
	}
	if ss[0].Key != keyOf(la.ID, lb.ID) || !ss[0].New {
		t.Errorf("pair = %s new=%v", ss[0].Key, ss[0].New)
	}
	if want := []string{"广州-小明 有「王者荣耀点券 60点」，正合 小红 想要的「王者荣耀点券 60点」（同一资源）",
		"小红 有「爱奇艺月卡」，正合 广州-小明 想要的「爱奇艺月卡」（名称相同）"}; !slices.Equal(ss[0].Reasons, want) {
		t.Errorf("reasons = %q", ss[0].Reasons)
	}
	if n, _ := s.NewSwapMatches(g.ID); n != 2 {
		t.Errorf("new matches = %d, want 2", n)
	}
	if err := s.MarkSwapSuggestionsSeen([]string{ss[0].Key, ss[0].Key}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.NewSwapMatches(g.ID); n != 1 {
		t.Errorf("new matches after seeing one = %d, want 1", n)
	}
	// A day later c's listing has expired: the cycle is gone.
	*now = now.Add(24 * time.Hour)
	ss, _ = s.SwapSuggestions(g.ID)
	if len(ss) != 1 || ss[0].Cycle {
		t.Fatalf("after expiry: %d suggestions, want the pair only", len(ss))
	}
	ls, _ := s.SwapListings(g.ID)
	expired := 0
	for _, l := range ls {
		if l.StateLabel(*now) == "已过期" {
			expired++
		}
	}
	if expired != 1 {
		t.Errorf("%d listings show 已过期, want 1", expired)
	}
}

func keyOf(ids ...uint) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ">")
}

func listingStates(t *testing.T, s *Store, ids ...uint) []SwapListingState {
	t.Helper()
	out := make([]SwapListingState, len(ids))
	for i, id := range ids {
		var l SwapListing
		if err := s.db.First(&l, id).Error; err != nil {
			t.Fatal(err)
		}
		out[i] = l.State
	}
	return out
}

func TestSwapDealLifecycle(t *testing.T) {
	s, _ := requestStore(t)
	g, a, b, c, _, _ := swapFixture(t, s)
	la := addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: a.ID, HasText: "甲", WantText: "乙"})
	lb := addSwap(t, s, SwapDraft{GroupID: &g.ID, MemberID: b.ID, HasText: "乙", WantText: "甲"})
	ss, _ := s.SwapSuggestions(g.ID)
	if len(ss) != 1 {
		t.Fatalf("%d suggestions", len(ss))
	}
	d, err := s.StartSwapDeal(&g.ID, ss[0], "两边都在线")
	if err != nil {
		t.Fatal(err)
	}
	if st := listingStates(t, s, la.ID, lb.ID); st[0] != SwapListingTaken || st[1] != SwapListingTaken {
		t.Fatalf("listings = %v, want taken", st)
	}
	// The same suggestion again (an old screen): refused, nothing written.
	if _, err := s.StartSwapDeal(&g.ID, ss[0], ""); !errors.Is(err, ErrSwapTaken) {
		t.Fatalf("second start: %v, want ErrSwapTaken", err)
	}
	if ss2, _ := s.SwapSuggestions(g.ID); len(ss2) != 0 {
		t.Errorf("taken listings still suggested: %d", len(ss2))
	}
	// Cancel: the listings reopen and the pair is suggested again.
	if _, err := s.MoveSwapDeal(d.ID, SwapDealMediating, SwapDealCancelled, "乙不换了"); err != nil {
		t.Fatal(err)
	}
	if st := listingStates(t, s, la.ID, lb.ID); st[0] != SwapListingOpen || st[1] != SwapListingOpen {
		t.Fatalf("after cancel: %v, want open", st)
	}
	if _, err := s.MoveSwapDeal(d.ID, SwapDealMediating, SwapDealCompleted, ""); !errors.Is(err, ErrSwapMoved) {
		t.Fatalf("move from an old state: %v, want ErrSwapMoved", err)
	}
	ss, _ = s.SwapSuggestions(g.ID)
	d2, err := s.StartSwapDeal(&g.ID, ss[0], "")
	if err != nil {
		t.Fatal(err)
	}
	done, err := s.MoveSwapDeal(d2.ID, SwapDealMediating, SwapDealCompleted, "已互换")
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Events) != 2 || done.Events[1].Note != "已互换" {
		t.Errorf("events = %+v", done.Events)
	}
	if st := listingStates(t, s, la.ID, lb.ID); st[0] != SwapListingDone || st[1] != SwapListingDone {
		t.Fatalf("after complete: %v, want done", st)
	}
	for _, tc := range []struct {
		m    Member
		want int64
	}{{a, 1}, {b, 1}, {c, 0}} {
		if n, err := s.CompletedSwaps(tc.m.ID); err != nil || n != tc.want {
			t.Errorf("%s completed = %d, %v; want %d", tc.m.Nickname, n, err, tc.want)
		}
	}
	ds, err := s.SwapDeals(g.ID)
	if err != nil || len(ds) != 2 || ds[0].Listings[0].Listing == nil || ds[0].Listings[0].Listing.Member == nil {
		t.Fatalf("deals = %+v, %v", ds, err)
	}
	if err := s.WithdrawSwapListing(la.ID); !errors.Is(err, ErrSwapTaken) {
		t.Errorf("withdraw a done listing: %v", err)
	}
}
