package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// A redemption waiting to be handed out is on 今日, oldest first; its button opens
// 兑换记录 with it selected, and once given it leaves 今日.
func TestHomeListsRedemptionsToGive(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者群", "11111111")
	var ms []data.Member
	for _, m := range []data.Member{{QQ: "2851234567", Nickname: "小明"}, {QQ: "2851234568", Nickname: "小红"}} {
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Store.AddPoints(data.PointDraft{MemberID: m.ID, Reason: points.Other, Amount: 50, Note: "开户"}); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	it, err := e.Store.SaveRewardItem(0, data.RewardDraft{Name: "热心群友", Kind: data.RewardBadge, Price: "20", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint
	for _, m := range ms {
		r, err := e.Store.Redeem(it.ID, m.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	got := uifind.LabelTexts(sh.today.lines)
	first, second := strings.Index(got, "待发放：小明 兑换「热心群友」（20 分）"), strings.Index(got, "待发放：小红 兑换「热心群友」（20 分）")
	if first < 0 || second < first {
		t.Fatalf("今日 shows %q, want 小明's then 小红's redemption", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去发放"))
	if sh.shown != sh.rewardsArea || sh.rewards.SelectedRecord() != ids[0] {
		t.Fatalf("去发放 should open 兑换记录 on #%d; shown %v", ids[0], sh.shown.title)
	}
	if _, err := e.Store.GiveRedemption(ids[0], ""); err != nil {
		t.Fatal(err)
	}
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); strings.Contains(got, "小明 兑换") || !strings.Contains(got, "小红 兑换") {
		t.Errorf("after 发放 今日 shows %q", got)
	}
}
