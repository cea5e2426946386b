package trades

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// tradeForm opens a new escrow trade: buyer and seller picked from the members, each
// shown with their trade record so the owner sees who is new or was in a dispute; what
// is traded, typed or picked from the catalog; the amount and the owner's fee.
type tradeForm struct {
	*ui.FormKit
	group   *data.Group
	onSaved func(data.Trade)

	Buyer, Seller, Resource *ui.Picker
	Amount, Fee             *ui.FormEntry
	Remarks                 *ui.Entry
	Status                  *widget.Label
	resources               map[uint]data.Resource
}

func newTradeForm(e *ui.Env, g *data.Group, onSaved func(data.Trade)) *tradeForm {
	f := &tradeForm{group: g, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("开单")
	f.Buyer = ui.NewPicker(f.Close, "买家的QQ号、昵称、群名片或拼音", 88, f.Changed)
	f.WatchEntry("buyer", f.Buyer.Entry)
	f.Seller = ui.NewPicker(f.Close, "卖家的QQ号、昵称、群名片或拼音", 88, f.Changed)
	f.WatchEntry("seller", f.Seller.Entry)
	f.Resource = ui.NewPicker(f.Close, "如 王者荣耀点券 600点；资源库里有的可在下面点选", 88, f.onResourcePicked)
	f.WatchEntry("item", f.Resource.Entry)
	f.Amount = f.Entry("amount", "买家付的钱，如 55 或 ¥12.5")
	f.Fee = f.Entry("fee", "群主收的手续费，没有就留空")
	f.Remarks = ui.NewMultiLineEntry()
	f.Remarks.SetMinRowsVisible(2)
	f.WatchEntry("notes", f.Remarks)
	f.Status = widget.NewLabel("正在读取成员和资源库…")
	e.Tasks.Run(f.load)
	return f
}

// load reads every member with their trade record, and the catalog, off the UI
// goroutine: a buyer from another of the owner's groups may trade here too.
func (f *tradeForm) load() {
	e := f.Env
	ms, err := e.Store.Members(0)
	var recs map[uint]data.TradeRecord
	var rs []data.Resource
	if err == nil {
		recs, err = e.Store.MemberTradeRecords()
	}
	if err == nil {
		rs, err = e.Store.Resources()
	}
	fyne.Do(func() {
		if err != nil {
			f.Status.SetText("没能读出成员和资源库，请关闭后再试。")
			e.ShowError(err)
			return
		}
		f.apply(ms, recs, rs)
	})
}

func (f *tradeForm) apply(ms []data.Member, recs map[uint]data.TradeRecord, rs []data.Resource) {
	gid := uint(0)
	if f.group != nil {
		gid = f.group.ID
	}
	members := make([]ui.Choice, len(ms))
	for i, m := range ms {
		rec := recs[m.ID]
		members[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid) + " " + m.QQ, Detail: rec.Summary(f.Env.Loc),
			Key: m.SearchKey, Warn: rec.Disputed > 0 || rec.Refunded > 0}
	}
	f.Buyer.SetChoices(members)
	f.Seller.SetChoices(members)
	f.resources = map[uint]data.Resource{}
	var items []ui.Choice
	for _, r := range rs {
		f.resources[r.ID] = r
		items = append(items, ui.Choice{ID: r.ID, Label: r.Name, Detail: "¥" + data.Yuan(r.PriceCents), Key: r.SearchKey})
	}
	f.Resource.SetChoices(items)
	f.Status.SetText("")
	f.Status.Hide()
	if len(ms) < 2 {
		f.Status.SetText("担保交易要有买家和卖家两位成员，请先到「成员」里添加。")
		f.Status.Show()
	}
}

// onResourcePicked fills the amount with the resource's price when none is typed yet.
func (f *tradeForm) onResourcePicked() {
	if id := f.Resource.ID(); id != 0 && f.Amount.Text == "" {
		if r, ok := f.resources[id]; ok && r.PriceCents > 0 {
			f.Amount.SetText(data.Yuan(r.PriceCents))
		}
	}
	f.Changed()
}

func (f *tradeForm) draft() data.TradeDraft {
	d := data.TradeDraft{BuyerID: f.Buyer.ID(), SellerID: f.Seller.ID(), Item: f.Resource.Entry.Text,
		Amount: f.Amount.Text, Fee: f.Fee.Text, Notes: f.Remarks.Text}
	if id := f.Resource.ID(); id != 0 {
		d.ResourceID = &id
	}
	if f.group != nil {
		d.GroupID = &f.group.ID
	}
	return d
}

func (f *tradeForm) check() error {
	_, _, err := f.draft().Parse()
	return err
}

func (f *tradeForm) show() {
	form := f.Form(
		ui.FormRow{Label: "买家", Key: "buyer", Widget: container.NewVBox(f.Buyer.Entry, f.Buyer.Content())},
		ui.FormRow{Label: "卖家", Key: "seller", Widget: container.NewVBox(f.Seller.Entry, f.Seller.Content())},
		ui.FormRow{Label: "交易的东西", Key: "item", Widget: container.NewVBox(f.Resource.Entry, f.Resource.Content())},
		ui.FormRow{Label: "金额（元）", Key: "amount", Widget: f.Amount,
			Beside: &ui.FormRow{Label: "手续费（元）", Key: "fee", Widget: f.Fee}},
		ui.FormRow{Label: "备注", Key: "notes", Widget: f.Remarks},
	)
	f.FormKit.Show("新开担保单", container.NewVBox(f.Status, form), fyne.NewSize(820, 700))
	f.Env.Win.Canvas().Focus(f.Buyer.Entry)
}

func (f *tradeForm) onSave() {
	var t data.Trade
	d := f.draft() // read on the UI goroutine
	f.Submit(func() error {
		var err error
		t, err = f.Env.Store.OpenTrade(d)
		return err
	}, func() { f.onSaved(t) })
}
