package data

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// sessionBenchStore is a group with 300 members and 500 held sessions (about ten years
// of weekly sessions) of 30 attendees each: 15,000 attendee rows.
func sessionBenchStore(b *testing.B) (*Store, Group, []Member, []ShareSession) {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), DatabaseFile), WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	g := Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		b.Fatal(err)
	}
	var ms []Member
	for i := range 300 {
		m := Member{QQ: fmt.Sprint(100000 + i), Nickname: fmt.Sprint("成员", i), Memberships: []Membership{{GroupID: g.ID}}}
		if err := s.SaveMember(&m); err != nil {
			b.Fatal(err)
		}
		ms = append(ms, m)
	}
	topics := []string{"点券怎么充最划算", "影视会员合租避坑", "话费券叠加", "新人找资源", "置换区怎么用"}
	var ss []ShareSession
	for i := range 500 {
		when := testNow.Add(time.Duration(i+1) * time.Hour).In(time.UTC).Format(DateMinLayout)
		x, err := s.CreateSession(g.ID, SessionDraft{Topic: fmt.Sprintf("%s 第%d期", topics[i%len(topics)], i), SpeakerID: ms[i%len(ms)].ID,
			StartsAt: when, How: SessionVoice, Description: "讲讲资源怎么用"}, time.UTC)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.MoveSession(x.ID, SessionPlanning, SessionPublished); err != nil {
			b.Fatal(err)
		}
		ids := make([]uint, 30)
		for k := range ids {
			ids[k] = ms[(i*7+k)%len(ms)].ID
		}
		if err := s.AddSessionAttendees(x.ID, ids); err != nil {
			b.Fatal(err)
		}
		if i%10 != 0 { // a tenth stay 已发布: the upcoming ones
			if err := s.MoveSession(x.ID, SessionPublished, SessionEnded); err != nil {
				b.Fatal(err)
			}
		}
		ss = append(ss, x)
	}
	return s, g, ms, ss
}

// BenchmarkSessions500 lists a group's 500 sessions with speakers and 15,000
// attendees, as the 分享会 screen does on every show, and searches them, as each
// keystroke in its search box does.
func BenchmarkSessions500(b *testing.B) {
	s, g, _, _ := sessionBenchStore(b)
	for _, q := range []string{"", "hzbk"} {
		b.Run("query="+q, func(b *testing.B) {
			n := 0
			for b.Loop() {
				ss, err := s.Sessions(g.ID, q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ss)
			}
			b.ReportMetric(float64(n), "sessions")
		})
	}
}

// BenchmarkAwardSession pays a session's speaker and 30 attendees in one transaction,
// once per session, as 「给主讲人和参加者发积分」 does.
func BenchmarkAwardSession(b *testing.B) {
	s, _, _, ss := sessionBenchStore(b)
	i := 0
	for b.Loop() {
		for ss[i%len(ss)].ID%10 == 1 { // still 已发布
			i++
		}
		if _, err := s.AwardSession(ss[i%len(ss)].ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
