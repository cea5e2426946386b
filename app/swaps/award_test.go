package swaps

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// completedDeal records a swap between 小明 and 小红 and marks it 已完成.
func completedDeal(t *testing.T, f *fixture) data.SwapDeal {
	t.Helper()
	gid := &f.g.ID
	for _, d := range []data.SwapDraft{
		{GroupID: gid, MemberID: f.a.ID, HasResourceID: &f.dq.ID, WantResourceID: &f.iqy.ID, Days: 7},
		{GroupID: gid, MemberID: f.b.ID, HasResourceID: &f.iqy.ID, WantResourceID: &f.dq.ID, Days: 7},
	} {
		if _, err := f.e.Store.AddSwapListing(d); err != nil {
			t.Fatal(err)
		}
	}
	ss, err := f.e.Store.SwapSuggestions(f.g.ID)
	if err != nil || len(ss) != 1 {
		t.Fatalf("suggestions = %v, %v", ss, err)
	}
	d, err := f.e.Store.StartSwapDeal(gid, ss[0], "")
	if err == nil {
		d, err = f.e.Store.MoveSwapDeal(d.ID, data.SwapDealMediating, data.SwapDealCompleted, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// 完成置换 pays everyone in a completed deal with one click, once; a stale screen's
// click says 已经记过 and writes nothing.
func TestCompletedDealAwardsEveryoneOnce(t *testing.T) {
	f := newFixture(t)
	d := completedDeal(t, f)
	stale := NewScreen(f.e)
	stale.SetGroup(&f.g)
	stale.Refresh()
	for _, s := range []*Screen{f.s, stale} {
		s.Refresh()
		s.Deals.Table.Select(widget.TableCellID{Row: 0, Col: 0})
		if b := s.Deals.Award.Button; !b.Visible() || b.Disabled() || b.Text != "记积分：每人 +3（完成置换）" {
			t.Fatalf("award button: visible %v, disabled %v, %q", b.Visible(), b.Disabled(), b.Text)
		}
	}
	test.Tap(f.s.Deals.Award.Button)
	paid, err := f.e.Store.PointsForDeed(data.LinkSwapDeal, d.ID)
	if err != nil || len(paid) != 2 || paid[0].Amount != 3 || paid[0].GroupID == nil || *paid[0].GroupID != f.g.ID {
		t.Fatalf("paid = %+v, %v", paid, err)
	}
	if got := f.s.notice.Text(); got != "已给 小明、小红 记 +3 分（完成置换）" {
		t.Errorf("notice = %q", got)
	}
	if b := f.s.Deals.Award.Button; !b.Disabled() || b.Text != "已记每人 +3 分（2 人）" {
		t.Errorf("after the award: disabled %v, %q", b.Disabled(), b.Text)
	}
	test.Tap(stale.Deals.Award.Button)
	if paid, _ := f.e.Store.PointsForDeed(data.LinkSwapDeal, d.ID); len(paid) != 2 {
		t.Errorf("the stale click wrote: %d entries", len(paid))
	}
	if got := stale.notice.Text(); got != ui.AwardAlready {
		t.Errorf("stale notice = %q", got)
	}
	if b := stale.Deals.Award.Button; !b.Disabled() || !strings.HasPrefix(b.Text, "已记") {
		t.Errorf("stale button after the click: %q", b.Text)
	}
	// A deal still being mediated offers no points.
	f.s.Deals.showDetail(&data.SwapDeal{ID: 99, State: data.SwapDealMediating})
	if f.s.Deals.Award.Button.Visible() {
		t.Error("a deal in mediation offers 完成置换 points")
	}
}
