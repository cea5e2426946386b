package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// 置换挂单 lists every listing with the member's QQ number; 置换撮合 has each deal with
// its listings in giving order, the reasons and the log.
func TestEverythingWorkbookSwaps(t *testing.T) {
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
	for _, d := range []data.SwapDraft{
		{GroupID: &g.ID, MemberID: ms[0].ID, HasText: "网易云年卡", Quantity: "2", WantText: "话费50元", Days: 3, Note: "周末前"},
		{GroupID: &g.ID, MemberID: ms[1].ID, HasText: "话费50元", WantText: "网易云年卡", Days: 7},
	} {
		if _, err := s.AddSwapListing(d); err != nil {
			t.Fatal(err)
		}
	}
	ss, err := s.SwapSuggestions(0)
	if err != nil || len(ss) != 1 {
		t.Fatalf("suggestions %v, %v", ss, err)
	}
	if _, err := s.StartSwapDeal(&g.ID, ss[0], "两人都在线"); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	when := testNow.In(cst).Format(data.DateMinLayout)
	in3 := testNow.AddDate(0, 0, 3).In(cst).Format(data.DateMinLayout)
	in7 := testNow.AddDate(0, 0, 7).In(cst).Format(data.DateMinLayout)
	for sheet, want := range map[string][][]string{
		AllSwapListingsSheet: {
			{"编号", "群", "状态", "成员", "QQ号", "手上有", "数量", "想换", "挂单时间", "到期时间", "备注"},
			{"#1", "星河卡盟", "撮合中", "小明", "10001", "网易云年卡", "2", "话费50元", when, in3, "周末前"},
			{"#2", "星河卡盟", "撮合中", "小红", "10002", "话费50元", "1", "网易云年卡", when, in7},
		},
		AllSwapDealsSheet: {
			{"编号", "群", "状态", "挂单", "成员", "配对理由", "开始时间", "记录"},
			{"#1", "星河卡盟", "撮合中", "#1 → #2", "小明 → 小红",
				"小明 有「网易云年卡 ×2」，正合 小红 想要的「网易云年卡」（名称相同）；小红 有「话费50元」，正合 小明 想要的「话费50元」（名称相同）",
				when, when + " 两人都在线"},
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
