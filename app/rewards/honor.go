package rewards

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// ShowHonor builds the 群荣誉榜 of the current group and shows it ready to copy; a copy
// is kept in the post history.
func (s *Screen) ShowHonor() {
	e, g := s.env, s.Group
	var post qqpost.Built
	s.honor = ui.NewPostPreview(e, func(int) { e.RecordCopied(post) })
	d := dialog.NewCustom("群荣誉榜", "关闭", s.honor.Content(), e.Win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	ui.EscCloses(e.Win, d)
	p := s.honor
	e.Tasks.Run(func() {
		built, err := qqpost.BuildHonor(e.Store, g)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			post = built
			p.SetParts(built.Parts)
		})
	})
}
