package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// 积分流水 has every entry with the member's QQ number, the linked record and the
// reversal both ways; 积分余额 each member's balance and earned total.
func TestEverythingWorkbookPoints(t *testing.T) {
	s := newStore(t)
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
	deal := uint(7)
	if _, err := s.AwardPoints(data.PointDraft{Reason: points.Swap, Amount: 3, LinkKind: data.LinkSwapDeal, LinkID: &deal},
		[]uint{ms[0].ID, ms[1].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReversePoints(1, "记错人了"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPoints(data.PointDraft{MemberID: ms[1].ID, Reason: points.Other, Amount: -1, Note: "违规"}); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	when := testNow.In(cst).Format(data.DateMinLayout)
	for sheet, want := range map[string][][]string{
		AllPointEntriesSheet: {
			{"编号", "时间", "QQ号", "成员", "积分", "原因", "备注", "关联记录", "被更正", "更正了", "记录人"},
			{"#1", when, "10001", "小明", "3", "完成置换", "", "置换撮合 #7", "#3", "", "群主"},
			{"#2", when, "10002", "小红", "3", "完成置换", "", "置换撮合 #7", "", "", "群主"},
			{"#3", when, "10001", "小明", "-3", "更正", "记错人了", "积分流水 #1", "", "#1", "群主"},
			{"#4", when, "10002", "小红", "-1", "其他", "违规", "", "", "", "群主"},
		},
		AllPointBalancesSheet: {
			{"QQ号", "成员", "余额", "累计获得", "最后变动"},
			{"10002", "小红", "2", "2", when},
			{"10001", "小明", "0", "0", when},
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
