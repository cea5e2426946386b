package catalog

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// The catalog's actions: on the selected resource (edit, 上新 post, 下架, delete) and
// on the whole catalog (add, import, export, categories).

// current is the selected resource, or nil.
func (s *Screen) current() *data.Resource {
	if s.selected < 0 || s.selected >= len(s.all) {
		return nil
	}
	return &s.all[s.selected]
}

func (s *Screen) updateActions() {
	r := s.current()
	for _, b := range []*widget.Button{s.editButton, s.postButton, s.matchBtn, s.shelfButton, s.deleteBtn} {
		if r == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	s.updateAward(r)
	if r == nil {
		s.updateInvalid(nil)
		s.selection.SetText("点选一行，可以编辑、发上新公告、下架或删除")
		return
	}
	s.selection.SetText("已选：" + r.Name)
	s.shelfButton.SetText("下架")
	if r.Status == data.StatusOffShelf {
		s.shelfButton.SetText("重新上架")
	}
	s.updateInvalid(r)
}

// updateAward offers 分享资源 points for the selected resource: the owner picks the
// member who shared it with the group; a resource pays once.
func (s *Screen) updateAward(r *data.Resource) {
	if r == nil {
		s.awardFor = 0
		s.Award.Clear()
		return
	}
	if r.ID == s.awardFor {
		return // the same resource: typing in the search box reads nothing again
	}
	s.awardFor = r.ID
	var gid uint
	if s.group != nil {
		gid = s.group.ID
	}
	s.Award.Set(ui.Deed{Kind: data.LinkResource, ID: r.ID, Reason: points.ShareResource, GroupID: gid,
		What: "「" + r.Name + "」"})
}

// SetGroup follows the current group, which 上新 posts are written for.
func (s *Screen) SetGroup(g *data.Group) { s.group = g }

func (s *Screen) onAdd() {
	cat := ""
	if s.filter.CategoryID != 0 {
		cat = s.category.Selected
	}
	s.form = newResourceForm(s.env, nil, cat, s.onSaved)
	s.form.show()
}

func (s *Screen) onEdit() {
	if r := s.current(); r != nil {
		s.form = newResourceForm(s.env, r, "", s.onSaved)
		s.form.show()
	}
}

// onNewStockPost opens the 上新 post of the selected resource, or says why a resource
// that cannot be bought now (售罄, 已过期…) gets none and offers to edit it.
func (s *Screen) onNewStockPost() {
	r := s.current()
	if r == nil {
		return
	}
	var notOnSale *qqpost.NotOnSaleError
	if err := qqpost.CheckOnSale(*r, s.env.Now(), s.env.Loc); errors.As(err, &notOnSale) {
		msg := notOnSale.Lines()
		d := dialog.NewCustomConfirm("这个资源现在不发上新", "编辑资源", "知道了", ui.MessageLabel(msg),
			func(edit bool) {
				if edit {
					s.onEdit()
				}
			}, s.env.Win)
		d.Resize(ui.MessageSize(msg))
		d.Show()
		ui.EscCloses(s.env.Win, d)
		return
	}
	s.links.NewStockPost(s.group, *r)
}

// onMatch opens the members the selected resource fits (精准匹配), for the current group.
func (s *Screen) onMatch() {
	if r := s.current(); r != nil && s.links.Matching != nil {
		s.links.Matching(s.group, *r)
	}
}

func (s *Screen) onToggleShelf() {
	r := s.current()
	if r == nil {
		return
	}
	st := data.StatusOffShelf
	if r.Status == data.StatusOffShelf {
		st = data.StatusOnSale
	}
	s.setStatus(r.ID, st)
}

func (s *Screen) setStatus(id uint, st data.ResourceStatus) {
	s.env.Tasks.Run(func() {
		err := s.env.Store.SetResourceStatus(id, st)
		fyne.Do(func() {
			if err != nil {
				s.env.ShowError(err)
			}
			s.Refresh()
		})
	})
}

func (s *Screen) onDelete() {
	r := s.current()
	if r == nil {
		return
	}
	id, name := r.ID, r.Name
	ui.Confirm(s.env.Win, "删除资源", "确定删除「"+name+"」吗？删除后不能恢复。", "删除", func() { s.delete(id, name) })
}

func (s *Screen) delete(id uint, name string) {
	s.env.Tasks.Run(func() {
		err := s.env.Store.DeleteResource(id)
		fyne.Do(func() {
			switch {
			case errors.Is(err, data.ErrInUse):
				s.whenInUse(id, name)
			case err != nil:
				s.env.ShowError(err)
			}
			s.Refresh()
		})
	})
}

// offerOffShelf explains why a resource that posts named cannot be deleted and offers
// 下架 instead.
func (s *Screen) offerOffShelf(id uint, name string) {
	msg := "「" + name + "」已经在发出的公告里出现过，删除会让公告记录对不上，所以不能删除。\n" +
		"可以改为下架：它不再出现在资源索引表里，需要时还能重新上架。"
	ui.Confirm(s.env.Win, "不能删除，改为下架？", msg, "下架", func() { s.setStatus(id, data.StatusOffShelf) })
}

func (s *Screen) onImport() { s.links.ImportResources(s.Refresh) }

func (s *Screen) onCategories() { newCategoriesDialog(s.env, s.Refresh).show() }

// onExport offers the index (what is on sale, for 群文件) or the whole catalog (to edit
// in Excel and import back), each as Excel or CSV.
func (s *Screen) onExport() {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("资源索引表（Excel）", func() { ui.ExportIndex(s.env, s.groupName(), ui.FormatXLSX) }),
		fyne.NewMenuItem("资源索引表（CSV）", func() { ui.ExportIndex(s.env, s.groupName(), ui.FormatCSV) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("完整资源库（Excel，改完可导回）", func() { ui.ExportCatalog(s.env, ui.FormatXLSX) }),
		fyne.NewMenuItem("完整资源库（CSV）", func() { ui.ExportCatalog(s.env, ui.FormatCSV) }),
	)
	c := fyne.CurrentApp().Driver().CanvasForObject(s.exportBtn)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.exportBtn)
	widget.ShowPopUpMenuAtPosition(menu, c, pos.AddXY(0, s.exportBtn.Size().Height))
}

func (s *Screen) groupName() string {
	if s.group == nil {
		return ""
	}
	return s.group.Name
}
