package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A ticket due within two hours is on 今日, and its button opens its detail.
func TestHomeListsUrgentTickets(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	m := data.Member{QQ: "2851234567", Nickname: "小明"}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	if err := e.Store.SetTicketPromiseHours(1); err != nil {
		t.Fatal(err)
	}
	tk, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, GroupID: &g.ID, Category: data.TicketNotArrived, Description: "充了没到账"})
	if err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, "售后工单要回复：小明（未到账，剩 1小时）") {
		t.Fatalf("今日 shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去回复"))
	if sh.shown != sh.ticketsArea || sh.tickets.Detail == nil {
		t.Fatal("去回复 should open the ticket's detail in 售后工单")
	}
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "充了没到账") || !strings.Contains(got, "售后工单 #"+strconv.Itoa(int(tk.ID))) {
		t.Fatalf("the detail shows %q", got)
	}
}
