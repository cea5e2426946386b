package trades

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// onGuide shows the group's 担保交易说明 with the owner's deadlines, to copy to QQ.
func (s *Screen) onGuide() {
	e := s.env
	var g data.Group
	if s.Group != nil {
		g = *s.Group
	}
	e.Tasks.Run(func() {
		d, err := e.Store.EscrowDeadlines()
		var qqs []string
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			s.post = showPost(e, "担保交易说明", qqpost.EscrowGuide(g, d, qqs))
		})
	})
}

// onStatusPost shows where the trade stands, with its log, to copy to QQ.
func (d *detail) onStatusPost() {
	if d.trade == nil {
		return
	}
	e, t := d.env, *d.trade
	var g data.Group
	if d.group != nil {
		g = *d.group
	}
	e.Tasks.Run(func() {
		qqs, err := e.Store.MemberQQs()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			d.post = showPost(e, "交易状态公告", qqpost.EscrowStatus(g, t, e.Now(), e.Loc, qqs))
		})
	})
}

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
