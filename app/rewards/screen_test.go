package rewards

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

type fixture struct {
	e    *ui.Env
	g    data.Group
	a, b data.Member
	res  data.Resource
	s    *Screen
}

func mustMember(t *testing.T, e *ui.Env, g data.Group, qq, nick string, pts int64) data.Member {
	t.Helper()
	m := uitest.MustMember(t, e, g, qq, nick)
	if pts > 0 {
		if _, err := e.Store.AddPoints(data.PointDraft{MemberID: m.ID, Reason: points.Other, Amount: pts, Note: "开户"}); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	f.a = mustMember(t, e, f.g, "10001", "小明", 100)
	f.b = mustMember(t, e, f.g, "10002", "小红", 20)
	f.res = uitest.MustResource(t, e, data.ResourceDraft{Name: "爱奇艺黄金会员 年卡", Category: "影音类", Price: "150", Stock: "2"})
	f.s = NewScreen(e, nil)
	uitest.ShowGroupScreen(e, f.s, &f.g)
	return f
}

func (f *fixture) addItem(t *testing.T, d data.RewardDraft) data.RewardItem {
	t.Helper()
	d.Active = true
	it, err := f.e.Store.SaveRewardItem(0, d)
	if err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	return it
}

func TestItemFormRefusesThenSaves(t *testing.T) {
	f := newFixture(t)
	f.s.Tabs.Select(f.s.itemsItem)
	if !f.s.Items.empty.Visible() || uifind.FindButton(f.s.Items.content(), "新增商品") == nil {
		t.Fatal("an empty catalog should say how to start")
	}
	test.Tap(f.s.Items.AddButton)
	form := f.s.Items.Form
	test.Type(form.Name, "爱奇艺年卡")
	form.Kind.SetSelected("资源")
	test.Type(form.Price, "0")
	test.Type(form.Stock, "-1")
	test.Tap(form.SaveButton)
	if its, _ := f.e.Store.RewardItems(0); len(its) != 0 {
		t.Fatal("a bad item was saved")
	}
	if got := form.Summary.Text; !strings.Contains(got, "积分须大于 0") || !strings.Contains(got, "库存不能为负数") {
		t.Errorf("summary = %q", got)
	}
	form.Price.SetText("")
	test.Type(form.Price, "80")
	form.Stock.SetText("")
	uitest.PickIn(t, form.Resource, "aqy")
	test.Tap(form.SaveButton)
	its, err := f.e.Store.RewardItems(0)
	if err != nil || len(its) != 1 {
		t.Fatalf("items = %v, %v", its, err)
	}
	it := its[0]
	if it.Kind != data.RewardResource || it.Price != 80 || it.Stock != nil || it.ResourceID == nil ||
		*it.ResourceID != f.res.ID || !it.Active || it.GroupID == nil || *it.GroupID != f.g.ID {
		t.Errorf("saved %+v", it)
	}
	if len(f.s.Items.all) != 1 || f.s.Items.empty.Visible() {
		t.Fatalf("the list shows %d rows", len(f.s.Items.all))
	}
	l := widget.NewLabel("")
	f.s.Items.fillCell(0, 3, l)
	if l.Text != "2" {
		t.Errorf("stock column = %q, want the resource's 2", l.Text)
	}
	// 下架 takes it off the 兑换 dialog's list.
	f.s.Items.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(f.s.Items.OnOff)
	if its, _ := f.e.Store.RewardItems(0); its[0].Active {
		t.Error("下架 left the item on")
	}
	if f.s.Items.OnOff.Text != "上架" {
		t.Errorf("the button says %q after 下架", f.s.Items.OnOff.Text)
	}
}

func TestRedeemGiveAndCancel(t *testing.T) {
	f := newFixture(t)
	badge := f.addItem(t, data.RewardDraft{Name: "热心群友", Kind: data.RewardBadge, Price: "30", BadgeDays: "30"})
	card := f.addItem(t, data.RewardDraft{Name: "爱奇艺年卡", Kind: data.RewardResource, Price: "50", ResourceID: &f.res.ID})
	if !f.s.Records.empty.Visible() {
		t.Error("no redemptions yet, and the list does not say what to do")
	}
	test.Tap(f.s.RedeemButton)
	form := f.s.redeem
	uitest.PickIn(t, form.Member, "10001")
	uitest.PickIn(t, form.Item, "热心群友")
	if !strings.Contains(form.Balance.Text, "TA现在有 100 分，兑换扣 30 分，还剩 70 分") {
		t.Errorf("balance line = %q", form.Balance.Text)
	}
	test.Tap(form.SaveButton)
	rs, _ := f.e.Store.Redemptions(0)
	if len(rs) != 1 || rs[0].ItemID != badge.ID || rs[0].State != data.RedemptionPending {
		t.Fatalf("redemptions %+v", rs)
	}
	if b, _ := f.e.Store.PointBalance(f.a.ID); b.Balance != 70 {
		t.Errorf("balance after = %d", b.Balance)
	}
	if act, _ := f.e.Store.ActiveBadges([]uint{f.a.ID}); data.BadgeNames(act[f.a.ID]) != "热心群友" {
		t.Errorf("badge not given: %+v", act)
	}
	if f.s.Tabs.Selected() != f.s.recordsItem || f.s.recordsItem.Text != "兑换记录（待发放 1）" {
		t.Errorf("tab %q", f.s.Tabs.Selected().Text)
	}
	if f.s.Records.GiveBtn.Disabled() || !strings.Contains(f.s.Records.Detail.Text, "待发放") {
		t.Fatalf("the new redemption is not selected: %q", f.s.Records.Detail.Text)
	}
	test.Type(f.s.Records.Note, "已设头衔")
	test.Tap(f.s.Records.GiveBtn)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "已发放"))
	rs, _ = f.e.Store.Redemptions(0)
	if rs[0].State != data.RedemptionGiven || rs[0].Note != "已设头衔" {
		t.Errorf("after 发放: %+v", rs[0])
	}
	if !f.s.Records.GiveBtn.Disabled() || !f.s.Records.CancelBtn.Disabled() {
		t.Error("a given redemption can still be moved")
	}

	// The card, redeemed then cancelled: points and stock come back.
	r, err := f.e.Store.Redeem(card.ID, f.a.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	f.s.ShowRecord(r.ID)
	if f.s.Records.selected != r.ID || f.s.Records.CancelBtn.Disabled() {
		t.Fatalf("ShowRecord did not select #%d", r.ID)
	}
	test.Tap(f.s.Records.CancelBtn)
	if !strings.Contains(uifind.OverlayText(f.e.Win), "50 分会退回给TA") {
		t.Errorf("confirmation = %q", uifind.OverlayText(f.e.Win))
	}
	test.Tap(uifind.OverlayButton(t, f.e.Win, "撤销"))
	rs, _ = f.e.Store.Redemptions(0)
	var got data.Redemption
	for _, x := range rs {
		if x.ID == r.ID {
			got = x
		}
	}
	if got.State != data.RedemptionCancelled || got.RefundEntryID == nil {
		t.Errorf("after 撤销: %+v", got)
	}
	if b, _ := f.e.Store.PointBalance(f.a.ID); b.Balance != 70 {
		t.Errorf("balance after refund = %d, want 70", b.Balance)
	}
	its, _ := f.e.Store.RewardItems(0)
	for _, it := range its {
		if it.ID == card.ID && it.Resource.Stock != 2 {
			t.Errorf("resource stock after cancel = %d, want 2", it.Resource.Stock)
		}
	}
	if !strings.Contains(f.s.notice.Text(), "50 分已退回给 小明") {
		t.Errorf("notice = %q", f.s.notice.Text())
	}
}

func TestRedeemRefusals(t *testing.T) {
	f := newFixture(t)
	f.addItem(t, data.RewardDraft{Name: "网易云年卡", Kind: data.RewardOther, Price: "50"})
	f.addItem(t, data.RewardDraft{Name: "最后一张", Kind: data.RewardOther, Price: "5", Stock: "0"})
	test.Tap(f.s.RedeemButton)
	form := f.s.redeem
	test.Tap(form.SaveButton)
	if got := form.Summary.Text; !strings.Contains(got, "请在名单里点选成员") || !strings.Contains(got, "请在列表里点选兑换商品") {
		t.Errorf("empty form summary = %q", got)
	}
	uitest.PickIn(t, form.Member, "10002") // 小红 has 20
	uitest.PickIn(t, form.Item, "网易云")
	test.Tap(form.SaveButton)
	if n := form.Notes["amount"]; n == nil || !strings.Contains(n.Text, "这位成员只有 20 分") {
		t.Errorf("too few points not refused at 积分: %v", n)
	}
	if !strings.Contains(form.Summary.Text, "这位成员只有 20 分，不够扣 50 分") {
		t.Errorf("summary = %q", form.Summary.Text)
	}
	uitest.PickIn(t, form.Item, "最后一张")
	test.Tap(form.SaveButton)
	if n := form.Notes["item"]; n == nil || !strings.Contains(n.Text, "「最后一张」已经兑换完了") {
		t.Errorf("out of stock not refused at 兑换商品: %q", form.Summary.Text)
	}
	if rs, _ := f.e.Store.Redemptions(0); len(rs) != 0 {
		t.Fatalf("refused redemptions were written: %+v", rs)
	}
	// The store refuses too when the dialog's numbers are stale: 小明 loses points meanwhile.
	uitest.PickIn(t, form.Member, "10001")
	uitest.PickIn(t, form.Item, "网易云")
	if _, err := f.e.Store.AddPoints(data.PointDraft{MemberID: f.a.ID, Reason: points.Other, Amount: -60, Note: "违规扣分"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(form.SaveButton)
	if !strings.Contains(form.Summary.Text, "这位成员只有 40 分，不够扣 50 分") {
		t.Errorf("the store's refusal is not shown: %q", form.Summary.Text)
	}
	if rs, _ := f.e.Store.Redemptions(0); len(rs) != 0 {
		t.Fatalf("a refused redemption was written: %+v", rs)
	}
}

func TestGrantRevokeBadgeAndHonorPost(t *testing.T) {
	f := newFixture(t)
	f.s.Tabs.Select(f.s.badgesItm)
	if !f.s.Badges.empty.Visible() {
		t.Error("no badges, and the tab does not say what to do")
	}
	test.Tap(f.s.Badges.GrantBtn)
	form := f.s.Badges.Form
	uitest.PickIn(t, form.Member, "10002")
	test.Type(form.Name, "置换达人")
	test.Type(form.Days, "abc")
	test.Tap(form.SaveButton)
	if !strings.Contains(form.Summary.Text, "有效天数请填") {
		t.Errorf("summary = %q", form.Summary.Text)
	}
	form.Days.SetText("")
	test.Type(form.Days, "30")
	test.Tap(form.SaveButton)
	bs, _ := f.e.Store.AllBadges()
	if len(bs) != 1 || bs[0].Name != "置换达人" || bs[0].MemberID != f.b.ID || bs[0].ExpiresAt == nil {
		t.Fatalf("badges %+v", bs)
	}
	if len(f.s.Badges.all) != 1 {
		t.Fatalf("the tab lists %d badges", len(f.s.Badges.all))
	}
	test.Tap(f.s.HonorButton)
	post := strings.Join(f.s.honor.Parts(), "")
	if !strings.Contains(post, "【星河卡盟 · 群荣誉榜】") || !strings.Contains(post, "〔置换达人〕小红") ||
		!strings.Contains(post, "1. 小明") || strings.Contains(post, "10002") {
		t.Errorf("honor post = %q", post)
	}
	f.s.Badges.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(f.s.Badges.RevokeBtn)
	test.Type(f.s.Badges.RevokeNote, "不再活跃")
	test.Tap(uifind.OverlayButton(t, f.e.Win, "收回"))
	bs, _ = f.e.Store.AllBadges()
	if bs[0].RevokedAt == nil || bs[0].RevokeNote != "不再活跃" {
		t.Fatalf("after 收回: %+v", bs[0])
	}
	l := widget.NewLabel("")
	f.s.Badges.fillCell(0, 5, l)
	if l.Text != "已收回" || !f.s.Badges.RevokeBtn.Disabled() {
		t.Errorf("state column = %q", l.Text)
	}
}
