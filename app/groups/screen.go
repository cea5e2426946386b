package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// groupsScreen manages the owner's QQ groups (群管理).
type groupsScreen struct {
	env       *env
	onChanged func(selectID uint)
	groups    []data.Group
	usages    map[uint]data.GroupUsage
	current   *data.Group
	selected  int

	form       *groupForm // the add/edit form last opened
	list       *widget.List
	addButton  *widget.Button
	editButton *widget.Button
	deleteBtn  *widget.Button
	hint       *widget.Label
}

func newGroupsScreen(e *env, onChanged func(selectID uint)) *groupsScreen {
	s := &groupsScreen{env: e, onChanged: onChanged, selected: -1}
	s.list = widget.NewList(func() int { return len(s.groups) }, newGroupRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.selected = id; s.updateActions() }
	s.addButton = widget.NewButtonWithIcon("新建群", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.hint = widget.NewLabel("群活可以同时管理多个群。资源库所有群共用,成员按群分开记录。")
	s.hint.Wrapping = fyne.TextWrapWord
	s.updateActions()
	return s
}

func newGroupRow() fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.HomeIcon()),
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""), widget.NewLabel(""))
}

func (s *groupsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.groups) {
		return
	}
	g := s.groups[id]
	objs := o.(*fyne.Container).Objects
	objs[1].(*widget.Label).SetText(g.Name)
	u := s.usages[g.ID]
	objs[2].(*widget.Label).SetText(fmt.Sprintf("群号 %s · 成员 %d 人 · 发过公告 %d 次", g.Number, u.Members, u.Posts))
	mark := ""
	if s.current != nil && s.current.ID == g.ID {
		mark = "(当前群)"
	}
	objs[3].(*widget.Label).SetText(mark)
}

func (s *groupsScreen) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.addButton, s.editButton, s.deleteBtn), s.hint)
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *groupsScreen) apply(groups []data.Group) {
	s.groups = groups
	s.selected = -1
	s.list.UnselectAll()
	s.list.Refresh()
	s.updateActions()
}

func (s *groupsScreen) setGroup(g *data.Group) {
	s.current = g
	s.list.Refresh()
}

// refresh counts each group's members and posts; the shell reloads the groups
// themselves whenever one changes.
func (s *groupsScreen) refresh() {
	s.env.tasks.run(func() {
		usages, err := s.env.store.GroupUsages()
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.usages = usages
			s.list.Refresh()
		})
	})
}

func (s *groupsScreen) updateActions() {
	if s.selected < 0 || s.selected >= len(s.groups) {
		s.editButton.Disable()
		s.deleteBtn.Disable()
		return
	}
	s.editButton.Enable()
	s.deleteBtn.Enable()
}

func (s *groupsScreen) onAdd() {
	s.form = newGroupForm(s.env, nil, s.onChanged)
	s.form.show()
}

func (s *groupsScreen) onEdit() {
	if s.selected >= 0 && s.selected < len(s.groups) {
		g := s.groups[s.selected]
		s.form = newGroupForm(s.env, &g, s.onChanged)
		s.form.show()
	}
}

// onDelete says what goes with the group before it is deleted.
func (s *groupsScreen) onDelete() {
	if s.selected < 0 || s.selected >= len(s.groups) {
		return
	}
	g := s.groups[s.selected]
	s.env.tasks.run(func() {
		usage, err := s.env.store.GroupUsage(g.ID)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.confirmDelete(g, usage)
		})
	})
}

func (s *groupsScreen) confirmDelete(g data.Group, usage data.GroupUsage) {
	msg := fmt.Sprintf("确定删除「%s」吗?\n这个群的 %d 条成员记录会一起删除(成员在其他群的记录保留);已发的 %d 条公告保留文字。删除后不能恢复,建议先到「数据与备份」备份一次。",
		g.Name, usage.Members, usage.Posts)
	confirm(s.env.win, "删除群", msg, "删除", func() { s.delete(g.ID) })
}

func (s *groupsScreen) delete(id uint) {
	s.env.tasks.run(func() {
		err := s.env.store.DeleteGroup(id)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
			}
			s.onChanged(0)
		})
	})
}

// groupForm adds or edits a group.
type groupForm struct {
	*formKit
	prev                *data.Group
	onSaved             func(selectID uint)
	name, number, notes *widget.Entry
}

func newGroupForm(e *env, prev *data.Group, onSaved func(selectID uint)) *groupForm {
	f := &groupForm{prev: prev, onSaved: onSaved}
	f.formKit = newFormKit(e, f.check, f.onSave)
	f.name = f.entry("name", "如 王者荣耀点券福利群")
	f.number = f.entry("number", "QQ群号,5–12 位数字")
	f.notes = widget.NewMultiLineEntry()
	f.watch("notes", f.notes)
	if prev != nil {
		f.name.SetText(prev.Name)
		f.number.SetText(prev.Number)
		f.notes.SetText(prev.Notes)
	}
	return f
}

func (f *groupForm) draft() data.GroupDraft {
	return data.GroupDraft{Name: f.name.Text, Number: f.number.Text, Notes: f.notes.Text}
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
	form := widget.NewForm(widget.NewFormItem("群名称", f.name), widget.NewFormItem("群号", f.number),
		widget.NewFormItem("备注", f.notes))
	f.formKit.show(title, form, fyne.NewSize(520, 360))
}

func (f *groupForm) onSave() {
	g, _ := f.draft().Parse()
	if f.prev != nil {
		g.ID, g.CreatedAt = f.prev.ID, f.prev.CreatedAt
	}
	f.submit(func() error { return f.env.store.SaveGroup(&g) }, func() { f.onSaved(g.ID) })
}
