package blacklist

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// PostDialog shows the 失效资源公示 of the list as filtered, ready to copy; the owner
// chooses whether it names suppliers and shows the evidence notes.
type PostDialog struct {
	env    *ui.Env
	group  *data.Group
	filter data.BlacklistFilter
	latest ui.Latest
	post   qqpost.Built

	Suppliers *widget.Check
	Evidence  *widget.Check
	Preview   *ui.PostPreview
	dlg       dialog.Dialog
}

func showPost(e *ui.Env, g *data.Group, f data.BlacklistFilter) *PostDialog {
	p := &PostDialog{env: e, group: g, filter: f}
	p.Preview = ui.NewPostPreview(e, p.onCopied)
	p.Suppliers = widget.NewCheck("写出供应商", func(bool) { p.load() })
	p.Evidence = widget.NewCheck("附上证据说明", func(bool) { p.load() })
	hint := widget.NewLabel("QQ号、卡密会自动打码。")
	hint.Importance = widget.LowImportance
	body := container.NewBorder(container.NewHBox(p.Suppliers, p.Evidence, hint), nil, nil, nil, p.Preview.Content())
	p.dlg = dialog.NewCustom("失效资源公示", "关闭", body, e.Win)
	p.dlg.Resize(fyne.NewSize(640, 560))
	p.dlg.Show()
	ui.EscCloses(e.Win, p.dlg)
	p.load()
	return p
}

// load builds the post off the UI goroutine from what the checks say now.
func (p *PostDialog) load() {
	e, g, f := p.env, p.group, p.filter
	opt := qqpost.BlacklistOptions{Suppliers: p.Suppliers.Checked, Evidence: p.Evidence.Checked}
	e.Load(&p.latest, func() (func(), error) {
		entries, err := e.Store.Blacklist(f)
		var built qqpost.Built
		if err == nil {
			built, err = qqpost.BuildBlacklistPost(e.Store, g, entries, opt, e.Now(), e.Loc)
		}
		return func() {
			p.post = built
			p.Preview.SetParts(built.Parts)
		}, err
	})
}

// onCopied keeps the post in the history, like every post copied to QQ.
func (p *PostDialog) onCopied(int) { p.env.RecordCopied(p.post) }
