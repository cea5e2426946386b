package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A session tomorrow is on 今日 to copy its reminder; once held and ended, it stays
// there until its speaker has their points, and each button opens it in 分享会.
func TestHomeListsSessionsSoonAndUnpaid(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	m, err := data.MemberDraft{QQ: "10001", Nickname: "小明", Memberships: []data.MembershipDraft{{GroupID: g.ID}}}.Parse(e.Loc)
	if err == nil {
		err = e.Store.SaveMember(&m)
	}
	if err != nil {
		t.Fatal(err)
	}
	x, err := e.Store.CreateSession(g.ID, data.SessionDraft{Topic: "点券怎么充", SpeakerID: m.ID, StartsAt: "2026-11-27 20:00",
		How: data.SessionVoice}, uitest.Loc)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Store.MoveSession(x.ID, data.SessionPlanning, data.SessionPublished); err != nil {
		t.Fatal(err)
	}
	planned, err := e.Store.CreateSession(g.ID, data.SessionDraft{Topic: "合租避坑", SpeakerID: m.ID, StartsAt: "2026-11-27 21:00",
		How: data.SessionText}, uitest.Loc)
	if err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	got := uifind.LabelTexts(sh.today.lines)
	if !strings.Contains(got, "分享会明天 20:00「点券怎么充」：开始前把提醒帖复制到群里") ||
		!strings.Contains(got, "分享会明天 21:00「合租避坑」还没发布：先发布，把预告复制到群里") {
		t.Fatalf("今日 shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去发布"))
	if sh.shown != sh.sessionsArea || sh.sessions.Selected() != planned.ID || sh.sessions.PublishButton.Disabled() {
		t.Fatalf("去发布 should open the planned session; selected %d", sh.sessions.Selected())
	}
	if err := e.Store.DeleteSession(planned.ID); err != nil {
		t.Fatal(err)
	}
	sh.show(sh.home)
	test.Tap(uifind.FindButton(sh.today.lines, "去复制提醒"))
	if sh.shown != sh.sessionsArea || sh.sessions.Selected() != x.ID || sh.sessions.ReminderButton.Disabled() {
		t.Fatalf("去复制提醒 should open the session; shown %v, selected %d", sh.shown.title, sh.sessions.Selected())
	}
	if err := e.Store.MoveSession(x.ID, data.SessionPublished, data.SessionEnded); err != nil {
		t.Fatal(err)
	}
	sh.show(sh.home)
	got = uifind.LabelTexts(sh.today.lines)
	if strings.Contains(got, "提醒帖") || !strings.Contains(got, "分享会「点券怎么充」已结束，主讲人或参加者还没拿到积分") {
		t.Fatalf("今日 after ending shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去发积分"))
	if sh.shown != sh.sessionsArea || sh.sessions.AwardButton.Disabled() {
		t.Fatal("去发积分 should open the session with 发积分 enabled")
	}
	if _, err := e.Store.AwardSession(x.ID); err != nil {
		t.Fatal(err)
	}
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); strings.Contains(got, "点券怎么充") {
		t.Fatalf("a paid session is still on 今日: %q", got)
	}
}
