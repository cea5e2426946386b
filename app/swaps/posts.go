package swaps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// showPost shows a post in a dialog with its copy button.
func showPost(e *ui.Env, title, text string) *ui.PostPreview {
	p := ui.NewPostPreview(e, nil)
	p.SetParts(qqpost.Split(text, qqpost.MaxPartRunes))
	d := dialog.NewCustom(title, "关闭", p.Content(), e.Win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	ui.EscCloses(e.Win, d)
	return p
}
