package members

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// After a save the member list says 已保存 for a moment and shows the member: the
// reload the save starts selects TA's row and scrolls to it.

// onSaved runs once the form saved m: confirm it, then reload; the reload selects m.
func (s *Screen) onSaved(m data.Member) {
	s.savedID = m.ID
	s.notice.Show("已保存「" + m.DisplayName(s.groupID()) + "」")
	s.Refresh()
}

// showSaved selects the member just saved once the reload has applied. A member who is
// not in the current group is found under 全部成员, and a search that hides TA is
// cleared; the notice says which.
func (s *Screen) showSaved() {
	id := s.savedID
	if id == 0 {
		return
	}
	i := slices.IndexFunc(s.all, func(m data.Member) bool { return m.ID == id })
	if i < 0 {
		if s.scope.Selected != scopeAll { // keep savedID: the reload of everyone selects TA
			s.notice.Show(s.notice.Text() + "；TA不在本群，已切到「全部成员」")
			s.scope.SetSelected(scopeAll)
			return
		}
		s.savedID = 0
		return
	}
	s.savedID = 0
	row := slices.Index(s.shown, i)
	if row < 0 {
		s.search.SetText("")
		row = slices.Index(s.shown, i)
		s.notice.Show(s.notice.Text() + "；已清除搜索，好让你看到TA")
	}
	if row >= 0 {
		s.table.Select(widget.TableCellID{Row: row, Col: 0}) // scrolls to TA too
	}
}
