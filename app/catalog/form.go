package catalog

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// redeemOptions are the usual ways a resource is handed over; owners may type others.
var redeemOptions = []string{"卡密", "直充", "激活码", "兑换码", "账号代充", "链接领取"}

// resourceForm adds or edits one resource.
type resourceForm struct {
	*ui.FormKit
	prev    *data.Resource // nil when adding
	onSaved func()

	name, price, original, stock *ui.FormEntry
	validFrom, validUntil, tags  *ui.FormEntry
	notes                        *widget.Entry
	redeem, supplier             *widget.SelectEntry
	category, status             *widget.Select
}

// newResourceForm builds the form for prev (nil to add one, in category cat if given).
func newResourceForm(e *ui.Env, prev *data.Resource, cat string, onSaved func()) *resourceForm {
	f := &resourceForm{prev: prev, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.name = f.Entry("name", "如 王者荣耀点券 60元")
	f.price = f.Entry("price", "单位:元,如 58 或 9.9,免费填 0")
	f.original = f.Entry("original_price", "可不填;比售价高时公告里会显示原价")
	f.stock = f.Entry("stock", "留空表示不限")
	f.validFrom = f.Entry("valid_from", "限时活动才填,如 2026-12-01")
	f.validUntil = f.Entry("valid_until", "限时活动才填,如 2026-12-31 或 2026-12-31 20:00")
	f.tags = f.Entry("tags", "用逗号分隔,如 王者荣耀,点券")
	f.notes = widget.NewMultiLineEntry()
	f.notes.SetMinRowsVisible(2)
	f.Watch("notes", f.notes)
	f.redeem = f.selectEntry("redeem", redeemOptions, "如 卡密、直充")
	f.supplier = f.selectEntry("supplier", nil, "货源或上家,可不填")
	f.category = widget.NewSelect(nil, nil)
	f.category.PlaceHolder = "请选择分类"
	f.status = widget.NewSelect(statusLabels(), nil)
	f.validFrom.OnChanged = func(string) { _ = f.validUntil.Validate() }
	f.fill(cat)
	return f
}

func statusLabels() []string {
	var ls []string
	for _, st := range data.ResourceStatuses {
		ls = append(ls, st.Label())
	}
	return ls
}

func (f *resourceForm) selectEntry(key string, options []string, hint string) *widget.SelectEntry {
	e := widget.NewSelectEntry(options)
	e.SetPlaceHolder(hint)
	f.Watch(key, &e.Entry)
	return e
}

// fill puts the saved resource (or the defaults) into the fields, then loads the
// category and supplier choices.
func (f *resourceForm) fill(cat string) {
	d := data.ResourceDraft{Category: cat, Status: data.StatusOnSale.Label()}
	if f.prev != nil {
		d = data.DraftOf(f.prev, f.Env.Loc)
	}
	for e, text := range map[*widget.Entry]string{
		&f.name.Entry: d.Name, &f.price.Entry: d.Price, &f.original.Entry: d.OriginalPrice, &f.stock.Entry: d.Stock,
		&f.validFrom.Entry: d.ValidFrom, &f.validUntil.Entry: d.ValidUntil, &f.tags.Entry: d.Tags, f.notes: d.Notes,
		&f.redeem.Entry: d.Redeem, &f.supplier.Entry: d.Supplier,
	} {
		e.SetText(text)
	}
	f.status.SetSelected(d.Status)
	f.category.SetSelected(d.Category)
	f.Env.Tasks.Run(f.loadChoices)
}

func (f *resourceForm) loadChoices() {
	cats, err := f.Env.Store.Categories()
	sups, err2 := f.Env.Store.Suppliers()
	fyne.Do(func() {
		if err != nil || err2 != nil {
			return // the form still works with what is typed
		}
		names := make([]string, len(cats))
		for i, c := range cats {
			names[i] = c.Name
		}
		f.category.SetOptions(names)
		if f.category.Selected == "" && len(names) > 0 {
			f.category.SetSelected(names[0])
		}
		supNames := make([]string, len(sups))
		for i, s := range sups {
			supNames[i] = s.Name
		}
		f.supplier.SetOptions(supNames)
	})
}

func (f *resourceForm) draft() data.ResourceDraft {
	return data.ResourceDraft{
		Name: f.name.Text, Category: f.category.Selected, Price: f.price.Text,
		OriginalPrice: f.original.Text, Redeem: f.redeem.Text, Stock: f.stock.Text,
		ValidFrom: f.validFrom.Text, ValidUntil: f.validUntil.Text, Supplier: f.supplier.Text,
		Status: f.status.Selected, Tags: f.tags.Text, Notes: f.notes.Text,
	}
}

func (f *resourceForm) parse() (data.Resource, error) {
	return f.draft().Parse(f.prev, f.Env.Now(), f.Env.Loc)
}

func (f *resourceForm) check() error {
	_, err := f.parse()
	return err
}

func (f *resourceForm) show() {
	form := widget.NewForm(
		widget.NewFormItem("名称", f.name),
		widget.NewFormItem("分类", f.category),
		widget.NewFormItem("价格(元)", f.price),
		widget.NewFormItem("原价(元)", f.original),
		widget.NewFormItem("兑换方式", f.redeem),
		widget.NewFormItem("库存", f.stock),
		widget.NewFormItem("开始时间", f.validFrom),
		widget.NewFormItem("截止时间", f.validUntil),
		widget.NewFormItem("供应商", f.supplier),
		widget.NewFormItem("状态", f.status),
		widget.NewFormItem("标签", f.tags),
		widget.NewFormItem("备注", f.notes),
	)
	title := "新增资源"
	if f.prev != nil {
		title = "编辑资源"
	}
	f.FormKit.Show(title, form, fyne.NewSize(640, 700))
}

func (f *resourceForm) onSave() {
	r, _ := f.parse()
	f.Submit(func() error { return f.Env.Store.SaveResource(&r) }, f.onSaved)
}
