package swaps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// anyCategory is the category choice that leaves the want to the text or resource.
const anyCategory = "（不限分类）"

// daysChoices are the expiry choices of a listing, in days.
var daysChoices = []string{"3 天", "7 天", "14 天", "30 天"}

var daysOf = map[string]int{"3 天": 3, "7 天": 7, "14 天": 14, "30 天": 30}

// listingForm records a new listing: the member picked from the list, what they have
// (picked from the catalog or typed) and how many, what they want (a resource, a whole
// category, or typed), a note and how long it stays open.
type listingForm struct {
	*ui.FormKit
	group   *data.Group
	onSaved func(data.SwapListing)

	Member, Has, Want *ui.Picker
	Quantity          *ui.FormEntry
	WantCategory      *widget.Select
	Days              *widget.Select
	Remarks           *ui.Entry
	Status            *widget.Label
	categories        []data.Category
}

func newListingForm(e *ui.Env, g *data.Group, onSaved func(data.SwapListing)) *listingForm {
	f := &listingForm{group: g, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("挂单")
	f.Member = ui.NewPicker(f.Close, "成员的QQ号、昵称、群名片或拼音", 88, f.Changed)
	f.WatchEntry("member", f.Member.Entry)
	f.Has = ui.NewPicker(f.Close, "如 王者荣耀点券 60点；资源库里有的可在下面点选", 88, f.Changed)
	f.WatchEntry("has", f.Has.Entry)
	f.Quantity = f.Entry("quantity", "默认 1")
	f.Want = ui.NewPicker(f.Close, "如 爱奇艺月卡；哪个都行就在下面「想换的分类」里选一类", 88, f.Changed)
	f.WatchEntry("want", f.Want.Entry)
	f.WantCategory = ui.NewSelect([]string{anyCategory}, anyCategory, func(string) { f.Changed() })
	f.Days = ui.NewSelect(daysChoices, "7 天", func(string) { f.Changed() })
	f.Remarks = ui.NewMultiLineEntry()
	f.Remarks.SetMinRowsVisible(2)
	f.WatchEntry("note", f.Remarks)
	f.Status = widget.NewLabel("正在读取成员和资源库…")
	e.Tasks.Run(f.load)
	return f
}

// load reads every member and the catalog off the UI goroutine.
func (f *listingForm) load() {
	e := f.Env
	ms, err := e.Store.Members(0)
	var rs []data.Resource
	var cs []data.Category
	if err == nil {
		rs, err = e.Store.Resources()
	}
	if err == nil {
		cs, err = e.Store.Categories()
	}
	fyne.Do(func() {
		if err != nil {
			f.Status.SetText("没能读出成员和资源库，请关闭后再试。")
			e.ShowError(err)
			return
		}
		f.apply(ms, rs, cs)
	})
}

func (f *listingForm) apply(ms []data.Member, rs []data.Resource, cs []data.Category) {
	gid := uint(0)
	if f.group != nil {
		gid = f.group.ID
	}
	members := make([]ui.Choice, len(ms))
	for i, m := range ms {
		members[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid) + " " + m.QQ, Key: m.SearchKey}
	}
	f.Member.SetChoices(members)
	items := make([]ui.Choice, len(rs))
	for i, r := range rs {
		items[i] = ui.Choice{ID: r.ID, Label: r.Name, Detail: r.Category.Name, Key: r.SearchKey}
	}
	f.Has.SetChoices(items)
	f.Want.SetChoices(items)
	f.categories = cs
	opts := []string{anyCategory}
	for _, c := range cs {
		opts = append(opts, c.Name)
	}
	f.WantCategory.SetOptions(opts)
	f.Status.SetText("")
	f.Status.Hide()
	if len(ms) == 0 {
		f.Status.SetText("还没有成员，请先到「成员」里添加。")
		f.Status.Show()
	}
}

func (f *listingForm) draft() data.SwapDraft {
	d := data.SwapDraft{MemberID: f.Member.ID(), HasResourceID: f.Has.IDPtr(), Quantity: f.Quantity.Text,
		WantResourceID: f.Want.IDPtr(), Note: f.Remarks.Text, Days: daysOf[f.Days.Selected]}
	if d.HasResourceID == nil {
		d.HasText = f.Has.Entry.Text
	}
	if d.WantResourceID == nil {
		d.WantText = f.Want.Entry.Text
		for _, c := range f.categories {
			if c.Name == f.WantCategory.Selected {
				id := c.ID
				d.WantCategoryID = &id
			}
		}
	}
	if f.group != nil {
		d.GroupID = &f.group.ID
	}
	return d
}

func (f *listingForm) check() error {
	_, err := f.draft().Parse()
	return err
}

func (f *listingForm) show() {
	form := f.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())},
		ui.FormRow{Label: "手上有", Key: "has", Widget: container.NewVBox(f.Has.Entry, f.Has.Content())},
		ui.FormRow{Label: "数量", Key: "quantity", Widget: f.Quantity,
			Beside: &ui.FormRow{Label: "有效期", Key: "days", Widget: f.Days}},
		ui.FormRow{Label: "想换", Key: "want", Widget: container.NewVBox(f.Want.Entry, f.Want.Content())},
		ui.FormRow{Label: "想换的分类", Key: "want_category", Widget: f.WantCategory},
		ui.FormRow{Label: "备注", Key: "note", Widget: f.Remarks},
	)
	f.FormKit.Show("新挂单", container.NewVBox(f.Status, form), fyne.NewSize(820, 720))
	f.Env.Win.Canvas().Focus(f.Member.Entry)
}

func (f *listingForm) onSave() {
	var l data.SwapListing
	d := f.draft() // read on the UI goroutine
	f.Submit(func() error {
		var err error
		l, err = f.Env.Store.AddSwapListing(d)
		return err
	}, func() { f.onSaved(l) })
}
