package data

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
)

// talentMonthFixture is November 2026 (China time) of a group with known answer:
//
//	广州-小明  分享资源 2 (a third reversed, a fourth on 31 Oct, a fifth in another group), 帮助解答 1  → 23
//	小刚  完成置换 1 (a cancelled deal and one of another group left out), 帮助解答 2           → 11
//	阿杰  帮助解答 3, awarded without a group, seated in the group                           →  9, 3 deeds
//	小红  完成置换 1 (the award for it is the same deed), 分享体验 1 (likewise; a second shared
//	      on 1 Dec left out)                                                                  →  9, 2 deeds
//	路人  帮助解答 1 without a group, not seated in the group                                  →  left out
func talentMonthFixture(t *testing.T) (s *Store, now *time.Time, g Group, want []string, ids map[string]uint) {
	t.Helper()
	s, now = requestStore(t)
	g, ming, hong, _ := requestFixture(t, s)
	other := Group{Name: "别的群", Number: "987654321"}
	if err := s.SaveGroup(&other); err != nil {
		t.Fatal(err)
	}
	gang := saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "小刚"})
	jie := saveMemberDraft(t, s, MemberDraft{QQ: "10004", Nickname: "阿杰",
		Memberships: []MembershipDraft{{GroupID: g.ID}}})
	passer := saveMemberDraft(t, s, MemberDraft{QQ: "10005", Nickname: "路人"})
	ids = map[string]uint{"小明": ming.ID, "小红": hong.ID, "小刚": gang.ID, "阿杰": jie.ID, "路人": passer.ID}

	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, cst).UTC()
	}
	award := func(when time.Time, m Member, r points.Reason, gid *uint, kind string, link *uint) PointEntry {
		t.Helper()
		*now = when
		e, err := s.AddPoints(PointDraft{MemberID: m.ID, GroupID: gid, Reason: r, Amount: r.DefaultAmount(), LinkKind: kind, LinkID: link})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	gid, oid := &g.ID, &other.ID
	award(at(11, 3, 10, 0), ming, points.ShareResource, gid, "", nil)
	award(at(11, 30, 23, 59), ming, points.ShareResource, gid, "", nil)
	wrong := award(at(11, 12, 9, 0), ming, points.ShareResource, gid, "", nil)
	*now = at(11, 13, 9, 0)
	if _, err := s.ReversePoints(wrong.ID, "记错了"); err != nil {
		t.Fatal(err)
	}
	award(at(10, 31, 23, 30), ming, points.ShareResource, gid, "", nil)
	award(at(11, 5, 8, 0), ming, points.ShareResource, oid, "", nil)
	award(at(11, 1, 0, 0), ming, points.Help, gid, "", nil)
	award(at(11, 8, 12, 0), gang, points.Help, gid, "", nil)
	award(at(11, 9, 12, 0), gang, points.Help, gid, "", nil)
	for d := 10; d < 13; d++ {
		award(at(11, d, 20, 0), jie, points.Help, nil, "", nil)
	}
	award(at(11, 10, 20, 0), passer, points.Help, nil, "", nil)

	// Swap deals: one completed in November (小红 and 小刚), one cancelled, one of the
	// other group.
	deal := func(gid *uint, st SwapDealState, when time.Time, members ...Member) SwapDeal {
		t.Helper()
		d := SwapDeal{GroupID: gid, State: st, CreatedAt: when.Add(-time.Hour)}
		must(t, s.db.Create(&d).Error)
		for i, m := range members {
			l := SwapListing{GroupID: gid, MemberID: m.ID, HasText: "a", WantText: "b", State: SwapListingDone,
				ExpiresAt: when.Add(time.Hour), CreatedAt: when.Add(-2 * time.Hour)}
			must(t, s.db.Omit("Member", "WantCategory").Create(&l).Error)
			must(t, s.db.Omit("Listing").Create(&SwapDealListing{DealID: d.ID, ListingID: l.ID, MemberID: m.ID, Position: i}).Error)
		}
		must(t, s.db.Create(&SwapDealEvent{DealID: d.ID, From: SwapDealMediating, To: st, At: when}).Error)
		return d
	}
	done := deal(gid, SwapDealCompleted, at(11, 20, 15, 0), hong, gang)
	deal(gid, SwapDealCancelled, at(11, 21, 15, 0), ming, jie)
	deal(oid, SwapDealCompleted, at(11, 22, 15, 0), gang, jie)
	award(at(11, 20, 16, 0), hong, points.Swap, gid, LinkSwapDeal, &done.ID)

	// Two blind boxes whose winner 小红 shared on 30 Nov and on 1 Dec.
	var draws []BlindBoxDraw
	for i, shared := range []time.Time{at(11, 30, 22, 0), at(12, 1, 0, 30)} {
		box := BlindBox{GroupID: gid, Title: "盲盒", Winners: 1, State: BoxDrawn, OpensAt: at(11, 1, 0, 0), ClosesAt: at(11, 10, 0, 0), ShareDays: 7}
		must(t, s.db.Omit("Items").Create(&box).Error)
		e := BlindBoxEntry{BoxID: box.ID, MemberID: hong.ID, Demand: "x", Number: 1, EnteredAt: at(11, 2, 0, 0)}
		must(t, s.db.Omit("Member").Create(&e).Error)
		d := BlindBoxDraw{BoxID: box.ID, Seq: 1, EntryID: e.ID, DrawnAt: at(11, 11, i, 0), ShareDue: at(11, 18, 0, 0), SharedAt: &shared}
		must(t, s.db.Omit("Entry").Create(&d).Error)
		draws = append(draws, d)
	}
	award(at(11, 30, 22, 5), hong, points.ShareExperience, gid, LinkBlindBoxDraw, &draws[0].ID)
	*now = at(12, 2, 9, 0)

	want = []string{"1.广州-小明 23 分享资源 2 次（20 分）、帮助解答 1 次（3 分）",
		"2.小刚 11 完成置换 1 次（5 分）、帮助解答 2 次（6 分）",
		"3.阿杰 9 帮助解答 3 次（9 分） 同分，事迹总数更多排前",
		"4.小红 9 完成置换 1 次（5 分）、分享体验 1 次（4 分） 同分，事迹总数更多排前"}
	return s, now, g, want, ids
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func standingLines(ss []talent.Standing) []string {
	var out []string
	for _, st := range ss {
		l := strings.Join([]string{strconv.Itoa(st.Rank) + "." + st.Name, strconv.Itoa(st.Score), st.Contributions()}, " ")
		if n := st.TieNote(); n != "" {
			l += " " + n
		}
		out = append(out, l)
	}
	return out
}

func TestProposeTalentFixedMonth(t *testing.T) {
	s, _, g, want, _ := talentMonthFixture(t)
	nov := talent.Month{Year: 2026, Month: time.November}
	p, err := s.ProposeTalent(g.ID, nov, cst)
	if err != nil {
		t.Fatal(err)
	}
	if got := standingLines(p.Standings); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ranking:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !p.Over || p.Confirmed != nil {
		t.Errorf("over %v, confirmed %v", p.Over, p.Confirmed)
	}
	// Other weights re-rank the same evidence: only swaps and shared experiences count.
	w := talent.Weights{talent.Swap: 5, talent.ShareExperience: 4}
	got := standingLines(talent.Rank(p.Evidence, w))
	if len(got) != 2 || got[0] != "1.小红 9 完成置换 1 次（5 分）、分享体验 1 次（4 分）" || !strings.HasPrefix(got[1], "2.小刚 5 ") {
		t.Errorf("re-ranked: %q", got)
	}
	// December so far has the share of 1 Dec only.
	dec, err := s.ProposeTalent(g.ID, nov.Next(), cst)
	if err != nil {
		t.Fatal(err)
	}
	if got := standingLines(dec.Standings); len(got) != 1 || got[0] != "1.小红 4 分享体验 1 次（4 分）" {
		t.Errorf("December: %q", got)
	}
}

func TestConfirmTalent(t *testing.T) {
	s, now, g, _, ids := talentMonthFixture(t)
	nov := talent.Month{Year: 2026, Month: time.November}
	w := talent.DefaultWeights()
	refused := func(name string, m talent.Month, winner uint, w talent.Weights, field, msg string) {
		t.Helper()
		_, err := s.ConfirmTalent(g.ID, m, winner, w, cst)
		var ve ValidationError
		if !errors.As(err, &ve) || ve.For(field) == nil || !strings.Contains(ve.For(field).Message, msg) {
			t.Errorf("%s: err = %v, want %q at %s", name, err, msg, field)
		}
	}
	*now = time.Date(2026, 11, 30, 23, 0, 0, 0, cst)
	refused("month not over", nov, ids["小明"], w, "month", "还没有结束")
	*now = time.Date(2026, 12, 2, 9, 0, 0, 0, cst)
	refused("no score", nov, ids["路人"], w, "winner", "没有得分")
	refused("all weights 0", nov, ids["小明"], talent.Weights{}, "weights", "至少要有一项")
	if _, err := s.ConfirmTalent(0, nov, ids["小明"], w, cst); err == nil {
		t.Error("confirmed without a group")
	}

	// The owner picks 小刚 with swaps weighed higher: the row keeps those weights.
	w2 := talent.Weights{talent.ShareResource: 10, talent.Swap: 20, talent.Help: 3, talent.ShareExperience: 4, talent.Speak: 6}
	row, err := s.ConfirmTalent(g.ID, nov, ids["小刚"], w2, cst)
	if err != nil {
		t.Fatal(err)
	}
	if row.Month != "2026-11" || row.WinnerName != "小刚" || row.Score != 26 || row.Weights != w2.Encode() {
		t.Errorf("row %+v", row)
	}
	places := row.Places()
	if len(places) != 3 || places[0].Name != "小刚" || places[1].Name != "小红" || places[2].Name != "广州-小明" ||
		places[1].Contributions() != "完成置换 1 次（20 分）、分享体验 1 次（4 分）" {
		t.Errorf("places %+v", places)
	}
	until := time.Date(2027, 1, 1, 0, 0, 0, 0, cst)
	var badges []MemberBadge
	must(t, s.db.Where("member_id = ?", ids["小刚"]).Find(&badges).Error)
	if len(badges) != 1 || badges[0].Name != "资源达人" || badges[0].Source != BadgeFromTalent ||
		*badges[0].SourceID != row.ID || !badges[0].ExpiresAt.Equal(until) {
		t.Errorf("badges %+v", badges)
	}
	pri, err := s.ActivePriorities()
	if err != nil || len(pri) != 1 || !pri[ids["小刚"]].Equal(until) {
		t.Errorf("priorities %v, %v", pri, err)
	}
	if got, _ := s.TalentWeights(); got.Encode() != w2.Encode() {
		t.Errorf("weights kept %v", got)
	}
	refused("again", nov, ids["小明"], w, "month", "已经确认过了")
	if p, _ := s.ProposeTalent(g.ID, nov, cst); p.Confirmed == nil || p.Confirmed.ID != row.ID {
		t.Errorf("proposal after confirming: %+v", p.Confirmed)
	}
	hist, err := s.TalentHistory(g.ID)
	if err != nil || len(hist) != 1 || hist[0].ID != row.ID {
		t.Errorf("history %v %v", hist, err)
	}
	// October ended long ago: its reward month (November) is over too.
	refused("too late", nov.Prev(), ids["小明"], w, "month", "奖励期")
}
