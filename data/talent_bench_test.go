package data

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
)

// BenchmarkProposeTalent ranks one month of a big group, as the 资源达人 screen and
// 今日 do: 3,000 members seated in the group, 200,000 ledger entries over a year (about
// 17,000 in the month, a hundredth of them reversed) and 600 completed swap deals.
// 346 ms a proposal at a load average of 16–19 on 2 CPUs, about 110 ms of it CPU; read
// once per month picked: weights typed on the screen re-rank in memory.
func BenchmarkProposeTalent(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), DatabaseFile), WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	g := Group{Name: "大群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		b.Fatal(err)
	}
	// One transaction for the setup: a commit per row would take minutes.
	db := s.db
	s.db = db.Begin()
	const members = 3000
	ms := make([]Member, members)
	for i := range ms {
		ms[i] = Member{QQ: fmt.Sprint(100000 + i), Nickname: fmt.Sprint("成员", i),
			Memberships: []Membership{{GroupID: g.ID, Role: RoleMember}}}
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(s.db.CreateInBatches(ms, 500).Error)
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []points.Reason{points.Help, points.ShareResource, points.ShareExperience, points.Swap, points.Speak, points.Other}
	start := time.Date(2025, 11, 1, 0, 0, 0, 0, cst)
	span := testNow.Sub(start)
	entries := make([]PointEntry, 0, 200000)
	for range 200000 {
		r := kinds[rng.IntN(len(kinds))]
		entries = append(entries, PointEntry{MemberID: ms[rng.IntN(members)].ID, GroupID: &g.ID, Amount: 5, Reason: r,
			At: start.Add(time.Duration(rng.Int64N(int64(span)))).UTC()})
	}
	// The ledger is appended as deeds happen: rows in time order, as in an owner's file.
	slices.SortFunc(entries, func(a, b PointEntry) int { return a.At.Compare(b.At) })
	must(s.db.Omit("Member").CreateInBatches(entries, 1000).Error)
	var reversals []PointEntry
	for i := 0; i < len(entries); i += 100 {
		id := entries[i].ID
		reversals = append(reversals, PointEntry{MemberID: entries[i].MemberID, GroupID: &g.ID, Amount: -5,
			Reason: points.Reversal, ReversesID: &id, At: entries[i].At})
	}
	must(s.db.Omit("Member").CreateInBatches(reversals, 1000).Error)
	for i := range 600 {
		at := start.Add(time.Duration(rng.Int64N(int64(span)))).UTC()
		d := SwapDeal{GroupID: &g.ID, State: SwapDealCompleted, CreatedAt: at}
		must(s.db.Create(&d).Error)
		for j := range 2 {
			m := ms[(i*7+j*13)%members]
			l := SwapListing{GroupID: &g.ID, MemberID: m.ID, HasText: "a", WantText: "b", State: SwapListingDone, ExpiresAt: at, CreatedAt: at}
			must(s.db.Omit("Member", "WantCategory").Create(&l).Error)
			must(s.db.Omit("Listing").Create(&SwapDealListing{DealID: d.ID, ListingID: l.ID, MemberID: m.ID, Position: j}).Error)
		}
		must(s.db.Create(&SwapDealEvent{DealID: d.ID, From: SwapDealMediating, To: SwapDealCompleted, At: at}).Error)
	}
	must(s.db.Commit().Error)
	s.db = db
	oct := talent.Month{Year: 2026, Month: time.October}
	if path := os.Getenv("TALENT_BENCH_KEEP"); path != "" {
		must(s.db.Exec("VACUUM INTO ?", path).Error)
	}
	b.ResetTimer()
	for b.Loop() {
		p, err := s.ProposeTalent(g.ID, oct, cst)
		if err != nil || len(p.Standings) < 2000 {
			b.Fatalf("%d standings, %v", len(p.Standings), err)
		}
	}
}
