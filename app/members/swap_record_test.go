package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A member's completed swaps show on TA's detail; a member with swap listings is kept.
func TestMemberDetailCountsCompletedSwaps(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	var ms []data.Member
	for _, qq := range []string{"10001", "10002"} {
		m := data.Member{QQ: qq, Nickname: "群友" + qq, Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	for _, d := range []data.SwapDraft{
		{MemberID: ms[0].ID, HasText: "原神月卡", WantText: "星穹铁道月卡", Days: 7},
		{MemberID: ms[1].ID, HasText: "星穹铁道月卡", WantText: "原神月卡", Days: 7},
	} {
		if _, err := e.Store.AddSwapListing(d); err != nil {
			t.Fatal(err)
		}
	}
	ss, err := e.Store.SwapSuggestions(0)
	if err != nil || len(ss) != 1 {
		t.Fatalf("suggestions %v, %v", ss, err)
	}
	deal, err := e.Store.StartSwapDeal(nil, ss[0], "")
	if err == nil {
		_, err = e.Store.MoveSwapDeal(deal.ID, data.SwapDealMediating, data.SwapDealCompleted, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := s.detail.String(); !strings.Contains(got, "已完成 1 次置换") {
		t.Errorf("detail = %q", got)
	}
	test.Tap(s.deleteBtn)
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "TA有 1 条置换挂单的记录，不能删除") {
		t.Fatalf("the owner is told %q", got)
	}
}
