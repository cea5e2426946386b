package blindbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

func (d *Detail) groupValue() data.Group {
	if d.group == nil {
		return data.Group{}
	}
	return *d.group
}

// showPostOf renders a post off the UI goroutine (it needs the known QQ numbers) and
// shows it with its copy button.
func (d *Detail) showPostOf(title string, render func(qqs []string) string) {
	e := d.env
	e.Tasks.Run(func() {
		qqs, err := e.Store.MemberQQs()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			text := render(qqs)
			if text == "" {
				ui.ShowMessage(e.Win, title, "所有中奖者都已分享，不用提醒。")
				return
			}
			p := ui.NewPostPreview(e, nil)
			p.SetParts(qqpost.Split(text, qqpost.MaxPartRunes))
			dlg := dialog.NewCustom(title, "关闭", p.Content(), e.Win)
			dlg.Resize(fyne.NewSize(600, 600))
			dlg.Show()
			ui.EscCloses(e.Win, dlg)
			d.post = p
		})
	})
}

func (d *Detail) onOpeningPost() {
	if d.Box == nil {
		return
	}
	b, g := *d.Box, d.groupValue()
	d.showPostOf("开盒公告", func(qqs []string) string { return qqpost.BoxOpening(g, b, d.env.Loc, qqs) })
}

func (d *Detail) onResultPost() {
	if d.Box == nil {
		return
	}
	b, g, es, ds := *d.Box, d.groupValue(), d.Entries, d.Draws
	d.showPostOf("开奖公告", func(qqs []string) string { return qqpost.BoxResult(g, b, es, ds, d.env.Loc, qqs) })
}

func (d *Detail) onReminderPost() {
	if d.Box == nil {
		return
	}
	b, g, ds := *d.Box, d.groupValue(), d.Draws
	now := d.env.Now()
	d.showPostOf("提醒分享", func(qqs []string) string { return qqpost.BoxShareReminder(g, b, ds, now, d.env.Loc, qqs) })
}
