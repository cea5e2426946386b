package catalog

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

// What the table says when it shows nothing: an empty catalog says how to fill it, a
// filter that hides everything says how to see it all again.
const (
	emptyCatalog = "资源库还是空的。点「新增资源」添加第一条，或「导入表格」从上家的价目表导入。"
	nothingShown = "没有符合条件的资源。换个搜索词或分类，或点「清除筛选」看全部资源。"
)

func (s *Screen) newEmptyState() {
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新增资源", theme.ContentAddIcon(), s.onAdd)
	s.emptyAdd.Importance = widget.HighImportance
	s.emptyImport = widget.NewButtonWithIcon("导入表格", theme.UploadIcon(), s.onImport)
	s.clearFilter = widget.NewButtonWithIcon("清除筛选", theme.ContentClearIcon(), s.onClearFilters)
}

// updateEmptyState shows what to do when the table is empty; before the first load
// nothing is known, so nothing is said.
func (s *Screen) updateEmptyState() {
	switch {
	case !s.loaded || len(s.shown) > 0:
		s.empty.Hide()
	case len(s.all) == 0:
		s.empty.Show(emptyCatalog, s.emptyAdd, s.emptyImport)
	default:
		s.empty.Show(nothingShown, s.clearFilter)
	}
}

// onClearFilters shows the whole catalog again: no search, every category and state.
func (s *Screen) onClearFilters() {
	s.search.SetText("")
	s.category.SetSelected(allCategories)
	s.state.SetSelected(allStates)
}
