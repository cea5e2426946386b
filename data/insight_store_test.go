package data

import (
	"math"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/insight"
	"github.com/qunhuo/qunhuo/data/points"
)

func cstAt(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, insight.China)
}

// insightFixture is a group of five seats, a second group, and chat in both; testNow is
// Thursday 26 November 18:00 China time, so "this week" starts Monday 23 November.
func insightFixture(t *testing.T, s *Store) (g, other Group, ids map[string]uint) {
	t.Helper()
	g, other = Group{Name: "王者卡盟1群", Number: "123456"}, Group{Name: "二群", Number: "654321"}
	for _, gr := range []*Group{&g, &other} {
		if err := s.SaveGroup(gr); err != nil {
			t.Fatal(err)
		}
	}
	left := cstAt(11, 18, 0, 0)
	spoke := time.Date(2026, 10, 1, 10, 0, 0, 0, time.UTC)
	ids = map[string]uint{}
	for _, m := range []struct {
		qq, name string
		role     Role
		left     *time.Time
		spoke    *time.Time
	}{
		{"10001", "群主", RoleOwner, nil, nil},
		{"10002", "管理员", RoleAdmin, nil, nil},
		{"20001", "小明", RoleMember, nil, nil},
		{"20002", "小红", RoleMember, &left, nil},
		{"20003", "小刚", RoleMember, nil, &spoke},
	} {
		mm := Member{QQ: m.qq, Nickname: m.name, Memberships: []Membership{{GroupID: g.ID, Role: m.role, LeftOn: m.left, LastSpokeAt: m.spoke}}}
		if err := s.db.Create(&mm).Error; err != nil {
			t.Fatal(err)
		}
		ids[m.qq] = mm.ID
	}
	msg := func(at time.Time, qq, name, text string, mentions ...string) insight.Message {
		return insight.Message{At: at, SenderQQ: qq, SenderName: name, Text: text, Mentions: mentions}
	}
	chat := []insight.Message{
		msg(cstAt(11, 17, 10, 0), "20001", "小明", "求王者点券"),
		msg(cstAt(11, 17, 10, 20), "10002", "管理员", "@小明 有", "小明"),
		msg(cstAt(11, 17, 11, 0), "20002", "小红", "好的"),
		msg(cstAt(11, 24, 9, 0), "10001", "群主", "【上新】优酷月卡"),
		msg(cstAt(11, 24, 9, 10), "20001", "小明", "要"),
		msg(cstAt(11, 24, 9, 20), "30001", "路人", "我也要"),
		{At: cstAt(11, 24, 9, 30), SenderQQ: "10000", SenderName: "系统消息", System: true, Text: "小李加入本群"},
		msg(cstAt(11, 24, 10, 30), "20001", "小明", "有没有腾讯"),
	}
	if err := s.SeedChat(g.ID, "1群.txt", chat); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedChat(other.ID, "2群.txt", []insight.Message{msg(cstAt(11, 24, 9, 0), "20003", "小刚", "二群说话")}); err != nil {
		t.Fatal(err)
	}
	// An import still running: its messages count nowhere yet.
	if err := s.SeedChat(g.ID, "正在导入.txt", []insight.Message{msg(cstAt(11, 24, 12, 0), "20003", "小刚", "还在导入")}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Model(&ChatImport{}).Where("file_name = ?", "正在导入.txt").Update("state", ChatImportRunning).Error; err != nil {
		t.Fatal(err)
	}
	return g, other, ids
}

func TestLoadInsight(t *testing.T) {
	s := newTestStore(t)
	g, _, _ := insightFixture(t, s)
	in, err := s.LoadInsight(g.ID, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if in.ChatMessages != 8 || !in.ChatFrom.Equal(cstAt(11, 17, 10, 0)) || !in.ChatTo.Equal(cstAt(11, 24, 10, 30)) {
		t.Errorf("chat span: %d %v %v", in.ChatMessages, in.ChatFrom, in.ChatTo)
	}
	if len(in.Report.Weeks) != InsightWeeks || len(in.App) != InsightWeeks {
		t.Fatalf("%d weeks, %d app weeks", len(in.Report.Weeks), len(in.App))
	}
	this, last := in.Report.This(), in.Report.Last()
	// This week: 群主, 小明 ×2, 路人 = 4 messages by 3; seats at the week's end: all but
	// 小红 (left) = 4, plus 路人 = 5. The post at 9:00 had 小明 and 路人 within the hour.
	// The running import's and the other group's messages are not counted.
	if this.Messages != 4 || this.Active != 3 || this.Members != 5 || this.Rate != 0.6 ||
		this.Requests != 1 || this.Answered != 0 || this.Posts != 1 || this.Engagement != 2 || this.Joins != 1 {
		t.Errorf("this week %+v", this)
	}
	// Last week: 小明, 管理员, 小红 = 3 by 3; seats: 4, plus 小红 who left but spoke = 5.
	// 小明's 求 answered by the admin's @ after 20 minutes.
	if last.Messages != 3 || last.Active != 3 || last.Members != 5 || last.Rate != 0.6 ||
		last.Requests != 1 || last.Answered != 1 || last.MedianResponse != 20*time.Minute || last.WithinHour != 1 {
		t.Errorf("last week %+v", last)
	}
	// 小刚 last spoke on 1 October 10:00 UTC by the QQ list: 56 days to 26 November 10:00.
	if len(in.Report.Silent) != 1 || in.Report.Silent[0].QQ != "20003" || in.Report.Silent[0].Days != 56 {
		t.Errorf("silent %+v", in.Report.Silent)
	}
	if len(in.Report.Top) != 3 || in.Report.Top[0].QQ != "20001" || in.Report.Top[0].Messages != 2 || in.Report.Top[0].Name != "小明" {
		t.Errorf("top %+v", in.Report.Top)
	}
}

func TestLoadInsightWithoutChat(t *testing.T) {
	s := newTestStore(t)
	g := Group{Name: "空群", Number: "111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	spoke := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	m := Member{QQ: "20009", Nickname: "老潜水", Memberships: []Membership{{GroupID: g.ID, Role: RoleMember, LastSpokeAt: &spoke}}}
	if err := s.db.Create(&m).Error; err != nil {
		t.Fatal(err)
	}
	in, err := s.LoadInsight(g.ID, testNow)
	if err != nil {
		t.Fatal(err)
	}
	// No chat: the QQ list alone finds the silent member (86 days: 1 September 00:00 to
	// 26 November 10:00 UTC is 86 days and 10 hours); the rate has no speakers.
	if in.ChatMessages != 0 || len(in.Report.Silent) != 1 || in.Report.Silent[0].Days != 86 ||
		in.Report.This().Members != 1 || in.Report.This().Active != 0 || in.Report.This().Rate != 0 {
		t.Errorf("%+v / %+v", in.Report.Silent, in.Report.This())
	}
}

func TestInsightAppWeeks(t *testing.T) {
	s := newTestStore(t)
	g, other, ids := insightFixture(t, s)
	gid, oid := g.ID, other.ID
	mid := ids["20001"]
	resp := func(t time.Time) *time.Time { return &t }
	for _, tk := range []Ticket{
		// This week: one answered in time, one overdue unanswered; last week: one late.
		{GroupID: &gid, MemberID: mid, Category: "other", Description: "x", State: "open", OpenedAt: cstAt(11, 24, 10, 0), DueAt: cstAt(11, 25, 10, 0), FirstResponseAt: resp(cstAt(11, 24, 11, 0))},
		{GroupID: &gid, MemberID: mid, Category: "other", Description: "x", State: "open", OpenedAt: cstAt(11, 24, 12, 0), DueAt: cstAt(11, 25, 12, 0)},
		{GroupID: &gid, MemberID: mid, Category: "other", Description: "x", State: "open", OpenedAt: cstAt(11, 17, 12, 0), DueAt: cstAt(11, 18, 12, 0), FirstResponseAt: resp(cstAt(11, 19, 12, 0))},
		// Still within its promise: not judged yet.
		{GroupID: &gid, MemberID: mid, Category: "other", Description: "x", State: "open", OpenedAt: cstAt(11, 26, 17, 0), DueAt: cstAt(11, 27, 17, 0)},
	} {
		if err := s.db.Create(&tk).Error; err != nil {
			t.Fatal(err)
		}
	}
	for i, st := range []SwapDealState{SwapDealCompleted, SwapDealCancelled} {
		d := SwapDeal{GroupID: &gid, State: st, CreatedAt: cstAt(11, 23, 10, i)}
		if err := s.db.Create(&d).Error; err != nil {
			t.Fatal(err)
		}
		if err := s.db.Create(&SwapDealEvent{DealID: d.ID, From: SwapDealMediating, To: st, At: cstAt(11, 25, 10, 0)}).Error; err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range []struct {
		group   *uint
		entries int
	}{{&gid, 2}, {&oid, 1}} {
		box := BlindBox{GroupID: b.group, Title: "周末盲盒", Winners: 1, OpensAt: cstAt(11, 23, 0, 0), ClosesAt: cstAt(11, 29, 0, 0), State: BoxOpen}
		if err := s.db.Create(&box).Error; err != nil {
			t.Fatal(err)
		}
		for i, who := range []string{"20001", "20003"}[:b.entries] {
			if err := s.db.Create(&BlindBoxEntry{BoxID: box.ID, MemberID: ids[who], Demand: "点券", EnteredAt: cstAt(11, 24, 10, i)}).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range []struct {
		amount int64
		reason points.Reason
	}{{10, points.Help}, {5, points.ShareResource}, {-3, points.Other}, {-20, points.Redeem}, {20, points.Refund}, {3, points.Reversal}} {
		if err := s.db.Create(&PointEntry{MemberID: mid, GroupID: &gid, Amount: p.amount, Reason: p.reason, At: cstAt(11, 25, 9, 0)}).Error; err != nil {
			t.Fatal(err)
		}
	}
	in, err := s.LoadInsight(g.ID, testNow)
	if err != nil {
		t.Fatal(err)
	}
	this, last := in.App[InsightWeeks-1], in.App[InsightWeeks-2]
	want := AppWeek{TicketsJudged: 2, TicketsKept: 1, SwapsDone: 1, BoxEntries: 2, PointsAwarded: 15}
	if this != want {
		t.Errorf("this week %+v, want %+v", this, want)
	}
	if last != (AppWeek{TicketsJudged: 1}) {
		t.Errorf("last week %+v", last)
	}
	if r, ok := this.KeptRate(); !ok || math.Abs(r-0.5) > 1e-9 {
		t.Errorf("kept rate %v %v", r, ok)
	}
}
