package rewards

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// redeemForm records a member redeeming an item: the member picked from the list with
// their balance beside the name, the item with its price and stock, a note. A member
// with too few points is refused at 积分 and an item none is left of at 商品, before
// the store is asked; the store checks again in the transaction that writes.
type redeemForm struct {
	*ui.FormKit
	group   *data.Group
	onSaved func(data.Redemption)

	Member, Item *ui.Picker
	Balance      *widget.Label // the member's balance against the price
	Remarks      *ui.Entry
	Status       *widget.Label
	balances     map[uint]int64
	items        map[uint]data.RewardItem
}

// ShowRedeem opens the 兑换 dialog.
func (s *Screen) ShowRedeem() {
	s.redeem = newRedeemForm(s.env, s.Group, func(r data.Redemption) {
		s.Records.selected = r.ID
		s.Tabs.Select(s.recordsItem)
		s.notice.Show(fmt.Sprintf("已记下兑换 #%d：%s，扣 %d 分，待发放", r.ID, r.ItemName, r.Price))
		s.changed()
	})
	s.redeem.show()
}

func newRedeemForm(e *ui.Env, g *data.Group, onSaved func(data.Redemption)) *redeemForm {
	f := &redeemForm{group: g, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("兑换")
	f.Member = ui.NewPicker(f.Close, "成员的QQ号、昵称、群名片或拼音", 88, f.picked)
	f.WatchEntry("member", f.Member.Entry)
	f.Item = ui.NewPicker(f.Close, "兑换商品的名称", 88, f.picked)
	f.WatchEntry("item", f.Item.Entry)
	f.Balance = widget.NewLabel("选好成员和商品后，这里显示TA的积分够不够。")
	f.Balance.Wrapping = fyne.TextWrapBreak
	f.Remarks = ui.NewMultiLineEntry()
	f.Remarks.SetMinRowsVisible(2)
	f.WatchEntry("note", f.Remarks)
	f.Status = widget.NewLabel("正在读取成员、积分和兑换商品…")
	e.Tasks.Run(f.load)
	return f
}

func (f *redeemForm) groupID() uint {
	if f.group == nil {
		return 0
	}
	return f.group.ID
}

// load reads the members, their balances and the items on offer off the UI goroutine.
func (f *redeemForm) load() {
	e, gid := f.Env, f.groupID()
	ms, err := e.Store.Members(gid)
	var bal map[uint]int64
	var its []data.RewardItem
	if err == nil {
		bal, err = e.Store.RedeemBalances()
	}
	if err == nil {
		its, err = e.Store.RewardItems(gid)
	}
	fyne.Do(func() {
		if err != nil {
			f.Status.SetText("没能读出成员和兑换商品，请关闭后再试。")
			e.ShowError(err)
			return
		}
		f.apply(ms, bal, its)
	})
}

func (f *redeemForm) apply(ms []data.Member, bal map[uint]int64, its []data.RewardItem) {
	gid := f.groupID()
	f.balances = bal
	members := make([]ui.Choice, len(ms))
	for i, m := range ms {
		members[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid) + " " + m.QQ,
			Detail: fmt.Sprintf("余 %d 分", bal[m.ID]), Key: m.SearchKey}
	}
	f.Member.SetChoices(members)
	f.items = make(map[uint]data.RewardItem, len(its))
	var items []ui.Choice
	for _, it := range its {
		if !it.Active {
			continue
		}
		f.items[it.ID] = it
		detail := fmt.Sprintf("%d 分 · 库存 %s", it.Price, it.StockText())
		items = append(items, ui.Choice{ID: it.ID, Label: it.Name, Detail: detail,
			Key: data.SearchKey(it.Name, it.BadgeName), Warn: it.OutOfStock()})
	}
	f.Item.SetChoices(items)
	f.Status.SetText("")
	f.Status.Hide()
	switch {
	case len(ms) == 0:
		f.Status.SetText("还没有成员，请先到「成员」里添加。")
		f.Status.Show()
	case len(items) == 0:
		f.Status.SetText("还没有上架的兑换商品，请先在「兑换商品」里添加。")
		f.Status.Show()
	}
	f.picked()
}

// picked shows the member's balance against the item's price and checks the form.
func (f *redeemForm) picked() {
	m, it := f.Member.ID(), f.Item.ID()
	switch {
	case m == 0:
		f.Balance.SetText("选好成员和商品后，这里显示TA的积分够不够。")
	case it == 0:
		f.Balance.SetText(fmt.Sprintf("TA现在有 %d 分。", f.balances[m]))
	default:
		b, p := f.balances[m], f.items[it].Price
		if b >= p {
			f.Balance.SetText(fmt.Sprintf("TA现在有 %d 分，兑换扣 %d 分，还剩 %d 分。", b, p, b-p))
		} else {
			f.Balance.SetText(fmt.Sprintf("TA现在有 %d 分，兑换要 %d 分。", b, p))
		}
	}
	f.Changed()
}

func (f *redeemForm) check() error {
	var ve data.ValidationError
	m, id := f.Member.ID(), f.Item.ID()
	if m == 0 {
		ve = append(ve, &data.FieldError{Field: "member", Message: "请在名单里点选成员"})
	}
	it, ok := f.items[id]
	switch {
	case id == 0 || !ok:
		ve = append(ve, &data.FieldError{Field: "item", Message: "请在列表里点选兑换商品"})
	case it.OutOfStock():
		ve = append(ve, &data.FieldError{Field: "item", Message: fmt.Sprintf("「%s」已经兑换完了，请补上库存或选别的商品", it.Name)})
	case m != 0 && f.balances[m] < it.Price:
		ve = append(ve, &data.FieldError{Field: "amount",
			Message: fmt.Sprintf("这位成员只有 %d 分，不够扣 %d 分", f.balances[m], it.Price)})
	}
	if n := len([]rune(f.Remarks.Text)); n > data.MaxPointNoteLen {
		ve = append(ve, &data.FieldError{Field: "note", Message: fmt.Sprintf("备注最多 %d 个字，现在 %d 个字", data.MaxPointNoteLen, n)})
	}
	if len(ve) == 0 {
		return nil
	}
	return ve
}

func (f *redeemForm) show() {
	form := f.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())},
		ui.FormRow{Label: "兑换商品", Key: "item", Widget: container.NewVBox(f.Item.Entry, f.Item.Content())},
		ui.FormRow{Label: "积分", Key: "amount", Widget: f.Balance},
		ui.FormRow{Label: "备注", Key: "note", Widget: f.Remarks},
	)
	f.FormKit.Show("兑换", container.NewVBox(f.Status, form), fyne.NewSize(720, 640))
	f.Env.Win.Canvas().Focus(f.Member.Entry)
}

func (f *redeemForm) onSave() {
	item, member, note := f.Item.ID(), f.Member.ID(), f.Remarks.Text
	var r data.Redemption
	f.Submit(func() error {
		var err error
		r, err = f.Env.Store.Redeem(item, member, note)
		return err
	}, func() { f.onSaved(r) })
}
