package trades

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

type fixture struct {
	e             *ui.Env
	g             data.Group
	buyer, seller data.Member
	s             *Screen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	f.buyer = uitest.MustMember(t, e, f.g, "10001", "小明")
	f.seller = uitest.MustMember(t, e, f.g, "10002", "小红")
	f.s = NewScreen(e)
	uitest.ShowGroupScreen(e, f.s, &f.g)
	return f
}

func (f *fixture) trades(t *testing.T) []data.Trade {
	t.Helper()
	ts, err := f.e.Store.Trades(0, f.e.Now())
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestOpenTradeThroughTheForm(t *testing.T) {
	f := newFixture(t)
	uitest.MustResource(t, f.e, data.ResourceDraft{Name: "王者荣耀点券 600点", Category: "游戏类", Price: "55"})
	if !f.s.empty.Visible() || uifind.FindButton(f.s.Content(), "新开担保单") == nil {
		t.Fatal("an empty list should say how to start")
	}
	test.Tap(f.s.addButton)
	form := f.s.form
	uitest.PickIn(t, form.Buyer, "10001")
	if !strings.Contains(form.Buyer.Picked.Text, "新人，没有交易记录") {
		t.Errorf("the buyer's record: %q", form.Buyer.Picked.Text)
	}
	test.Type(form.Seller.Entry, "xiaohong")
	form.Seller.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter takes the best match
	if form.Seller.ID() != f.seller.ID || form.SaveButton.Disabled() {
		t.Fatalf("Enter picked %d, want the seller %d", form.Seller.ID(), f.seller.ID)
	}
	uitest.PickIn(t, form.Resource, "wzry")
	if form.Amount.Text != "55" {
		t.Errorf("the resource's price was not offered: %q", form.Amount.Text)
	}
	test.Type(form.Fee, "2")
	test.Tap(form.SaveButton)
	ts := f.trades(t)
	if len(ts) != 1 {
		t.Fatalf("%d trades saved", len(ts))
	}
	tr := ts[0]
	if tr.BuyerID != f.buyer.ID || tr.SellerID != f.seller.ID || tr.Item != "王者荣耀点券 600点" || tr.ResourceID == nil ||
		tr.AmountCents != 5500 || tr.FeeCents != 200 || tr.State != data.TradeAwaitingPayment || tr.GroupID == nil || *tr.GroupID != f.g.ID {
		t.Fatalf("saved %+v", tr)
	}
	if len(f.s.shown) != 1 || f.s.selected != tr.ID || !strings.Contains(f.s.notice.Text(), "已开单") {
		t.Fatalf("the list did not show and select the new trade: %d rows, selected %d", len(f.s.shown), f.s.selected)
	}
	if got := uifind.ButtonTexts(f.s.detail.Moves); got != "买家已付款\n取消交易\n" {
		t.Fatalf("moves from 待付款: %q", got)
	}
}

func TestTradeFormRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	test.Tap(f.s.addButton)
	form := f.s.form
	uitest.PickIn(t, form.Buyer, "10001")
	uitest.PickIn(t, form.Seller, "10001")
	test.Type(form.Amount, "0")
	test.Tap(form.SaveButton)
	for field, want := range map[string]string{
		"seller": "卖家和买家不能是同一个人", "amount": "金额须大于 0", "item": "交易的东西不能为空",
	} {
		if got := form.Notes[field].Text; !strings.Contains(got, want) {
			t.Errorf("under %s: %q, want %q", field, got, want)
		}
	}
	if !strings.Contains(form.Summary.Text, "请先改正") {
		t.Errorf("summary %q", form.Summary.Text)
	}
	if ts := f.trades(t); len(ts) != 0 {
		t.Fatalf("%d trades saved from a bad form", len(ts))
	}
	// Typing after a pick drops it: the field asks again.
	test.Type(form.Buyer.Entry, "x")
	if form.Buyer.ID() != 0 || !strings.Contains(form.Notes["buyer"].Text, "点选买家") {
		t.Errorf("typing kept the pick: %d, %q", form.Buyer.ID(), form.Notes["buyer"].Text)
	}
}

// move taps a move button of the selected trade, types note and confirms.
func move(t *testing.T, f *fixture, button, note string) {
	t.Helper()
	b := f.s.detail.button(button)
	if b == nil {
		t.Fatalf("no move %q; the trade offers %q", button, uifind.ButtonTexts(f.s.detail.Moves))
	}
	test.Tap(b)
	d := f.s.detail.move
	if note != "" {
		test.Type(d.Note, note)
	}
	test.Tap(d.SaveButton)
}

func openOne(t *testing.T, f *fixture) data.Trade {
	t.Helper()
	tr, err := f.e.Store.OpenTrade(data.TradeDraft{GroupID: &f.g.ID, BuyerID: f.buyer.ID, SellerID: f.seller.ID, Item: "爱奇艺黄金会员 月卡", Amount: "15"})
	if err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	f.s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	return tr
}

func TestMoveTradeThroughItsStates(t *testing.T) {
	f := newFixture(t)
	tr := openOne(t, f)
	move(t, f, "买家已付款", "")
	move(t, f, "卖家已交付", "卡密已发到买家QQ")
	if got := uifind.ButtonTexts(f.s.detail.Moves); got != "买家确认，放款给卖家\n有争议\n" {
		t.Fatalf("moves from 已交付: %q", got)
	}
	move(t, f, "买家确认，放款给卖家", "")
	got, _ := f.e.Store.Trade(tr.ID)
	if got.State != data.TradeCompleted || len(got.Events) != 4 || got.Events[2].Note != "卡密已发到买家QQ" {
		t.Fatalf("after the moves: %s, %+v", got.State, got.Events)
	}
	if uifind.ButtonTexts(f.s.detail.Moves) != "" || !strings.Contains(f.s.detail.Log.Text, "已交付 → 已完成") {
		t.Fatalf("a finished trade: moves %q, log %q", uifind.ButtonTexts(f.s.detail.Moves), f.s.detail.Log.Text)
	}
	if len(f.s.shown) != 0 || !f.s.empty.Visible() {
		t.Fatal("a finished trade still shows under 进行中")
	}
	f.s.scope.SetSelected(scopeAll)
	if len(f.s.shown) != 1 {
		t.Fatal("全部交易 does not show the finished trade")
	}
	// The members' records now show it when they are picked again.
	test.Tap(f.s.addButton)
	uitest.PickIn(t, f.s.form.Buyer, "10002")
	if !strings.Contains(f.s.form.Buyer.Picked.Text, "完成 1 笔") {
		t.Errorf("the seller's record in the picker: %q", f.s.form.Buyer.Picked.Text)
	}
}

func TestRulingNeedsAReason(t *testing.T) {
	f := newFixture(t)
	tr := openOne(t, f)
	move(t, f, "买家已付款", "")
	move(t, f, "有争议", "")
	d := f.s.detail.move
	if !strings.Contains(d.Notes["note"].Text, "理由不能为空") {
		t.Fatalf("a dispute without a reason: %q", d.Notes["note"].Text)
	}
	test.Type(d.Note, "买家说没收到")
	test.Tap(d.SaveButton)
	move(t, f, "裁定：退款给买家", "")
	if got, _ := f.e.Store.Trade(tr.ID); got.State != data.TradeDisputed {
		t.Fatalf("a ruling without a reason moved the trade to %s", got.State)
	}
	d = f.s.detail.move
	test.Type(d.Note, "卖家拿不出发货记录")
	test.Tap(d.SaveButton)
	got, _ := f.e.Store.Trade(tr.ID)
	if got.State != data.TradeRefunded || got.Events[len(got.Events)-1].Note != "卖家拿不出发货记录" {
		t.Fatalf("ruling: %s %+v", got.State, got.Events)
	}
}

// A screen that shows an old state cannot overwrite a newer one: the move is refused
// and the owner told.
func TestStaleMoveIsRefused(t *testing.T) {
	f := newFixture(t)
	tr := openOne(t, f)
	test.Tap(f.s.detail.button("买家已付款"))
	d := f.s.detail.move
	if _, err := f.e.Store.MoveTrade(tr.ID, data.TradeAwaitingPayment, data.TradeCancelled, ""); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.SaveButton)
	if got, _ := f.e.Store.Trade(tr.ID); got.State != data.TradeCancelled || len(got.Events) != 2 {
		t.Fatalf("the stale move changed the trade: %s", got.State)
	}
	if text := uifind.OverlayText(f.e.Win); !strings.Contains(text, "已经是「已取消」了") {
		t.Fatalf("the owner was not told: %q", text)
	}
}

func TestOverdueTradesOnTopInRed(t *testing.T) {
	f := newFixture(t)
	openOne(t, f) // due in 2 hours
	// A trade opened 3 hours ago, through a second handle with an earlier clock.
	earlier, err := data.Open(f.e.Store.Path(), data.WithClock(func() time.Time { return uitest.Now.Add(-3 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	old, err := earlier.OpenTrade(data.TradeDraft{GroupID: &f.g.ID, BuyerID: f.seller.ID, SellerID: f.buyer.ID, Item: "腾讯视频 年卡", Amount: "88"})
	_ = earlier.Close()
	if err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	if f.s.all[f.s.shown[0]].ID != old.ID {
		t.Fatal("the overdue trade is not on top")
	}
	l := widget.NewLabel("")
	f.s.fillCell(0, 2, l)
	if l.Importance != widget.DangerImportance || !strings.HasPrefix(l.Text, "超时 1小时") {
		t.Fatalf("the overdue row: %q, importance %v", l.Text, l.Importance)
	}
	f.s.fillCell(1, 2, l)
	if l.Importance == widget.DangerImportance {
		t.Fatal("a trade in time is red")
	}
	if !strings.Contains(f.s.count.Text, "1 笔已超时") {
		t.Fatalf("count %q", f.s.count.Text)
	}
}

func TestPosts(t *testing.T) {
	f := newFixture(t)
	openOne(t, f)
	test.Tap(f.s.guideBtn)
	if f.s.post == nil || !strings.Contains(f.s.post.Parts()[0], "开单后 2 小时内付款") {
		t.Fatal("the guide was not shown with the deadlines")
	}
	test.Tap(f.s.detail.StatusPost)
	text := f.s.detail.post.Parts()[0]
	if !strings.Contains(text, "小明（1****1）") || strings.Contains(text, "10001") {
		t.Fatalf("status post: %q", text)
	}
}
