package requests

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// onRestockPost shows the 补货清单 post to copy to a supplier or a suppliers' group.
func (s *Screen) onRestockPost() {
	e, g := s.env, s.group
	e.Tasks.Run(func() {
		built, err := qqpost.BuildRestockPost(e.Store, g, e.Now(), e.Loc)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			s.showRestockPost(built)
		})
	})
}

func (s *Screen) showRestockPost(built qqpost.Built) {
	preview := ui.NewPostPreview(s.env, nil)
	preview.SetParts(built.Parts)
	d := dialog.NewCustom("补货清单", "关闭", preview.Content(), s.env.Win)
	size := s.env.Win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-40), min(600, size.Height-40)))
	d.Show()
	ui.EscCloses(s.env.Win, d)
	s.restockPreview = preview
}

// onExport saves the 补货清单 as a sheet for suppliers.
func (s *Screen) onExport(f ui.SheetFormat) {
	name := ""
	if s.group != nil {
		name = s.group.Name
	}
	file := sheet.RestockFileName(name, s.env.Now().In(s.env.Loc), string(f))
	c := ui.NewFileChooser(s.env, ui.PurposeExport, ui.ChooseSave, []string{string(f)}, func(path string) {
		s.env.Tasks.Run(func() { s.writeRestock(path, f) })
	})
	c.Show("保存补货清单", "", file)
}

// writeRestock writes the sheet off the UI goroutine; a failure leaves no half file.
func (s *Screen) writeRestock(path string, f ui.SheetFormat) {
	e, gid := s.env, s.groupID()
	err := ui.WriteFile(path, func(w io.Writer) error {
		lines, err := e.Store.DemandBoard(gid)
		if err != nil {
			return err
		}
		if f == ui.FormatCSV {
			return sheet.WriteRestockCSV(w, lines, e.Loc)
		}
		return sheet.WriteRestockXLSX(w, lines, e.Loc)
	})
	fyne.Do(func() {
		if err != nil {
			e.Log.Error("export restock", "path", path, "err", err)
			ui.ShowMessage(e.Win, "没有保存成功", "写入文件时出错了。请确认文件没有在 Excel 或 WPS 里打开，磁盘也有空间，然后再试。")
			return
		}
		e.ShowSaved("已保存", "补货清单已保存到：\n"+path+"\n可以发给上家报价。", path)
	})
}

// onNotify copies one reply per waiting member (the reply template, @ each) and
// records them as told: the requests become 已回复 with the resource.
func (s *Screen) onNotify(o data.RestockOffer) {
	e, g := s.env, s.group
	names := make([]string, len(o.Requests))
	for i := range o.Requests {
		names[i] = s.who(&o.Requests[i])
	}
	e.Tasks.Run(func() {
		var lines []string
		for i, r := range o.Requests {
			built, err := qqpost.BuildReplyPost(e.Store, g, names[i], r.Text, o.Resource, e.Now(), e.Loc)
			if err != nil {
				fyne.Do(func() { e.ShowError(err) })
				return
			}
			lines = append(lines, built.Text)
		}
		err := e.Store.Transaction(func(tx *data.Store) error {
			for _, r := range o.Requests {
				if _, err := tx.NotifyRestock(r.ID, o.Resource.ID); err != nil {
					return err
				}
			}
			return nil
		})
		fyne.Do(func() {
			e.App.Clipboard().SetContent(strings.Join(lines, "\n"))
			if err != nil {
				e.ShowError(err)
			} else {
				s.notice.Show("√ 到货通知已复制（" + ui.Itoa(len(lines)) + " 位成员），到QQ群里粘贴即可；已记为已回复")
			}
			s.changed()
		})
	})
}
