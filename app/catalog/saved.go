package catalog

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// After a save the catalog says 已保存 for a moment and shows the resource: the reload
// the save starts selects its row and scrolls to it.

// onSaved runs once the form saved r: confirm it, then reload; the reload selects r.
func (s *Screen) onSaved(r data.Resource) {
	s.savedID = r.ID
	s.notice.Show("已保存「" + r.Name + "」")
	s.Refresh()
}

// showSaved selects the resource just saved once the reload has applied. A search,
// category or state that hides it is cleared, and the notice says so.
func (s *Screen) showSaved() {
	id := s.savedID
	s.savedID = 0
	i := slices.IndexFunc(s.all, func(r data.Resource) bool { return r.ID == id })
	if id == 0 || i < 0 {
		return
	}
	row := slices.Index(s.shown, i)
	if row < 0 {
		s.onClearFilters()
		row = slices.Index(s.shown, i)
		s.notice.Show(s.notice.Text() + "；已清除筛选，好让你看到它")
	}
	if row >= 0 {
		s.table.Select(widget.TableCellID{Row: row, Col: 0}) // scrolls to it too
	}
}
