package rewards

import (
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var itemColumns = []ui.Column{
	{Title: "名称", Width: 200}, {Title: "类型", Width: 80}, {Title: "积分", Width: 60}, {Title: "库存", Width: 60},
	{Title: "状态", Width: 60}, {Title: "说明", Width: 260},
}

// itemsTab is the redemption catalog: the items, and adding, changing, and putting
// them on or off.
type itemsTab struct {
	s        *Screen
	all      []data.RewardItem
	selected uint

	Table                        *ui.RecordTable
	empty                        *ui.EmptyState
	AddButton, EditButton, OnOff *widget.Button
	DeleteButton                 *widget.Button
	Form                         *itemForm // the form last opened
}

func newItemsTab(s *Screen) *itemsTab {
	t := &itemsTab{s: s, empty: ui.NewEmptyState()}
	t.Table = ui.NewRecordTable(itemColumns, func() int { return len(t.all) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_reward_items")
	t.AddButton = widget.NewButtonWithIcon("新增商品", theme.ContentAddIcon(), func() { t.openForm(nil) })
	t.EditButton = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() {
		if it := t.current(); it != nil {
			t.openForm(it)
		}
	})
	t.OnOff = widget.NewButton("下架", t.toggle)
	t.DeleteButton = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.delete)
	t.enable()
	return t
}

func (t *itemsTab) content() fyne.CanvasObject {
	bar := container.NewHBox(t.AddButton, t.EditButton, t.OnOff, t.DeleteButton)
	return container.NewBorder(bar, nil, nil, nil, t.empty.OverTable(t.Table))
}

func (t *itemsTab) apply(its []data.RewardItem) {
	t.all = its
	t.Table.UnselectAll()
	t.Table.Refresh()
	if len(its) == 0 && t.s.loaded {
		t.empty.Show("还没有兑换商品。点「新增商品」，例如「热心群友」身份标识 30 分，或资源库里稀缺的年卡。",
			widget.NewButtonWithIcon("新增商品", theme.ContentAddIcon(), func() { t.openForm(nil) }))
	} else {
		t.empty.Hide()
	}
	for row := range t.all {
		if t.all[row].ID == t.selected {
			t.Table.Select(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
	t.selected = 0
	t.enable()
}

func (t *itemsTab) current() *data.RewardItem {
	for i := range t.all {
		if t.all[i].ID == t.selected {
			return &t.all[i]
		}
	}
	return nil
}

func (t *itemsTab) enable() {
	it := t.current()
	ui.Enable(t.EditButton, it != nil)
	ui.Enable(t.OnOff, it != nil)
	ui.Enable(t.DeleteButton, it != nil)
	if it != nil && !it.Active {
		t.OnOff.SetText("上架")
	} else {
		t.OnOff.SetText("下架")
	}
}

func itemDetail(it *data.RewardItem) string {
	switch {
	case it.Kind == data.RewardBadge && it.BadgeDays > 0:
		return fmt.Sprintf("身份标识「%s」，%d 天", it.BadgeName, it.BadgeDays)
	case it.Kind == data.RewardBadge:
		return fmt.Sprintf("身份标识「%s」，一直有效", it.BadgeName)
	case it.Resource != nil:
		return "从资源库「" + it.Resource.Name + "」出库"
	}
	return it.Note
}

func (t *itemsTab) fillCell(row, col int, l *widget.Label) {
	it := &t.all[row]
	switch col {
	case 0:
		l.SetText(it.Name)
	case 1:
		l.SetText(it.Kind.Label())
	case 2:
		l.SetText(strconv.FormatInt(it.Price, 10))
	case 3:
		l.SetText(it.StockText())
	case 4:
		if it.Active {
			l.SetText("上架")
		} else {
			l.SetText("下架")
		}
	case 5:
		l.SetText(itemDetail(it))
	}
}

func (t *itemsTab) onSelected(row int) {
	if row < 0 || row >= len(t.all) {
		return
	}
	t.selected = t.all[row].ID
	t.enable()
}

func (t *itemsTab) toggle() {
	it := t.current()
	if it == nil {
		return
	}
	e, id, on, name := t.s.env, it.ID, !it.Active, it.Name
	e.Tasks.Run(func() {
		err := e.Store.SetRewardItemActive(id, on)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			if on {
				t.s.notice.Show("「" + name + "」已上架，群友可以兑换了")
			} else {
				t.s.notice.Show("「" + name + "」已下架，暂停兑换")
			}
			t.s.Refresh()
		})
	})
}

func (t *itemsTab) delete() {
	it := t.current()
	if it == nil {
		return
	}
	e, id, name := t.s.env, it.ID, it.Name
	ui.Confirm(e.Win, "删除兑换商品", "确定删除「"+name+"」吗？", "删除", func() {
		e.Tasks.Run(func() {
			err := e.Store.DeleteRewardItem(id)
			fyne.Do(func() {
				switch {
				case errors.Is(err, data.ErrInUse):
					ui.ShowMessage(e.Win, "不能删除", "「"+name+"」已经有人兑换过，删除会丢掉兑换记录。不想再兑换的话，请点「下架」。")
				case err != nil:
					e.ShowError(err)
				default:
					t.s.notice.Show("已删除「" + name + "」")
					t.selected = 0
					t.s.Refresh()
				}
			})
		})
	})
}

func (t *itemsTab) openForm(it *data.RewardItem) {
	t.Form = newItemForm(t.s.env, t.s.Group, it, func(saved data.RewardItem) {
		t.selected = saved.ID
		t.s.notice.Show("已保存「" + saved.Name + "」")
		t.s.Refresh()
	})
	t.Form.show()
}

// itemForm adds or changes a reward item.
type itemForm struct {
	*ui.FormKit
	group   *data.Group
	editing *data.RewardItem
	onSaved func(data.RewardItem)

	Name, Price, Stock, BadgeName, BadgeDays *ui.FormEntry
	Kind                                     *widget.Select
	Resource                                 *ui.Picker
	Active                                   *widget.Check
	Remarks                                  *ui.Entry
	Status                                   *widget.Label
}

var kindLabels = func() []string {
	out := make([]string, len(data.RewardKinds))
	for i, k := range data.RewardKinds {
		out[i] = k.Label()
	}
	return out
}()

func newItemForm(e *ui.Env, g *data.Group, it *data.RewardItem, onSaved func(data.RewardItem)) *itemForm {
	f := &itemForm{group: g, editing: it, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.Name = f.Entry("name", "如 热心群友（身份标识）、爱奇艺年卡")
	f.Kind = ui.NewSelect(kindLabels, data.RewardBadge.Label(), func(string) { f.kindChanged() })
	f.Resource = ui.NewPicker(f.Close, "资源库里的资源（可不选）；选了就从它的库存出", 88, f.Changed)
	f.WatchEntry("resource", f.Resource.Entry)
	f.BadgeName = f.Entry("badge", "不填就用商品名称，最多 12 个字")
	f.BadgeDays = f.Entry("badge_days", "留空或 0 表示一直有效")
	f.Price = f.Entry("price", "兑换要多少积分，如 50")
	f.Stock = f.Entry("stock", "留空表示不限")
	f.Active = widget.NewCheck("上架（群友可以兑换）", func(bool) {})
	f.Active.SetChecked(true)
	f.Remarks = ui.NewMultiLineEntry()
	f.Remarks.SetMinRowsVisible(2)
	f.WatchEntry("note", f.Remarks)
	f.Status = widget.NewLabel("")
	f.Status.Hide()
	if it != nil {
		f.Name.SetText(it.Name)
		f.Kind.SetSelected(it.Kind.Label())
		f.BadgeName.SetText(it.BadgeName)
		if it.BadgeDays > 0 {
			f.BadgeDays.SetText(strconv.Itoa(it.BadgeDays))
		}
		f.Price.SetText(strconv.FormatInt(it.Price, 10))
		if it.Stock != nil {
			f.Stock.SetText(strconv.Itoa(*it.Stock))
		}
		f.Active.SetChecked(it.Active)
		f.Remarks.SetText(it.Note)
	}
	f.kindChanged()
	e.Tasks.Run(f.load)
	return f
}

func (f *itemForm) load() {
	e := f.Env
	rs, err := e.Store.Resources()
	fyne.Do(func() {
		if err != nil {
			e.ShowError(err)
			return
		}
		cs := make([]ui.Choice, len(rs))
		for i, r := range rs {
			cs[i] = ui.Choice{ID: r.ID, Label: r.Name, Detail: "库存 " + r.StockText(), Key: r.SearchKey}
		}
		f.Resource.SetChoices(cs)
		if f.editing != nil && f.editing.ResourceID != nil {
			pickID(f.Resource, *f.editing.ResourceID, cs)
		}
	})
}

func (f *itemForm) kind() data.RewardKind {
	for _, k := range data.RewardKinds {
		if k.Label() == f.Kind.Selected {
			return k
		}
	}
	return ""
}

// kindChanged shows the fields of the kind picked: the resource for 资源, the badge
// and its days for 身份标识.
func (f *itemForm) kindChanged() {
	k := f.kind()
	enableEntry(&f.Resource.Entry.Entry, k == data.RewardResource)
	enableEntry(&f.BadgeName.Entry, k == data.RewardBadge)
	enableEntry(&f.BadgeDays.Entry, k == data.RewardBadge)
	f.Changed()
}

func (f *itemForm) draft() data.RewardDraft {
	d := data.RewardDraft{Name: f.Name.Text, Kind: f.kind(), ResourceID: f.Resource.IDPtr(), BadgeName: f.BadgeName.Text,
		BadgeDays: f.BadgeDays.Text, Price: f.Price.Text, Stock: f.Stock.Text, Active: f.Active.Checked, Note: f.Remarks.Text}
	if f.editing != nil {
		d.GroupID = f.editing.GroupID
	} else if f.group != nil {
		d.GroupID = &f.group.ID
	}
	return d
}

func (f *itemForm) check() error {
	d := f.draft()
	_, err := d.Parse()
	if d.Kind == data.RewardResource && d.ResourceID == nil && f.Resource.Entry.Text != "" {
		ve, _ := ui.IsValidation(err)
		ve = append(ve, &data.FieldError{Field: "resource", Message: "请在下面的列表里点选资源，或清空不选"})
		return ve
	}
	return err
}

func (f *itemForm) show() {
	title := "新增兑换商品"
	if f.editing != nil {
		title = "修改兑换商品"
	}
	form := f.Form(
		ui.FormRow{Label: "名称", Key: "name", Widget: f.Name},
		ui.FormRow{Label: "类型", Key: "kind", Widget: f.Kind,
			Beside: &ui.FormRow{Label: "积分", Key: "price", Widget: f.Price}},
		ui.FormRow{Label: "库存", Key: "stock", Widget: f.Stock},
		ui.FormRow{Label: "资源库", Key: "resource", Widget: container.NewVBox(f.Resource.Entry, f.Resource.Content())},
		ui.FormRow{Label: "身份标识", Key: "badge", Widget: f.BadgeName,
			Beside: &ui.FormRow{Label: "有效天数", Key: "badge_days", Widget: f.BadgeDays}},
		ui.FormRow{Label: "备注", Key: "note", Widget: f.Remarks},
	)
	f.FormKit.Show(title, container.NewVBox(f.Status, form, f.Active), fyne.NewSize(760, 640))
	f.Env.Win.Canvas().Focus(f.Name)
}

func (f *itemForm) onSave() {
	d := f.draft()
	var id uint
	if f.editing != nil {
		id = f.editing.ID
	}
	var it data.RewardItem
	f.Submit(func() error {
		var err error
		it, err = f.Env.Store.SaveRewardItem(id, d)
		return err
	}, func() { f.onSaved(it) })
}

// pickID picks the choice with id in p, as if the owner had typed its label and
// clicked it (an edit form showing what was saved).
func pickID(p *ui.Picker, id uint, cs []ui.Choice) {
	for _, c := range cs {
		if c.ID != id {
			continue
		}
		p.Entry.SetText(c.Label)
		for i, at := range p.Shown {
			if cs[at].ID == id {
				p.List.Select(i)
			}
		}
	}
}

func enableEntry(e *widget.Entry, on bool) {
	if on {
		e.Enable()
	} else {
		e.Disable()
	}
}
