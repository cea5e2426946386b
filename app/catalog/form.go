package catalog

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// redeemOptions are the usual ways a resource is handed over; owners may type others.
var redeemOptions = []string{"卡密", "直充", "激活码", "兑换码", "账号代充", "链接领取"}

// resourceForm adds or edits one resource.
type resourceForm struct {
	*ui.FormKit
	prev    *data.Resource      // nil when adding
	onSaved func(data.Resource) // after the store has it, with its ID

	name, price, original, stock *ui.FormEntry
	validFrom, validUntil, tags  *ui.FormEntry
	notes                        *ui.Entry
	redeem, supplier             *ui.SelectEntry
	category, status             *widget.Select

	// Under the stock: what it means for the status (0 on sale is 售罄) and a button
	// that sets the status it offers, so no post advertises what cannot be bought.
	stockNote   *widget.Label
	stockOffer  *widget.Button
	offerStatus data.ResourceStatus

	// Under the status, beside the stock's note: how reliable the supplier has been, a
	// warning above the owner's line (see form_blacklist.go).
	supplierNote *widget.Label
	reliab       map[string]reliability.Record // by supplier name; nil until loaded
	warnPercent  int
}

// newResourceForm builds the form for prev (nil to add one, in category cat if given).
func newResourceForm(e *ui.Env, prev *data.Resource, cat string, onSaved func(data.Resource)) *resourceForm {
	f := &resourceForm{prev: prev, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.name = f.Entry("name", "如 王者荣耀点券 60元")
	f.price = f.Entry("price", "单位：元，如 58 或 9.9，免费填 0")
	f.original = f.Entry("original_price", "可不填；比售价高时公告里会显示原价")
	f.stock = f.Entry("stock", "留空表示不限")
	f.validFrom = f.Entry("valid_from", "限时活动才填，如 2026-12-01")
	f.validUntil = f.Entry("valid_until", "限时活动才填，如 2026-12-31 20:00")
	f.tags = f.Entry("tags", "用逗号分隔，如 王者荣耀，点券")
	f.notes = ui.NewMultiLineEntry()
	f.notes.SetMinRowsVisible(2)
	f.WatchEntry("notes", f.notes)
	f.redeem = f.selectEntry("redeem", redeemOptions, "如 卡密、直充")
	f.supplier = f.selectEntry("supplier", nil, "货源或上家，可不填")
	f.category = widget.NewSelect(nil, nil)
	f.category.PlaceHolder = "请选择分类"
	f.status = widget.NewSelect(statusChoices(prev), nil)
	f.supplierNote = newSupplierNote()
	f.supplier.OnChanged = chain(f.supplier.OnChanged, func(string) { f.updateSupplierNote() })
	f.validFrom.OnChanged = func(string) { _ = f.validUntil.Validate() }
	f.stockNote = widget.NewLabel(data.StockHint)
	f.stockNote.Truncation = fyne.TextTruncateEllipsis
	f.stockOffer = widget.NewButton("", f.onStockOffer)
	f.stockOffer.Hide()
	f.stock.OnChanged = chain(f.stock.OnChanged, func(string) { f.updateStockNote() })
	f.status.OnChanged = chain(f.status.OnChanged, func(string) { f.updateStockNote(); f.Changed() })
	f.category.OnChanged = chain(f.category.OnChanged, func(string) { f.Changed() })
	f.fill(cat)
	f.lockInvalid()
	return f
}

// chain adds then to whatever already listens to a field.
func chain(first, then func(string)) func(string) {
	if first == nil {
		return then
	}
	return func(s string) { first(s); then(s) }
}

// updateStockNote tells the owner, as they type, what the stock means for the status.
func (f *resourceForm) updateStockNote() {
	note, offer := f.draft().StockNote()
	f.stockNote.SetText(note)
	f.offerStatus = offer
	if offer == "" {
		f.stockNote.Importance = widget.LowImportance
		f.stockNote.Refresh()
		f.stockOffer.Hide()
		return
	}
	f.stockNote.Importance = widget.WarningImportance
	f.stockNote.Refresh()
	f.stockOffer.SetText("设为" + offer.Label())
	if offer == data.StatusOnSale {
		f.stockOffer.SetText("改回上架")
	}
	f.stockOffer.Show()
}

// onStockOffer sets the status the stock note offers.
func (f *resourceForm) onStockOffer() {
	if f.offerStatus != "" {
		f.status.SetSelected(f.offerStatus.Label())
	}
}

// stockRow is the stock field with its problem line, then its note and offer. The
// note's line is always there, so the fields below never move while the owner types.
func (f *resourceForm) stockRow() fyne.CanvasObject {
	note := container.NewBorder(nil, nil, nil, f.stockOffer, f.stockNote)
	return container.NewVBox(f.stock, f.ProblemLine("stock"), note)
}

func (f *resourceForm) selectEntry(key string, options []string, hint string) *ui.SelectEntry {
	e := ui.NewSelectEntry(options)
	e.SetPlaceHolder(hint)
	f.WatchEntry(key, e)
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
		&f.validFrom.Entry: d.ValidFrom, &f.validUntil.Entry: d.ValidUntil, &f.tags.Entry: d.Tags, &f.notes.Entry: d.Notes,
		&f.redeem.Entry: d.Redeem, &f.supplier.Entry: d.Supplier,
	} {
		e.SetText(text)
	}
	f.status.SetSelected(d.Status)
	f.category.SetSelected(d.Category)
	f.updateStockNote()
	f.Env.Tasks.Run(f.loadChoices)
}

func (f *resourceForm) loadChoices() {
	cats, err := f.Env.Store.Categories()
	sups, err2 := f.Env.Store.Suppliers()
	recs, err3 := f.Env.Store.SupplierReliability()
	percent, err4 := f.Env.Store.SupplierWarnPercent()
	fyne.Do(func() {
		if err3 == nil && err4 == nil {
			f.setReliability(recs, percent)
		}
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
	// Short fields go in pairs, so the whole form, with a problem line under every
	// field, fits the window: nothing the owner has to fill hides below a scroll.
	form := f.Form(
		ui.FormRow{Label: "名称", Key: "name", Widget: f.name},
		ui.FormRow{Label: "分类", Key: "category", Widget: f.category,
			Beside: &ui.FormRow{Label: "兑换方式", Key: "redeem", Widget: f.redeem}},
		ui.FormRow{Label: "价格（元）", Key: "price", Widget: f.price,
			Beside: &ui.FormRow{Label: "原价（元）", Key: "original_price", Widget: f.original}},
		ui.FormRow{Label: "开始时间", Key: "valid_from", Widget: f.validFrom,
			Beside: &ui.FormRow{Label: "截止时间", Key: "valid_until", Widget: f.validUntil}},
		ui.FormRow{Label: "供应商", Key: "supplier", Widget: f.supplier,
			Beside: &ui.FormRow{Label: "标签", Key: "tags", Widget: f.tags}},
		ui.FormRow{Label: "状态", Widget: f.statusCell(),
			Beside: &ui.FormRow{Label: "库存", Widget: f.stockRow()}},
		ui.FormRow{Label: "备注", Key: "notes", Widget: f.notes},
	)
	title := "新增资源"
	if f.prev != nil {
		title = "编辑资源"
	}
	f.FormKit.Show(title, form, fyne.NewSize(900, 680))
}

func (f *resourceForm) onSave() {
	r, _ := f.parse()
	f.Submit(func() error { return f.Env.Store.SaveResource(&r) }, func() { f.onSaved(r) })
}
