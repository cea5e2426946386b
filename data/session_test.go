package data

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
)

// sessionFixture is a group and three members: the speaker 小明, and 小红, 小刚.
func sessionFixture(t *testing.T) (s *Store, now *time.Time, g Group, a, b, c Member) {
	t.Helper()
	s, now = requestStore(t)
	g, a, b, _ = requestFixture(t, s)
	c = saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "小刚"})
	return s, now, g, a, b, c
}

var sessionLoc = time.FixedZone("CST", 8*3600)

func tomorrowAt(now time.Time, hhmm string) string {
	return now.In(sessionLoc).AddDate(0, 0, 1).Format(DateLayout) + " " + hhmm
}

func createSession(t *testing.T, s *Store, g Group, d SessionDraft) ShareSession {
	t.Helper()
	if d.How == "" {
		d.How = SessionVoice
	}
	ss, err := s.CreateSession(g.ID, d, sessionLoc)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func TestCreateSessionRefusals(t *testing.T) {
	s, now, g, a, _, _ := sessionFixture(t)
	when := tomorrowAt(*now, "20:00")
	for _, tc := range []struct {
		name  string
		d     SessionDraft
		field string
		msg   string
	}{
		{"no topic", SessionDraft{SpeakerID: a.ID, StartsAt: when, How: SessionVoice}, "topic", "主题不能为空"},
		{"blank topic", SessionDraft{Topic: "  ", SpeakerID: a.ID, StartsAt: when, How: SessionVoice}, "topic", "主题不能为空"},
		{"long topic", SessionDraft{Topic: strings.Repeat("卡", 101), SpeakerID: a.ID, StartsAt: when, How: SessionVoice}, "topic", "最多 100 个字"},
		{"no speaker", SessionDraft{Topic: "点券怎么充最划算", StartsAt: when, How: SessionVoice}, "speaker", "主讲人"},
		{"speaker gone", SessionDraft{Topic: "点券", SpeakerID: 999, StartsAt: when, How: SessionVoice}, "speaker", "不在成员列表"},
		{"no time", SessionDraft{Topic: "点券", SpeakerID: a.ID, How: SessionVoice}, "time", "时间不能为空"},
		{"date only", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: "2026-12-30", How: SessionVoice}, "time", "几点几分"},
		{"garbled", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: "明晚 8:00", How: SessionVoice}, "time", "格式不对"},
		{"past", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: "2026-01-01 20:00", How: SessionVoice}, "time", "已经过去"},
		{"next year typo", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: "2036-01-01 20:00", How: SessionVoice}, "time", "一年以后"},
		{"duration", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: when, Minutes: "5", How: SessionVoice}, "minutes", "10–480"},
		{"no way to join", SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: when}, "how", "参加方式"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.CreateSession(g.ID, tc.d, sessionLoc)
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tc.field) == nil || !strings.Contains(ve.For(tc.field).Message, tc.msg) {
				t.Errorf("err = %v, want %q at %s", err, tc.msg, tc.field)
			}
		})
	}
	if ss, _ := s.Sessions(g.ID, ""); len(ss) != 0 {
		t.Fatalf("refused sessions were saved: %+v", ss)
	}
	ss := createSession(t, s, g, SessionDraft{Topic: "点券怎么充最划算", SpeakerID: a.ID, StartsAt: strings.Replace(when, ":", "：", 1), Minutes: "90"})
	want := time.Date(now.In(sessionLoc).Year(), now.In(sessionLoc).Month(), now.In(sessionLoc).Day()+1, 20, 0, 0, 0, sessionLoc)
	if !ss.StartsAt.Equal(want) || ss.Minutes != 90 || ss.State != SessionPlanning || ss.SpeakerName() != "广州-小明" {
		t.Fatalf("saved = %+v", ss)
	}
}

func TestSessionStateMoves(t *testing.T) {
	s, now, g, a, b, _ := sessionFixture(t)
	ss := createSession(t, s, g, SessionDraft{Topic: "影视会员合租避坑", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	for _, tc := range []struct {
		name     string
		from, to SessionState
		ok       bool
	}{
		{"end before publishing", SessionPlanning, SessionEnded, false},
		{"from a stale state", SessionPublished, SessionEnded, false},
		{"publish", SessionPlanning, SessionPublished, true},
		{"publish twice", SessionPlanning, SessionPublished, false},
		{"back to planning", SessionPublished, SessionPlanning, false},
		{"end", SessionPublished, SessionEnded, true},
		{"end twice", SessionPublished, SessionEnded, false},
	} {
		err := s.MoveSession(ss.ID, tc.from, tc.to)
		if tc.ok != (err == nil) || (!tc.ok && !errors.Is(err, ErrSessionMoved)) {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
	got, _ := s.SessionByID(ss.ID)
	if got.State != SessionEnded || got.PublishedAt == nil || got.EndedAt == nil {
		t.Fatalf("after the moves: %+v", got)
	}
	if _, err := s.UpdateSession(ss.ID, SessionDraft{Topic: "x", SpeakerID: b.ID, StartsAt: tomorrowAt(*now, "21:00"), How: SessionText}, sessionLoc); !errors.Is(err, ErrSessionMoved) {
		t.Errorf("an ended session was edited: %v", err)
	}
	if err := s.DeleteSession(ss.ID); !errors.Is(err, ErrSessionMoved) {
		t.Errorf("an ended session was deleted: %v", err)
	}
	if err := s.SetSessionSummary(ss.ID, "合租要选能开发票的平台；到期前一周续费。"); err != nil {
		t.Fatal(err)
	}
	if found, _ := s.Sessions(g.ID, "发票"); len(found) != 1 {
		t.Errorf("the summary is not searchable: %+v", found)
	}
	if found, _ := s.Sessions(g.ID, "hzbk"); len(found) != 1 { // 合租避坑 by its initials
		t.Errorf("the topic's initials do not find it: %+v", found)
	}
	if found, _ := s.Sessions(g.ID, "点券"); len(found) != 0 {
		t.Errorf("an unrelated search found it: %+v", found)
	}
}

func TestUpdateAndDeleteSession(t *testing.T) {
	s, now, g, a, b, _ := sessionFixture(t)
	ss := createSession(t, s, g, SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	got, err := s.UpdateSession(ss.ID, SessionDraft{Topic: "点券怎么充最划算", SpeakerID: b.ID, StartsAt: tomorrowAt(*now, "21:30"),
		How: SessionLive, Prepare: "装好王者荣耀"}, sessionLoc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Topic != "点券怎么充最划算" || got.SpeakerID != b.ID || got.How != SessionLive || got.StartsAt.In(sessionLoc).Hour() != 21 {
		t.Fatalf("updated = %+v", got)
	}
	// Once its time has passed, the session keeps its time through an edit.
	*now = got.StartsAt.Add(10 * time.Minute)
	if _, err := s.UpdateSession(ss.ID, SessionDraft{Topic: "点券充值", SpeakerID: b.ID, StartsAt: tomorrowAt(now.AddDate(0, 0, -1), "21:30"), How: SessionLive}, sessionLoc); err != nil {
		t.Errorf("keeping a past start time was refused: %v", err)
	}
	if err := s.DeleteSession(ss.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Sessions(0, ""); len(all) != 0 {
		t.Fatalf("not deleted: %+v", all)
	}
}

func TestSessionsOrderUpcomingThenKnowledgeBase(t *testing.T) {
	s, now, g, a, _, _ := sessionFixture(t)
	later := createSession(t, s, g, SessionDraft{Topic: "后天", SpeakerID: a.ID, StartsAt: now.In(sessionLoc).AddDate(0, 0, 2).Format(DateLayout) + " 20:00"})
	sooner := createSession(t, s, g, SessionDraft{Topic: "明天", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	old1 := createSession(t, s, g, SessionDraft{Topic: "早的", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "08:00")})
	old2 := createSession(t, s, g, SessionDraft{Topic: "晚的", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "10:00")})
	for _, id := range []uint{old1.ID, old2.ID} {
		mustMove(t, s, id, SessionPlanning, SessionPublished)
		mustMove(t, s, id, SessionPublished, SessionEnded)
	}
	ss, err := s.Sessions(g.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []uint
	for _, x := range ss {
		got = append(got, x.ID)
	}
	want := []uint{sooner.ID, later.ID, old2.ID, old1.ID}
	if len(got) != 4 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Fatalf("order = %v, want %v", got, want)
	}
}

func mustMove(t *testing.T, s *Store, id uint, from, to SessionState) {
	t.Helper()
	if err := s.MoveSession(id, from, to); err != nil {
		t.Fatal(err)
	}
}

func TestAwardSessionPaysOnce(t *testing.T) {
	s, now, g, a, b, c := sessionFixture(t)
	if err := s.SetPointAmount(points.Attend, 3); err != nil {
		t.Fatal(err)
	}
	ss := createSession(t, s, g, SessionDraft{Topic: "点券怎么充最划算", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	if err := s.AddSessionAttendees(ss.ID, []uint{b.ID}); err == nil {
		t.Error("attendees recorded while the session is still 筹备中")
	}
	mustMove(t, s, ss.ID, SessionPlanning, SessionPublished)
	// The speaker is among the attendees too: they get the speaker's points only.
	if err := s.AddSessionAttendees(ss.ID, []uint{b.ID, a.ID, b.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AwardSession(ss.ID); err == nil {
		t.Fatal("points given before the session ended")
	} else if ve, ok := err.(ValidationError); !ok || ve.For("state") == nil {
		t.Fatalf("err = %v, want a refusal at state", err)
	}
	mustMove(t, s, ss.ID, SessionPublished, SessionEnded)

	type paid struct {
		member uint
		reason points.Reason
		amount int64
	}
	for _, step := range []struct {
		name    string
		add     []uint // attendees recorded before the press
		paid    []paid
		already int
	}{
		{"first press", nil, []paid{{a.ID, points.Speak, 20}, {b.ID, points.Attend, 3}}, 0},
		{"second press pays nobody", nil, nil, 2},
		{"a late attendee", []uint{c.ID}, []paid{{c.ID, points.Attend, 3}}, 2},
		{"third press", nil, nil, 3},
	} {
		if len(step.add) > 0 {
			if err := s.AddSessionAttendees(ss.ID, step.add); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.AwardSession(ss.ID)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if len(got.Paid) != len(step.paid) || got.Already != step.already {
			t.Fatalf("%s: paid %+v, already %d", step.name, got.Paid, got.Already)
		}
		for i, p := range step.paid {
			e := got.Paid[i]
			if e.MemberID != p.member || e.Reason != p.reason || e.Amount != p.amount || e.LinkKind != LinkSession || *e.LinkID != ss.ID {
				t.Errorf("%s: entry %d = %+v, want %+v", step.name, i, e, p)
			}
		}
	}
	for _, want := range []struct {
		m Member
		n int64
	}{{a, 20}, {b, 3}, {c, 3}} {
		if bal, _ := s.PointBalance(want.m.ID); bal.Balance != want.n {
			t.Errorf("%s has %d, want %d", want.m.Nickname, bal.Balance, want.n)
		}
	}
	if bad, _ := s.CheckPointBalances(); len(bad) != 0 {
		t.Errorf("balances off the ledger: %+v", bad)
	}
	paidBy, _ := s.SessionPaid(ss.ID)
	if len(paidBy) != 3 {
		t.Errorf("paid = %+v", paidBy)
	}
	if err := s.RemoveSessionAttendee(ss.ID, b.ID); err == nil {
		t.Error("a paid attendee was removed")
	}
}

func TestAwardSessionAllOrNothing(t *testing.T) {
	s, now, g, a, b, c := sessionFixture(t)
	ss := createSession(t, s, g, SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	mustMove(t, s, ss.ID, SessionPlanning, SessionPublished)
	if err := s.AddSessionAttendees(ss.ID, []uint{b.ID, c.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSessionAttendee(ss.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	mustMove(t, s, ss.ID, SessionPublished, SessionEnded)
	// An amount the ledger refuses (a setting written past its bounds) stops the whole
	// award: the speaker is not paid either.
	if err := setSetting(s.db, settingPointAmount+string(points.Attend), "200000"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AwardSession(ss.ID); err == nil {
		t.Fatal("an award over the limit was written")
	}
	if es, _ := s.PointsForDeed(LinkSession, ss.ID); len(es) != 0 {
		t.Fatalf("a refused award wrote %+v", es)
	}
	got, _ := s.SessionByID(ss.ID)
	if len(got.Attendees) != 1 || got.AttendeeNames()[0] != "小红" {
		t.Errorf("attendees = %+v", got.Attendees)
	}
}

func TestSessionAgendaLines(t *testing.T) {
	s, now, g, a, b, _ := sessionFixture(t)
	soon := createSession(t, s, g, SessionDraft{Topic: "明晚的", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	createSession(t, s, g, SessionDraft{Topic: "三天后", SpeakerID: a.ID, StartsAt: now.In(sessionLoc).AddDate(0, 0, 3).Format(DateLayout) + " 20:00"})
	held := createSession(t, s, g, SessionDraft{Topic: "已讲完", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "09:00")})
	mustMove(t, s, held.ID, SessionPlanning, SessionPublished)
	if err := s.AddSessionAttendees(held.ID, []uint{b.ID}); err != nil {
		t.Fatal(err)
	}
	mustMove(t, s, held.ID, SessionPublished, SessionEnded)

	ag, err := s.Agenda(g.ID, *now, sessionLoc)
	if err != nil {
		t.Fatal(err)
	}
	if ag.SessionsSoon.Count != 1 || ag.SessionsSoon.IDs[0] != soon.ID || !strings.Contains(ag.SessionsSoon.Names[0], "明天 20:00「明晚的」（还没发布）") {
		t.Errorf("soon = %+v", ag.SessionsSoon)
	}
	if ag.SessionsUnpaid.Count != 1 || ag.SessionsUnpaid.IDs[0] != held.ID {
		t.Errorf("unpaid = %+v", ag.SessionsUnpaid)
	}
	if _, err := s.AwardSession(held.ID); err != nil {
		t.Fatal(err)
	}
	ag, _ = s.Agenda(g.ID, *now, sessionLoc)
	if ag.SessionsUnpaid.Count != 0 {
		t.Errorf("still unpaid after the award: %+v", ag.SessionsUnpaid)
	}
	// A late attendee puts the session back on the line.
	c := saveMemberDraft(t, s, MemberDraft{QQ: "10009", Nickname: "迟到的"})
	if err := s.AddSessionAttendees(held.ID, []uint{c.ID}); err != nil {
		t.Fatal(err)
	}
	if ag, _ = s.Agenda(g.ID, *now, sessionLoc); ag.SessionsUnpaid.Count != 1 {
		t.Errorf("a late attendee's points are not asked for: %+v", ag.SessionsUnpaid)
	}
}

func TestSpeakerIsKeptFromDeletion(t *testing.T) {
	s, now, g, a, _, _ := sessionFixture(t)
	createSession(t, s, g, SessionDraft{Topic: "点券", SpeakerID: a.ID, StartsAt: tomorrowAt(*now, "20:00")})
	err := s.DeleteMember(a.ID)
	var ve ValidationError
	if !errors.As(err, &ve) || !strings.Contains(ve.For("member").Message, "1 场分享会主讲") {
		t.Errorf("err = %v", err)
	}
}
