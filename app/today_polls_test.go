package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A poll past its close time is on 今日, and its button opens it in 投票, where the
// current group's polls are listed.
func TestHomeListsPollsToClose(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	p, err := e.Store.CreatePoll(g.ID, data.PollDraft{Question: "下周想要哪类资源？", ClosesAt: "2026-11-26 12:00",
		Options: []data.PollOptionDraft{{Label: "游戏类"}, {Label: "影音类"}}}, uitest.Loc)
	if err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, "投票「下周想要哪类资源？」已到截止时间") {
		t.Fatalf("今日 shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去结束投票"))
	if sh.shown != sh.pollsArea || sh.polls.Selected() != p.ID || sh.polls.CloseButton.Disabled() {
		t.Fatalf("去结束投票 should open the poll in 投票; shown %v, selected %d", sh.shown.title, sh.polls.Selected())
	}
	if err := e.Store.ClosePoll(p.ID); err != nil {
		t.Fatal(err)
	}
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); strings.Contains(got, "下周想要哪类资源") {
		t.Fatalf("a closed poll is still on 今日: %q", got)
	}
}
