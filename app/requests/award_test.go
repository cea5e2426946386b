package requests

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A replied request pays 帮助解答 to the member who helped, picked by the owner (the
// asker is not offered), once: the row then shows 已记 and does nothing, and a stale
// screen's award writes nothing.
func TestRepliedRequestAwardsTheHelperOnce(t *testing.T) {
	e := uitest.NewEnv(t)
	g, xm := requestFixture(t, e)
	rs, err := e.Store.Resources()
	if err != nil {
		t.Fatal(err)
	}
	r := capture(t, e, g, xm, "求王者点券", time.Hour)
	if _, err := e.Store.ReplyRequest(r.ID, rs[0].ID); err != nil {
		t.Fatal(err)
	}
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	stale := NewScreen(e)
	stale.SetGroup(&g)
	stale.Refresh()
	if _, labels := rowText(t, s.Replied, 0); strings.Join(labels, ",") != "已满足,无货,记积分 +5" {
		t.Fatalf("replied row buttons %v", labels)
	}
	tapAction(t, s.Replied, 0, "记积分 +5")
	f := s.AwardForm
	if f == nil || len(f.Member.Shown) != 1 || f.Member.Shown[0] != 0 {
		t.Fatalf("the picker should offer only 小红, not the asker")
	}
	f.Member.List.Select(0)
	test.Tap(f.SaveButton)
	paid, err := e.Store.PointsForDeed(data.LinkRequest, r.ID)
	if err != nil || len(paid) != 1 || paid[0].MemberID == xm.ID || paid[0].Amount != 5 || paid[0].GroupID == nil || *paid[0].GroupID != g.ID {
		t.Fatalf("paid %+v %v", paid, err)
	}
	if got := s.notice.Text(); got != "已给 小红 记 +5 分（帮助解答）" {
		t.Errorf("notice %q", got)
	}
	// The row says it is done, and its button is disabled.
	row := s.Replied.newRow()
	s.Replied.updateRow(0, row)
	if b := uifind.FindButton(row, "已记 +5 分"); b == nil || !b.Disabled() {
		t.Errorf("after the award the row shows %q", uifind.ButtonTexts(row))
	}
	// The stale screen still offers it; the award is refused and nothing is written.
	tapAction(t, stale.Replied, 0, "记积分 +5")
	sf := stale.AwardForm
	sf.Member.List.Select(0)
	test.Tap(sf.SaveButton)
	if paid, _ := e.Store.PointsForDeed(data.LinkRequest, r.ID); len(paid) != 1 {
		t.Errorf("the stale award wrote: %d entries", len(paid))
	}
	if got := stale.notice.Text(); got != ui.AwardAlready {
		t.Errorf("stale notice %q", got)
	}
	if _, labels := rowText(t, stale.Replied, 0); labels[2] != "已记 +5 分" {
		t.Errorf("the stale row after refresh: %v", labels)
	}
}
