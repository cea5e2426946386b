package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
)

// 今日 shows this week's interaction rate against last week's and the silent members;
// both buttons open 互动率. uitest.Now is Thursday 26 November 18:00 China time.
func TestHomeShowsInteractionRate(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	for _, m := range []struct{ qq, name, joined string }{
		{"20001", "小明", ""}, {"20002", "小红", ""}, {"20003", "小刚", "2026-08-01"}, {"20004", "小美", "2026-11-25"},
	} {
		mm, err := data.MemberDraft{QQ: m.qq, Nickname: m.name, Memberships: []data.MembershipDraft{{GroupID: g.ID, JoinedOn: m.joined}}}.Parse(e.Loc)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.SaveMember(&mm); err != nil {
			t.Fatal(err)
		}
	}
	at := func(day int) time.Time { return time.Date(2026, 11, day, 10, 0, 0, 0, uitest.Loc) }
	// Last week 小明 and 小红 (2 of 3 seated then: 67%); this week 小明 (1 of 4: 25%).
	if err := e.Store.SeedChat(g.ID, "聊天.txt", []insight.Message{
		{At: at(17), SenderQQ: "20001", SenderName: "小明", Text: "早"},
		{At: at(18), SenderQQ: "20002", SenderName: "小红", Text: "早"},
		{At: at(24), SenderQQ: "20001", SenderName: "小明", Text: "在吗"},
	}); err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	got := uifind.LabelTexts(sh.today.lines)
	for _, want := range []string{"本周互动率 25%，比上周（67%）低 42 个百分点", "1 位成员超过 14 天没在群里说话：小刚（没说过话）"} {
		if !strings.Contains(got, want) {
			t.Errorf("今日 shows %q, want %q", got, want)
		}
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去私聊"))
	if sh.shown != sh.insightArea || sh.insight.GroupID() != g.ID {
		t.Fatalf("去私聊 opened %v, the dashboard of group %d", sh.shown.title, sh.insight.GroupID())
	}
}
