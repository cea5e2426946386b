package data

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
)

// listFixture: two groups; 小明 and 小红 in 星河, 阿杰 in 月光 only; a few entries, one
// of last month and one reversed.
func listFixture(t *testing.T) (*Store, Group, []Member) {
	t.Helper()
	s := newTestStore(t)
	g := Group{Name: "星河卡盟", Number: "812345678"}
	g2 := Group{Name: "月光小站", Number: "812345679"}
	for _, gr := range []*Group{&g, &g2} {
		if err := s.SaveGroup(gr); err != nil {
			t.Fatal(err)
		}
	}
	ms := []Member{
		saveMemberDraft(t, s, MemberDraft{QQ: "10001", Nickname: "小明", Memberships: []MembershipDraft{{GroupID: g.ID, CardName: "广州-小明"}}}),
		saveMemberDraft(t, s, MemberDraft{QQ: "10002", Nickname: "小红", Memberships: []MembershipDraft{{GroupID: g.ID}}}),
		saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "阿杰", Memberships: []MembershipDraft{{GroupID: g2.ID}}}),
	}
	add := func(m Member, r points.Reason, n int64, note string) PointEntry {
		t.Helper()
		e, err := s.AddPoints(PointDraft{MemberID: m.ID, Reason: r, Amount: n, Note: note})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	add(ms[0], points.ShareResource, 10, "")
	add(ms[1], points.Help, 5, "")
	add(ms[2], points.Speak, 20, "")
	wrong := add(ms[1], points.Help, 5, "")
	if _, err := s.ReversePoints(wrong.ID, "记重了"); err != nil {
		t.Fatal(err)
	}
	add(ms[0], points.Other, -4, "违规发广告")
	// 小红 earned 30 last month (written last, straight to the ledger and balance, as
	// the store would have then).
	last := testNow.AddDate(0, -1, 0)
	old := PointEntry{MemberID: ms[1].ID, Amount: 30, Reason: points.Speak, At: last}
	if _, err := writePoints(s.db, old); err != nil {
		t.Fatal(err)
	}
	return s, g, ms
}

func TestPointEntriesFilters(t *testing.T) {
	s, g, ms := listFixture(t)
	for _, tc := range []struct {
		name string
		f    PointFilter
		want []int64 // amounts, last written first
		more bool
	}{
		{"everything", PointFilter{}, []int64{30, -4, -5, 5, 20, 5, 10}, false},
		{"the group's members", PointFilter{GroupID: g.ID}, []int64{30, -4, -5, 5, 5, 10}, false},
		{"one member", PointFilter{MemberID: ms[0].ID}, []int64{-4, 10}, false},
		{"search by name", PointFilter{GroupID: g.ID, Search: "小红"}, []int64{30, -5, 5, 5}, false},
		{"search by QQ", PointFilter{Search: "10003"}, []int64{20}, false},
		{"search finds no one", PointFilter{Search: "没有这个人"}, nil, false},
		{"reason", PointFilter{Reason: points.Help}, []int64{5, 5}, false},
		{"limited", PointFilter{Limit: 2}, []int64{30, -4}, true},
		{"next page", PointFilter{Limit: 2, Offset: 2}, []int64{-5, 5}, true},
		{"last page", PointFilter{Limit: 5, Offset: 2}, []int64{-5, 5, 20, 5, 10}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls, more, err := s.PointEntries(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, l := range ls {
				got = append(got, l.Amount)
			}
			if !equalInts(got, tc.want) || more != tc.more {
				t.Errorf("amounts %v (more %v), want %v (%v)", got, more, tc.want, tc.more)
			}
		})
	}
	ls, _, err := s.PointEntries(PointFilter{GroupID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	if ls[1].Name != "广州-小明" || ls[1].QQ != "10001" || !ls[1].Reversible() {
		t.Errorf("line = %+v, want 广州-小明's reversible deduction", ls[1])
	}
	rev, reversed := ls[2], ls[3]
	if rev.Reason != points.Reversal || rev.Reversible() || reversed.ReversedBy == nil || *reversed.ReversedBy != rev.ID || reversed.Reversible() {
		t.Errorf("reversal %+v, reversed %+v", rev, reversed)
	}
}

func equalInts(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPointLeaderboards(t *testing.T) {
	s, g, ms := listFixture(t)
	type place struct {
		rank   int
		name   string
		points int64
	}
	for _, tc := range []struct {
		name  string
		group uint
		month bool
		want  []place
	}{
		// A deduction (其他 −4) lowers a standing; a reversal undoes the award it reverses.
		{"month, every member", 0, true, []place{{1, "阿杰", 20}, {2, "小明", 6}, {3, "小红", 5}}},
		{"month, the group", g.ID, true, []place{{1, "广州-小明", 6}, {2, "小红", 5}}},
		{"all time, the group", g.ID, false, []place{{1, "小红", 35}, {2, "广州-小明", 6}}},
		{"all time, every member", 0, false, []place{{1, "小红", 35}, {2, "阿杰", 20}, {3, "小明", 6}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := s.PointLeaderboard(tc.group, tc.month, cst, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []place
			for _, r := range b.Ranks {
				got = append(got, place{r.Rank, r.Name, r.Points})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("board %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("board %+v, want %+v", got, tc.want)
					break
				}
			}
		})
	}
	// Ties share a rank; spending on a redemption does not lower a standing.
	if _, err := s.AddPoints(PointDraft{MemberID: ms[0].ID, Reason: points.Help, Amount: 14, Note: "解答了很多"}); err != nil {
		t.Fatal(err)
	}
	if _, err := writePoints(s.db, PointEntry{MemberID: ms[2].ID, Amount: -15, Reason: points.Redeem, At: testNow}); err != nil {
		t.Fatal(err)
	}
	b, err := s.PointLeaderboard(0, true, cst, 2)
	if err != nil || len(b.Ranks) != 2 || b.Ranks[0].Rank != 1 || b.Ranks[1].Rank != 1 || b.Ranks[1].Points != 20 {
		t.Fatalf("tied board = %+v, %v", b.Ranks, err)
	}
	from, to := MonthBounds(testNow, cst)
	if !b.From.Equal(from) || !b.To.Equal(to) || from.In(cst).Day() != 1 || to.Sub(from) != 30*24*time.Hour {
		t.Errorf("month %v – %v", b.From, b.To)
	}
}

func TestPointStandings(t *testing.T) {
	s, g, _ := listFixture(t)
	ss, err := s.PointStandings(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].Name != "小红" || ss[0].Balance != 35 || ss[1].Name != "广州-小明" || ss[1].Balance != 6 || ss[1].Earned != 6 {
		t.Errorf("standings %+v", ss)
	}
	all, err := s.AllPointEntries()
	if err != nil || len(all) != 7 || all[0].Amount != 10 || all[0].Name != "小明" {
		t.Errorf("all entries %+v, %v", all, err)
	}
}
