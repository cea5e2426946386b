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

// A member who bought or sold through escrow is kept, and the owner is told why.
func TestDeleteMemberWithTradesIsRefusedWithTheReason(t *testing.T) {
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
	if _, err := e.Store.OpenTrade(data.TradeDraft{BuyerID: ms[0].ID, SellerID: ms[1].ID, Item: "原神月卡", Amount: "30"}); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.deleteBtn)
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "TA有 1 笔担保交易的记录，不能删除") {
		t.Fatalf("the owner is told %q", got)
	}
	if left, _ := e.Store.Members(0); len(left) != 2 {
		t.Fatalf("%d members left", len(left))
	}
}

// The member's escrow record shows in the detail.
func TestDetailShowsTheTradeRecord(t *testing.T) {
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
	tr, err := e.Store.OpenTrade(data.TradeDraft{BuyerID: ms[0].ID, SellerID: ms[1].ID, Item: "原神月卡", Amount: "30"})
	if err == nil {
		_, err = e.Store.MoveTrade(tr.ID, data.TradeAwaitingPayment, data.TradeHeld, "")
	}
	if err == nil {
		_, err = e.Store.MoveTrade(tr.ID, data.TradeHeld, data.TradeDisputed, "没收到")
	}
	if err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := s.detail.String(); !strings.Contains(got, "担保交易：完成 0 笔，争议 1 笔") {
		t.Fatalf("the detail says %q", got)
	}
}
