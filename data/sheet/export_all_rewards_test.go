package sheet

import (
	"reflect"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// 兑换记录 lists every redemption with the member's QQ number, the points and the
// times; 身份标识 every badge with its source, end and whether it was taken away.
func TestEverythingWorkbookRewards(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	m := data.Member{QQ: "10001", Nickname: "小明"}
	if err := s.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPoints(data.PointDraft{MemberID: m.ID, Reason: points.Other, Amount: 100, Note: "开户"}); err != nil {
		t.Fatal(err)
	}
	badge, err := s.SaveRewardItem(0, data.RewardDraft{GroupID: &g.ID, Name: "热心群友", Kind: data.RewardBadge,
		Price: "30", BadgeDays: "30", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	card, err := s.SaveRewardItem(0, data.RewardDraft{Name: "网易云周卡", Kind: data.RewardOther, Price: "10", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	r1, err := s.Redeem(badge.ID, m.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.GiveRedemption(r1.ID, "已设头衔"); err != nil {
		t.Fatal(err)
	}
	r2, err := s.Redeem(card.ID, m.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CancelRedemption(r2.ID, "不要了"); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	when := testNow.In(cst).Format(data.DateMinLayout)
	in30 := testNow.AddDate(0, 0, 30).In(cst).Format(data.DateMinLayout)
	for sheet, want := range map[string][][]string{
		AllRedemptionsSheet: {
			{"编号", "群", "状态", "成员", "QQ号", "兑换商品", "积分", "兑换时间", "发放时间", "撤销时间", "备注"},
			{"#1", "星河卡盟", "已发放", "小明", "10001", "热心群友", "30", when, when, "", "已设头衔"},
			{"#2", "", "已撤销", "小明", "10001", "网易云周卡", "10", when, "", when, "不要了"},
		},
		AllBadgesSheet: {
			{"成员", "QQ号", "身份标识", "来源", "授予时间", "到期时间", "状态", "收回时间", "备注"},
			{"小明", "10001", "热心群友", "积分兑换", when, in30, "有效", "", "积分兑换「热心群友」"},
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
