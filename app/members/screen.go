// Package members is the 成员 area: the member list of the current group (or everyone)
// with need tags, and the member form. It sees data and app/ui; the import wizard comes
// in through Links.
package members

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

const (
	scopeGroup = "本群成员"
	scopeAll   = "全部成员"
)

var memberColumns = []ui.Column{
	{Title: "QQ号", Width: 110}, {Title: "昵称", Width: 160}, {Title: "群名片", Width: 120}, {Title: "身份", Width: 70}, {Title: "动机", Width: 150},
	{Title: "兴趣", Width: 150}, {Title: "人群", Width: 100}, {Title: "入群日期", Width: 110}, {Title: "最后发言", Width: 110},
}

// Screen is the member list (成员画像): who is in the group and what they need.
type Screen struct {
	env      *ui.Env
	links    Links
	group    *data.Group
	all      []data.Member
	shown    []int
	query    data.Query
	selected int
	form     *memberForm // the add/edit form last opened
	latest   ui.Latest   // the newest load; an older one that arrives late is dropped
	tradeRec ui.Latest   // the newest load of the selected member's trade record (trade_record.go)
	loaded   bool        // a load arrived: an empty list now means no members
	savedID  uint        // the member just saved: the reload selects TA

	badges map[uint][]data.MemberBadge // the 身份标识 each member holds now (badges.go)

	search     *ui.Entry
	scope      *widget.Select
	table      *ui.RecordTable
	detail     *ui.RecordDetail // the selected member in full: cells clip long values
	empty      *ui.EmptyState   // what to do when the table shows nothing
	emptyAdd   *widget.Button
	emptyImp   *widget.Button
	clearQuery *widget.Button
	count      *widget.Label
	notice     *ui.Notice // 已保存 for a moment after a save
	addButton  *widget.Button
	importBtn  *widget.Button
	editButton *widget.Button
	deleteBtn  *widget.Button
	selection  *widget.Label
	profile    profileActions // 批量标签, 建议标签, 适合TA的资源 (profile_actions.go)
}

// Links are what the member list opens in other areas; the shell fills them in.
type Links struct {
	ImportMembers func(into data.Group, onDone func())      // the import wizard for a member list
	MemberFits    func(g *data.Group, id uint, name string) // 适合TA的资源 (精准匹配)
}

// NewScreen builds the member list; Refresh loads it.
func NewScreen(e *ui.Env, links Links) *Screen {
	s := &Screen{env: e, links: links, selected: -1}
	s.search = ui.NewEntry()
	s.search.SetPlaceHolder("搜索QQ号、昵称、群名片、标签、等级（如 潜水）或拼音")
	s.search.OnChanged = s.onSearchChanged
	s.scope = ui.NewSelect([]string{scopeGroup, scopeAll}, scopeGroup, func(string) { s.Refresh() })
	s.table = ui.NewRecordTable(memberColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_members")
	s.detail = ui.NewRecordDetail("点选一位成员，这里显示TA的全部资料。拖动表头里两列之间的分隔线，可以调整列宽。")
	s.newEmptyState()
	s.count = widget.NewLabel("")
	s.notice = ui.NewNotice(e)
	s.addButton = widget.NewButtonWithIcon("新增成员", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon("导入成员名单", theme.UploadIcon(), s.onImport)
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.selection = widget.NewLabel("")
	s.newProfileActions()
	s.importBtn.Disable()
	s.emptyImp.Disable()
	s.updateActions()
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.scope, s.addButton, s.importBtn, s.profile.bulk, s.profile.suggest), s.search)
	bar := container.NewBorder(nil, nil, s.count, container.NewHBox(s.profile.fits, s.editButton, s.deleteBtn),
		container.NewHBox(s.notice.Content(), s.selection))
	bottom := container.NewVBox(s.detail.Content(), bar)
	return container.NewBorder(top, bottom, nil, nil, s.empty.OverTable(s.table))
}

// SetGroup follows the current group; the shell reloads the screen when it is shown.
// A member list is imported into the current group, so importing waits for one.
func (s *Screen) SetGroup(g *data.Group) {
	s.group = g
	ui.Enable(s.importBtn, g != nil)
	ui.Enable(s.emptyImp, g != nil)
}

// onImport brings a member list from Excel or CSV into the current group.
func (s *Screen) onImport() {
	if s.group != nil {
		s.links.ImportMembers(*s.group, s.Refresh)
	}
}

// groupID is the group the list shows, or 0 for everyone.
func (s *Screen) groupID() uint {
	if s.group == nil || s.scope.Selected == scopeAll {
		return 0
	}
	return s.group.ID
}

func (s *Screen) Refresh() {
	gid, n := s.groupID(), s.latest.Next()
	s.env.Tasks.Run(func() {
		ms, err := s.env.Store.Members(gid)
		var badges map[uint][]data.MemberBadge
		if err == nil {
			badges, err = s.env.Store.ActiveBadges(nil) // one query for every member shown
		}
		fyne.Do(func() {
			if !s.latest.Is(n) {
				return
			}
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.all, s.loaded, s.badges = ms, true, badges
			s.selected = -1
			s.applyFilter()
			s.showSaved()
		})
	})
}

func (s *Screen) applyFilter() {
	s.shown = data.FilterMembers(s.all, s.query, s.shown)
	s.count.SetText(countText(s.all, len(s.shown), s.groupID()))
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateActions()
	s.updateEmptyState()
}

func (s *Screen) onSearchChanged(text string) {
	s.query = data.ParseQuery(text)
	s.applyFilter()
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	l.SetText(s.cellText(&s.all[s.shown[row]], col))
}

func (s *Screen) cellText(m *data.Member, col int) string {
	var seat *data.Membership
	if s.group != nil {
		seat = m.In(s.group.ID)
	}
	switch col {
	case 0:
		return m.QQ
	case 1:
		return s.nameWithBadges(m)
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
	return seatCell(seat, col, s.env.Loc)
}

func (s *Screen) onRowSelected(row int) {
	s.selected = s.shown[row]
	s.updateActions()
}

func (s *Screen) current() *data.Member {
	if s.selected < 0 || s.selected >= len(s.all) {
		return nil
	}
	return &s.all[s.selected]
}

func (s *Screen) updateActions() {
	m := s.current()
	s.showDetail(m)
	s.updateProfileActions(m)
	if m == nil {
		s.editButton.Disable()
		s.deleteBtn.Disable()
		s.selection.SetText("点选一位成员，可以编辑或删除")
		return
	}
	s.editButton.Enable()
	s.deleteBtn.Enable()
	gid := uint(0)
	if s.group != nil {
		gid = s.group.ID
	}
	s.selection.SetText("已选：" + m.DisplayName(gid))
}

func (s *Screen) onAdd() {
	s.form = newMemberForm(s.env, nil, s.group, s.onSaved)
	s.form.show()
}

func (s *Screen) onEdit() {
	if m := s.current(); m != nil {
		s.form = newMemberForm(s.env, m, s.group, s.onSaved)
		s.form.show()
	}
}

func (s *Screen) onDelete() {
	m := s.current()
	if m == nil {
		return
	}
	id, name := m.ID, m.DisplayName(0)
	msg := "确定删除「" + name + "」（" + m.QQ + "）吗？TA在所有群里的记录和标签都会删除。"
	ui.Confirm(s.env.Win, "删除成员", msg, "删除", func() { s.delete(id) })
}

func (s *Screen) delete(id uint) {
	s.env.Tasks.Run(func() {
		err := s.env.Store.DeleteMember(id)
		fyne.Do(func() {
			switch {
			case errors.Is(err, data.ErrInUse): // kept on purpose (担保交易): the store says why
				ui.ShowMessage(s.env.Win, "不能删除", ui.Explain(err))
			case err != nil:
				s.env.ShowError(err)
			}
			s.Refresh()
		})
	})
}

// All is every member the screen loaded for the group (or everyone).
func (s *Screen) All() []data.Member { return s.all }
