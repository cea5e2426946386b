package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func sessionSample() data.ShareSession {
	gid := group.ID
	speaker := &data.Member{ID: 7, QQ: "2851234567", Nickname: "小明",
		Memberships: []data.Membership{{MemberID: 7, GroupID: gid, CardName: "广州-小明"}}}
	return data.ShareSession{ID: 3, GroupID: &gid, Topic: "点券怎么充最划算", SpeakerID: 7, Speaker: speaker,
		StartsAt: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), Minutes: 60, How: data.SessionVoice,
		Description: "官方充值、代充和活动返利怎么比价，哪些渠道容易被封号。",
		Prepare:     "想充的游戏和大概的金额；有问题的可以把截图（卡号 2851234567 这种请打码）先发群里。",
		State:       data.SessionPublished}
}

func TestSessionGolden(t *testing.T) {
	pts := SessionAmounts{Attend: 2, Speak: 20}
	known := []string{"2851234567"}
	s := sessionSample()
	bare := s
	bare.Description, bare.Prepare, bare.How = "", "", data.SessionText
	held := s
	held.State, held.Summary = data.SessionEnded, "1. 官方活动日充值返利最高；\n2. 代充只找群里担保过的；\n3. 别把账号密码发给任何人。"
	held.Attendees = []data.ShareSessionAttendee{{MemberID: 7}, {MemberID: 8}, {MemberID: 9}}
	for _, tt := range []struct{ name, got string }{
		{"session_notice", SessionNotice(group, s, pts, cst, known)},
		{"session_notice_bare", SessionNotice(group, bare, pts, cst, known)},
		{"session_reminder_today", SessionReminder(group, s, pts, time.Date(2026, 11, 28, 17, 30, 0, 0, cst), cst, known)},
		{"session_reminder_soon", SessionReminder(group, s, pts, time.Date(2026, 11, 28, 19, 45, 0, 0, cst), cst, known)},
		{"session_reminder_tomorrow", SessionReminder(group, bare, pts, fixedNow.AddDate(0, 0, 1), cst, known)},
		{"session_recap", SessionRecap(group, held, pts, cst, known)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if strings.ContainsAny(tt.got, "()?!,;") || strings.Contains(tt.got, "2851234567") {
				t.Errorf("half-width punctuation or a full QQ number in %q", tt.got)
			}
			assertGolden(t, tt.name, tt.got)
		})
	}
}

func TestBuildSessionPost(t *testing.T) {
	pts := SessionAmounts{Attend: 2, Speak: 20}
	for _, kind := range []data.PostKind{data.PostSessionNotice, data.PostSessionReminder, data.PostSessionRecap} {
		b := BuildSessionPost(kind, group, sessionSample(), pts, fixedNow, cst, nil)
		if b.Kind != kind || *b.GroupID != group.ID || len(b.Parts) != 1 || !strings.Contains(b.Text, kind.Label()) {
			t.Errorf("%s: %+v", kind, b)
		}
	}
}
