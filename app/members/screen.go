package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

const (
	scopeGroup = "本群成员"
	scopeAll   = "全部成员"
)

var memberColumns = []column{
	{"QQ号", 110}, {"昵称", 120}, {"群名片", 120}, {"身份", 70}, {"动机", 150},
	{"兴趣", 190}, {"人群", 100}, {"入群日期", 110},
}

// membersScreen is the member list (成员画像): who is in the group and what they need.
type membersScreen struct {
	env      *env
	group    *data.Group
	all      []data.Member
	shown    []int
	query    data.Query
	selected int
	form     *memberForm // the add/edit form last opened

	search     *widget.Entry
	scope      *widget.Select
	table      *widget.Table
	count      *widget.Label
	addButton  *widget.Button
	importBtn  *widget.Button
	editButton *widget.Button
	deleteBtn  *widget.Button
	selection  *widget.Label
}

func newMembersScreen(e *env) *membersScreen {
	s := &membersScreen{env: e, selected: -1}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("搜索QQ号、昵称、群名片、标签或拼音")
	s.search.OnChanged = s.onSearchChanged
	s.scope = newSelect([]string{scopeGroup, scopeAll}, scopeGroup, func(string) { s.refresh() })
	s.table = newRecordTable(memberColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.count = widget.NewLabel("")
	s.addButton = widget.NewButtonWithIcon("新增成员", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon("导入成员名单", theme.UploadIcon(), s.onImport)
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.selection = widget.NewLabel("")
	s.importBtn.Disable()
	s.updateActions()
	return s
}

func (s *membersScreen) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.scope, s.addButton, s.importBtn), s.search)
	bottom := container.NewBorder(nil, nil, s.count, container.NewHBox(s.editButton, s.deleteBtn), s.selection)
	return container.NewBorder(top, bottom, nil, nil, s.table)
}

// setGroup follows the current group; the shell reloads the screen when it is shown.
// A member list is imported into the current group, so importing waits for one.
func (s *membersScreen) setGroup(g *data.Group) {
	s.group = g
	enable(s.importBtn, g != nil)
}

// onImport brings a member list from Excel or CSV into the current group.
func (s *membersScreen) onImport() {
	if s.group != nil {
		startImport(s.env, &memberImport{group: *s.group}, s.refresh)
	}
}

// groupID is the group the list shows, or 0 for everyone.
func (s *membersScreen) groupID() uint {
	if s.group == nil || s.scope.Selected == scopeAll {
		return 0
	}
	return s.group.ID
}

func (s *membersScreen) refresh() {
	gid := s.groupID()
	s.env.tasks.run(func() {
		ms, err := s.env.store.Members(gid)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.all = ms
			s.selected = -1
			s.applyFilter()
		})
	})
}

func (s *membersScreen) applyFilter() {
	s.shown = data.FilterMembers(s.all, s.query, s.shown)
	s.count.SetText(fmt.Sprintf("共 %d 人,显示 %d 人", len(s.all), len(s.shown)))
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateActions()
}

func (s *membersScreen) onSearchChanged(text string) {
	s.query = data.ParseQuery(text)
	s.applyFilter()
}

func (s *membersScreen) fillCell(row, col int, l *widget.Label) {
	l.SetText(s.cellText(&s.all[s.shown[row]], col))
}

func (s *membersScreen) cellText(m *data.Member, col int) string {
	var seat *data.Membership
	if s.group != nil {
		seat = m.In(s.group.ID)
	}
	switch col {
	case 0:
		return m.QQ
	case 1:
		return m.Nickname
	case 4:
		return strings.Join(m.TagValues(data.TagMotivation), "、")
	case 5:
		return strings.Join(m.TagValues(data.TagInterest), "、")
	case 6:
		return strings.Join(m.TagValues(data.TagSegment), "、")
	}
	if seat == nil {
		return ""
	}
	switch col {
	case 2:
		return seat.CardName
	case 3:
		return seat.Role.Label()
	}
	if seat.JoinedOn == nil {
		return ""
	}
	return seat.JoinedOn.In(s.env.loc).Format(data.DateLayout) // the day is what matters
}

func (s *membersScreen) onRowSelected(row int) {
	s.selected = s.shown[row]
	s.updateActions()
}

func (s *membersScreen) current() *data.Member {
	if s.selected < 0 || s.selected >= len(s.all) {
		return nil
	}
	return &s.all[s.selected]
}

func (s *membersScreen) updateActions() {
	m := s.current()
	if m == nil {
		s.editButton.Disable()
		s.deleteBtn.Disable()
		s.selection.SetText("点选一位成员,可以编辑或删除")
		return
	}
	s.editButton.Enable()
	s.deleteBtn.Enable()
	gid := uint(0)
	if s.group != nil {
		gid = s.group.ID
	}
	s.selection.SetText("已选:" + m.DisplayName(gid))
}

func (s *membersScreen) onAdd() {
	s.form = newMemberForm(s.env, nil, s.group, s.refresh)
	s.form.show()
}

func (s *membersScreen) onEdit() {
	if m := s.current(); m != nil {
		s.form = newMemberForm(s.env, m, s.group, s.refresh)
		s.form.show()
	}
}

func (s *membersScreen) onDelete() {
	m := s.current()
	if m == nil {
		return
	}
	id, name := m.ID, m.DisplayName(0)
	msg := "确定删除「" + name + "」(" + m.QQ + ")吗?TA在所有群里的记录和标签都会删除。"
	confirm(s.env.win, "删除成员", msg, "删除", func() { s.delete(id) })
}

func (s *membersScreen) delete(id uint) {
	s.env.tasks.run(func() {
		err := s.env.store.DeleteMember(id)
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
			}
			s.refresh()
		})
	})
}
