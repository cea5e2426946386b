package groups

import (
	"fyne.io/fyne/v2"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// groupForm adds or edits a group.
type groupForm struct {
	*ui.FormKit
	prev         *data.Group
	onSaved      func(data.Group) // after the store has it, with its ID
	Name, Number *ui.FormEntry    // exported for the shell's welcome tests
	notes        *ui.Entry
}

func newGroupForm(e *ui.Env, prev *data.Group, onSaved func(data.Group)) *groupForm {
	f := &groupForm{prev: prev, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.Name = f.Entry("name", "如 王者荣耀点券福利群")
	f.Number = f.Entry("number", "QQ群号，5–12 位数字")
	f.notes = ui.NewMultiLineEntry()
	f.WatchEntry("notes", f.notes)
	if prev != nil {
		f.Name.SetText(prev.Name)
		f.Number.SetText(prev.Number)
		f.notes.SetText(prev.Notes)
	}
	return f
}

func (f *groupForm) draft() data.GroupDraft {
	return data.GroupDraft{Name: f.Name.Text, Number: f.Number.Text, Notes: f.notes.Text}
}

func (f *groupForm) check() error {
	_, err := f.draft().Parse()
	return err
}

func (f *groupForm) show() {
	title := "新建群"
	if f.prev != nil {
		title = "编辑群"
	}
	form := f.Form(
		ui.FormRow{Label: "群名称", Key: "name", Widget: f.Name},
		ui.FormRow{Label: "群号", Key: "number", Widget: f.Number},
		ui.FormRow{Label: "备注", Key: "notes", Widget: f.notes})
	f.FormKit.Show(title, form, fyne.NewSize(520, 400))
}

func (f *groupForm) onSave() {
	g, _ := f.draft().Parse()
	if f.prev != nil {
		g.ID, g.CreatedAt = f.prev.ID, f.prev.CreatedAt
	}
	f.Submit(func() error { return f.Env.Store.SaveGroup(&g) }, func() { f.onSaved(g) })
}
