package members

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

func (s *Screen) newEmptyState() {
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新增成员", theme.ContentAddIcon(), s.onAdd)
	s.emptyImp = widget.NewButtonWithIcon("导入成员名单", theme.UploadIcon(), s.onImport)
	s.emptyImp.Importance = widget.HighImportance
	s.clearQuery = widget.NewButtonWithIcon("清除搜索", theme.ContentClearIcon(), func() { s.search.SetText("") })
}

// updateEmptyState says what to do when the table is empty: import the group's member
// list or add a member, or clear a search that found no one. Before the first load
// nothing is known, so nothing is said.
func (s *Screen) updateEmptyState() {
	switch {
	case !s.loaded || len(s.shown) > 0:
		s.empty.Hide()
	case len(s.all) > 0:
		s.empty.Show("没有符合条件的成员。换个搜索词，或点「清除搜索」看全部成员。", s.clearQuery)
	case s.group == nil:
		s.empty.Show("还没有成员。点「新增成员」添加第一位；到「群管理」建好群以后，还可以导入群的成员名单。", s.emptyAdd)
	case s.groupID() != 0:
		s.empty.Show("「"+s.group.Name+"」还没有成员。点「导入成员名单」从QQ群导出的成员表格导入，或「新增成员」一位一位添加。",
			s.emptyImp, s.emptyAdd)
	default:
		s.empty.Show("还没有成员。点「导入成员名单」把当前群的成员表格导入，或「新增成员」一位一位添加。", s.emptyImp, s.emptyAdd)
	}
}
