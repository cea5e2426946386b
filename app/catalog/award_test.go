package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// 分享资源: the owner picks the member who shared the selected resource and pays once;
// the button then says so, and a stale screen's award writes nothing.
func TestSharedResourceAwardedOnce(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	m := data.Member{QQ: "10001", Nickname: "小明", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "学习资料合集", Category: "学习类", Price: "0"})
	s := openResources(t, e)
	s.SetGroup(&g)
	if s.Award.Button.Visible() {
		t.Fatal("记积分 shown with no resource selected")
	}
	stale := openResources(t, e)
	for _, x := range []*Screen{stale, s} {
		x.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
	if b := s.Award.Button; !b.Visible() || b.Disabled() || b.Text != "记积分 +10（分享资源）" {
		t.Fatalf("award button: visible %v disabled %v %q", b.Visible(), b.Disabled(), b.Text)
	}
	test.Tap(s.Award.Button)
	f := s.Award.Form
	test.Type(f.Member.Entry, "xiaoming")
	f.Member.List.Select(0)
	test.Tap(f.SaveButton)
	paid, err := e.Store.PointsForDeed(data.LinkResource, r.ID)
	if err != nil || len(paid) != 1 || paid[0].MemberID != m.ID || paid[0].Amount != 10 {
		t.Fatalf("paid %+v %v", paid, err)
	}
	if b := s.Award.Button; !b.Disabled() || b.Text != "已记 +10 分（小明）" {
		t.Errorf("after the award %q disabled %v", b.Text, b.Disabled())
	}
	if !strings.Contains(s.notice.Text(), "已给 小明 记 +10 分") {
		t.Errorf("notice %q", s.notice.Text())
	}
	test.Tap(stale.Award.Button)
	sf := stale.Award.Form
	test.Type(sf.Member.Entry, "10001")
	sf.Member.List.Select(0)
	test.Tap(sf.SaveButton)
	if paid, _ := e.Store.PointsForDeed(data.LinkResource, r.ID); len(paid) != 1 {
		t.Errorf("the stale award wrote: %d entries", len(paid))
	}
	if got := stale.notice.Text(); got != ui.AwardAlready {
		t.Errorf("stale notice %q", got)
	}
}
