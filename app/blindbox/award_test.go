package blindbox

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/data"
)

// A winner who shared their experience gets 分享体验 with one click, once; a winner
// who has not shared yet is offered none, and a stale screen's click writes nothing.
func TestSharedWinnerAwardedOnce(t *testing.T) {
	f := newFixture(t)
	st := f.e.Store
	ms, err := st.Members(f.g.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("members %v %v", ms, err)
	}
	b, err := st.SaveBox(0, data.BoxDraft{GroupID: &f.g.ID, Title: "周末盲盒", Winners: 1, OpensAt: st.Now(),
		ClosesAt: st.Now().Add(48 * time.Hour), ShareDays: 3, Items: []data.BoxItemDraft{{Name: "原神月卡", Quantity: 1}}})
	if err == nil {
		_, err = st.OpenBox(b.ID)
	}
	if err == nil {
		_, err = st.AddBoxEntry(b.ID, data.BoxEntryDraft{MemberID: ms[0].ID, Demand: "求原神月卡"})
	}
	if err == nil {
		_, err = st.CloseBox(b.ID)
	}
	if err == nil {
		_, err = st.DrawBox(b.ID)
	}
	ds, _ := st.BoxDraws(b.ID)
	if err != nil || len(ds) != 1 {
		t.Fatalf("draw %v, %d draws", err, len(ds))
	}
	dr := ds[0]
	show := func(s *Screen) *Detail {
		s.Refresh()
		s.table.Select(widget.TableCellID{Row: 0, Col: 0})
		return s.Detail
	}
	d := show(f.s)
	if len(d.Awards) != 0 {
		t.Fatal("a winner who has not shared is offered points")
	}
	if err := st.MarkShared(dr.ID, "群里发了截图"); err != nil {
		t.Fatal(err)
	}
	stale := NewScreen(f.e)
	stale.SetGroup(&f.g)
	sd := show(stale)
	d = show(f.s)
	a := d.Awards[dr.ID]
	if a == nil || a.Button.Disabled() || a.Button.Text != "记积分 +8（分享体验）" {
		t.Fatalf("award button %+v", a)
	}
	test.Tap(a.Button)
	paid, err := st.PointsForDeed(data.LinkBlindBoxDraw, dr.ID)
	if err != nil || len(paid) != 1 || paid[0].MemberID != ms[0].ID || paid[0].Amount != 8 {
		t.Fatalf("paid %+v %v", paid, err)
	}
	if got := f.s.notice.Text(); got != "已给 小明 记 +8 分（分享体验）" {
		t.Errorf("notice %q", got)
	}
	if a := f.s.Detail.Awards[dr.ID]; !a.Button.Disabled() || a.Button.Text != "已记 +8 分（小明）" {
		t.Errorf("after the award %q disabled %v", a.Button.Text, a.Button.Disabled())
	}
	if got := uifind.ButtonTexts(f.s.Detail.winners); !strings.Contains(got, "已记 +8 分（小明）") {
		t.Errorf("the winners show %q", got)
	}
	test.Tap(sd.Awards[dr.ID].Button)
	if paid, _ := st.PointsForDeed(data.LinkBlindBoxDraw, dr.ID); len(paid) != 1 {
		t.Errorf("the stale click wrote: %d entries", len(paid))
	}
	if got := stale.notice.Text(); got != ui.AwardAlready {
		t.Errorf("stale notice %q", got)
	}
}
