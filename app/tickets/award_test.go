package tickets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// A resolved ticket pays 帮助解答 to the member the owner picks (never the one who
// asked), once; a second detail opened before the award writes nothing and says so.
func TestResolvedTicketAwardsTheHelperOnce(t *testing.T) {
	s, e, _ := newScreen(t)
	asker := mustMember(t, e, "2851234567", "小明")
	helper := mustMember(t, e, "10086001", "小红")
	mustMember(t, e, "10086002", "小刚")
	tk, err := e.Store.OpenTicket(data.TicketDraft{MemberID: asker.ID, Category: data.TicketQuestion, Description: "怎么兑换"})
	if err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	s.onSelected(0)
	if s.Detail.Award.Button.Visible() {
		t.Fatal("an open ticket offers points")
	}
	test.Tap(s.Detail.MoveButtons[data.TicketResolved])
	stale := newDetail(e, nil, tk.ID, func(string) {})
	stale.show()
	d := s.Detail
	if b := d.Award.Button; !b.Visible() || b.Disabled() || b.Text != "记积分 +5（帮助解答）" {
		t.Fatalf("award button: visible %v disabled %v %q", b.Visible(), b.Disabled(), b.Text)
	}
	test.Tap(d.Award.Button)
	f := d.Award.Form
	if f == nil || len(f.Member.Shown) != 2 || strings.Contains(f.Member.Entry.PlaceHolder, "小明") {
		t.Fatalf("the picker offers %d members", len(f.Member.Shown))
	}
	test.Tap(f.SaveButton)
	if !strings.Contains(f.Summary.Text, "请选出帮忙的成员") {
		t.Errorf("no member picked: %q", f.Summary.Text)
	}
	test.Type(f.Member.Entry, "10086001")
	f.Member.List.Select(0)
	test.Tap(f.SaveButton)
	paid, err := e.Store.PointsForDeed(data.LinkTicket, tk.ID)
	if err != nil || len(paid) != 1 || paid[0].MemberID != helper.ID || paid[0].Amount != 5 {
		t.Fatalf("paid %+v %v", paid, err)
	}
	if got := s.notice.Text(); got != "已给 小红 记 +5 分（帮助解答）" {
		t.Errorf("notice %q", got)
	}
	if b := d.Award.Button; !b.Disabled() || b.Text != "已记 +5 分（小红）" {
		t.Errorf("after the award %q disabled %v", b.Text, b.Disabled())
	}
	// The stale detail still offers it; its award is refused and nothing is written.
	test.Tap(stale.Award.Button)
	sf := stale.Award.Form
	test.Type(sf.Member.Entry, "10086002")
	sf.Member.List.Select(0)
	test.Tap(sf.SaveButton)
	if paid, _ := e.Store.PointsForDeed(data.LinkTicket, tk.ID); len(paid) != 1 {
		t.Errorf("the stale award wrote: %d entries", len(paid))
	}
	if stale.Status.Text != ui.AwardAlready || !stale.Award.Button.Disabled() {
		t.Errorf("stale: %q, button %q", stale.Status.Text, stale.Award.Button.Text)
	}
}
