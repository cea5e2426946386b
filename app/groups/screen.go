// Package groups is the 群管理 area: the owner's QQ groups, the group form, and the
// welcome that creates the first group. It sees data and app/ui.
package groups

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Screen manages the owner's QQ groups (群管理).
type Screen struct {
	env       *ui.Env
	onChanged func(selectID uint)
	groups    []data.Group
	usages    map[uint]data.GroupUsage
	current   *data.Group
	selected  int
	savedID   uint // the group just saved: Apply selects it

	form       *groupForm // the add/edit form last opened
	list       *widget.List
	addButton  *widget.Button
	editButton *widget.Button
	deleteBtn  *widget.Button
	hint       *widget.Label
	notice     *ui.Notice // 已保存 for a moment after a save
}

func NewScreen(e *ui.Env, onChanged func(selectID uint)) *Screen {
	s := &Screen{env: e, onChanged: onChanged, selected: -1}
	s.list = widget.NewList(func() int { return len(s.groups) }, newGroupRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.selected = id; s.updateActions() }
	s.addButton = widget.NewButtonWithIcon("新建群", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.hint = widget.NewLabel("群活可以同时管理多个群。资源库所有群共用，成员按群分开记录。")
	s.hint.Wrapping = fyne.TextWrapBreak
	s.notice = ui.NewNotice(e)
	s.updateActions()
	return s
}

func newGroupRow() fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.HomeIcon()),
		widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""), widget.NewLabel(""))
}

func (s *Screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
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
		mark = "（当前群）"
	}
	objs[3].(*widget.Label).SetText(mark)
}

func (s *Screen) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.addButton, s.editButton, s.deleteBtn), s.hint)
	return container.NewBorder(top, s.notice.Content(), nil, nil, s.list)
}

func (s *Screen) Apply(groups []data.Group) {
	s.groups = groups
	s.selected = -1
	s.list.UnselectAll()
	s.list.Refresh()
	s.updateActions()
	s.showSaved()
}

func (s *Screen) SetGroup(g *data.Group) {
	s.current = g
	s.list.Refresh()
}

// Refresh counts each group's members and posts; the shell reloads the groups
// themselves whenever one changes.
func (s *Screen) Refresh() {
	s.env.Tasks.Run(func() {
		usages, err := s.env.Store.GroupUsages()
		fyne.Do(func() {
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.usages = usages
			s.list.Refresh()
		})
	})
}

func (s *Screen) updateActions() {
	if s.selected < 0 || s.selected >= len(s.groups) {
		s.editButton.Disable()
		s.deleteBtn.Disable()
		return
	}
	s.editButton.Enable()
	s.deleteBtn.Enable()
}

func (s *Screen) onAdd() {
	s.form = newGroupForm(s.env, nil, s.onSaved)
	s.form.show()
}

func (s *Screen) onEdit() {
	if s.selected >= 0 && s.selected < len(s.groups) {
		g := s.groups[s.selected]
		s.form = newGroupForm(s.env, &g, s.onSaved)
		s.form.show()
	}
}

// onSaved confirms the save and lets the shell reload the groups, with the saved one
// current; Apply then selects it in the list.
func (s *Screen) onSaved(g data.Group) {
	s.savedID = g.ID
	s.notice.Show("已保存「" + g.Name + "」，已设为当前群")
	s.onChanged(g.ID)
}

// showSaved selects the group just saved once the list has it.
func (s *Screen) showSaved() {
	for i, g := range s.groups {
		if g.ID == s.savedID && g.ID != 0 {
			s.list.Select(i)
			s.savedID = 0
		}
	}
}

// onDelete says what goes with the group before it is deleted.
func (s *Screen) onDelete() {
	if s.selected < 0 || s.selected >= len(s.groups) {
		return
	}
	g := s.groups[s.selected]
	s.env.Tasks.Run(func() {
		usage, err := s.env.Store.GroupUsage(g.ID)
		fyne.Do(func() {
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.confirmDelete(g, usage)
		})
	})
}

func (s *Screen) confirmDelete(g data.Group, usage data.GroupUsage) {
	msg := fmt.Sprintf("确定删除「%s」吗？\n这个群的 %d 条成员记录会一起删除（成员在其他群的记录保留）；已发的 %d 条公告保留文字。删除后不能恢复，建议先到「数据与备份」备份一次。",
		g.Name, usage.Members, usage.Posts)
	ui.Confirm(s.env.Win, "删除群", msg, "删除", func() { s.delete(g.ID) })
}

func (s *Screen) delete(id uint) {
	s.env.Tasks.Run(func() {
		err := s.env.Store.DeleteGroup(id)
		fyne.Do(func() {
			if err != nil {
				s.env.ShowError(err)
			}
			s.onChanged(0)
		})
	})
}
