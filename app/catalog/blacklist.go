package catalog

import (
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// The catalog's way onto and off the blacklist (失效名单): 标为失效… asks for a reason,
// 移出失效名单… for a note; the dialogs are the blacklist area's, through Links. A
// resource on the blacklist is not 下架'd or 上架'd with one click: that would take it
// off the list without a note.

// updateInvalid names the button after what it does to r, and locks 下架 for a
// resource on the blacklist.
func (s *Screen) updateInvalid(r *data.Resource) {
	s.invalidBtn.SetText("标为失效…")
	if r == nil {
		s.invalidBtn.Disable()
		return
	}
	invalid := r.Status == data.StatusInvalid
	if invalid {
		s.invalidBtn.SetText("移出失效名单…")
	}
	ui.Enable(s.invalidBtn, s.links.MarkInvalid != nil)
	ui.Enable(s.shelfButton, !invalid)
}

func (s *Screen) onInvalid() {
	r := s.current()
	if r == nil {
		return
	}
	if r.Status == data.StatusInvalid {
		if s.links.RestoreInvalid != nil {
			s.links.RestoreInvalid(*r, s.Refresh)
		}
		return
	}
	if s.links.MarkInvalid != nil {
		s.links.MarkInvalid(*r, s.Refresh)
	}
}

// whenInUse answers a delete refused because posts named the resource: one on the
// blacklist stays there (下架 would take it off without a note); any other is offered
// 下架.
func (s *Screen) whenInUse(id uint, name string) {
	for i := range s.all {
		if s.all[i].ID == id && s.all[i].Status == data.StatusInvalid {
			ui.ShowMessage(s.env.Win, "不能删除", "「"+name+"」已经在发出的公告里出现过，删除会让公告记录对不上，所以不能删除。\n"+
				"它在失效名单里，不会再出现在资源索引表和上新公告里，留着即可。")
			return
		}
	}
	s.offerOffShelf(id, name)
}
