package sheet

import (
	"reflect"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The 担保交易 sheet lists every trade with both members' QQ numbers; 交易记录 has
// every move of each, the opening included.
func TestEverythingWorkbookTrades(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	var ms []data.Member
	for _, d := range []data.MemberDraft{{QQ: "10001", Nickname: "小明"}, {QQ: "10002", Nickname: "小红"}} {
		m, err := d.Parse(cst)
		if err == nil {
			err = s.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	tr, err := s.OpenTrade(data.TradeDraft{GroupID: &g.ID, BuyerID: ms[0].ID, SellerID: ms[1].ID, Item: "王者荣耀点券", Amount: "55", Fee: "2.5", Notes: "走QQ转账"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.MoveTrade(tr.ID, data.TradeAwaitingPayment, data.TradeHeld, "已收款"); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	when := testNow.In(cst).Format(data.DateMinLayout)
	due := testNow.Add(24 * time.Hour).In(cst).Format(data.DateMinLayout)
	for sheet, want := range map[string][][]string{
		AllTradesSheet: {
			{"编号", "群", "状态", "交易的东西", "金额", "手续费", "买家", "买家QQ号", "卖家", "卖家QQ号", "开单时间", "当前期限", "备注"},
			{"#1", "星河卡盟", "已托管", "王者荣耀点券", "55", "2.5", "小明", "10001", "小红", "10002", when, due, "走QQ转账"},
		},
		AllTradeEventsSheet: {
			{"编号", "交易的东西", "时间", "从", "到", "说明"},
			{"#1", "王者荣耀点券", when, "", "待付款", "开单"},
			{"#1", "王者荣耀点券", when, "待付款", "已托管", "已收款"},
		},
	} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s:\n got %q\nwant %q", sheet, rows, want)
		}
	}
}
