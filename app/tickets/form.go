package tickets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// noTrade is the trade choice for a ticket about no escrow trade.
const noTrade = "（不关联担保交易）"

// Form opens a ticket: the member (picked from a short list as their name is typed),
// the category, optionally the resource and the escrow trade it is about, and what
// went wrong. Bad input is refused at its field.
type Form struct {
	env     *ui.Env
	group   *data.Group
	onSaved func(t data.Ticket)
	latest  ui.Latest

	kit         *ui.FormKit
	Member      *ui.Picker
	Category    *widget.Select
	Resource    *ui.Picker
	Trade       *widget.Select
	Description *ui.Entry
	Status      *widget.Label

	trades []data.Trade // of the picked member, in Trade's options after noTrade
}

// NewForm builds the form for group g (nil: none chosen); Show opens it, once. onSaved
// gets the ticket opened.
func NewForm(e *ui.Env, g *data.Group, onSaved func(t data.Ticket)) *Form {
	f := &Form{env: e, group: g, onSaved: onSaved}
	f.kit = ui.NewFormKit(e, f.check, f.onSave)
	f.kit.SaveButton.SetText("开单")
	f.Member = ui.NewPicker(f.kit.Close, "QQ号、昵称、群名片或拼音，如 xiaoming", 110, f.onMemberPicked)
	f.kit.WatchEntry("member", f.Member.Entry)
	var labels []string
	for _, c := range data.TicketCategories {
		labels = append(labels, c.Label())
	}
	f.Category = widget.NewSelect(labels, func(string) { f.kit.Changed() })
	f.Category.PlaceHolder = "请选问题类型"
	f.Resource = ui.NewPicker(f.kit.Close, "可不填；资源名称或拼音", 80, func() {})
	f.Trade = widget.NewSelect([]string{noTrade}, nil)
	f.Description = ui.NewMultiLineEntry()
	f.Description.SetPlaceHolder("成员说的问题，如：卡密提示已被使用，11月26日买的")
	f.Description.Wrapping = fyne.TextWrapBreak
	f.Description.SetMinRowsVisible(3)
	f.kit.WatchEntry("description", f.Description)
	f.Status = widget.NewLabel("")
	return f
}

func (f *Form) groupID() uint {
	if f.group == nil {
		return 0
	}
	return f.group.ID
}

// Show opens the form and loads the members and resources to pick from.
func (f *Form) Show() {
	f.setTrades(nil)
	f.Status.SetText("正在读取成员和资源库…")
	body := f.kit.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())},
		ui.FormRow{Label: "问题类型", Key: "category", Widget: f.Category},
		ui.FormRow{Label: "问题描述", Key: "description", Widget: f.Description},
		ui.FormRow{Label: "相关资源", Widget: container.NewVBox(f.Resource.Entry, f.Resource.Content())},
		ui.FormRow{Label: "担保交易", Widget: f.Trade},
	)
	size := f.env.Win.Canvas().Size()
	f.kit.Show("新建售后工单", container.NewVBox(f.Status, body), fyne.NewSize(min(760, size.Width-40), min(700, size.Height-40)))
	f.env.Win.Canvas().Focus(f.Member.Entry)
	f.load()
}

// load reads everyone (a member of another of the owner's groups may come for
// after-sales too) and the catalog off the UI goroutine.
func (f *Form) load() {
	n := f.latest.Next()
	e, gid := f.env, f.groupID()
	e.Tasks.Run(func() {
		ms, err := e.Store.Members(0)
		var rs []data.Resource
		if err == nil {
			rs, err = e.Store.Resources()
		}
		members := make([]ui.Choice, len(ms))
		for i := range ms {
			m := &ms[i]
			members[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid), Detail: "QQ " + m.QQ, Key: m.SearchKey}
		}
		resources := make([]ui.Choice, len(rs))
		for i := range rs {
			r := &rs[i]
			resources[i] = ui.Choice{ID: r.ID, Label: r.Name, Detail: "¥" + data.Yuan(r.PriceCents), Key: r.SearchKey}
		}
		fyne.Do(func() {
			if !f.latest.Is(n) {
				return
			}
			if err != nil {
				f.Status.SetText("没能读出成员和资源库，请关闭后再试。")
				e.ShowError(err)
				return
			}
			f.Status.SetText("")
			f.Member.SetChoices(members)
			f.Resource.SetChoices(resources)
		})
	})
}

// onMemberPicked checks the form again and offers the member's escrow trades.
func (f *Form) onMemberPicked() {
	f.kit.Changed()
	f.setTrades(nil)
	id := f.Member.ID()
	if id == 0 {
		return
	}
	e := f.env
	e.Load(&f.latest, func() (func(), error) {
		ts, err := e.Store.TradesOf(id)
		return func() {
			f.setTrades(ts)
		}, err
	})
}

func (f *Form) setTrades(ts []data.Trade) {
	f.trades = ts
	opts := []string{noTrade}
	for _, t := range ts {
		opts = append(opts, fmt.Sprintf("#%d %s ¥%s（%s）", t.ID, t.Item, data.Yuan(t.AmountCents), t.State.Label()))
	}
	f.Trade.SetOptions(opts)
	f.Trade.SetSelectedIndex(0)
}

// draft is the ticket as the form has it.
func (f *Form) draft() data.TicketDraft {
	d := data.TicketDraft{MemberID: f.Member.ID(), ResourceID: f.Resource.IDPtr(), Description: f.Description.Text}
	if i := f.Category.SelectedIndex(); i >= 0 {
		d.Category = data.TicketCategories[i]
	}
	if i := f.Trade.SelectedIndex(); i > 0 && i-1 < len(f.trades) {
		d.TradeID = &f.trades[i-1].ID
	}
	if f.group != nil {
		d.GroupID = &f.group.ID
	}
	return d
}

func (f *Form) check() error { return f.draft().Check() }

func (f *Form) onSave() {
	d := f.draft()
	var t data.Ticket
	f.kit.Submit(func() error {
		var err error
		t, err = f.env.Store.OpenTicket(d)
		return err
	}, func() {
		if f.onSaved != nil {
			f.onSaved(t)
		}
	})
}
