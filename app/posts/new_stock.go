package posts

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// NewStockPost is the 上新 post of one resource in a dialog, ready to copy.
type NewStockPost struct {
	env      *ui.Env
	group    *data.Group
	resource data.Resource
	post     qqpost.Built // what the preview shows; changed only on the UI goroutine
	latest   ui.Latest    // the newest build; an older one that arrives late is dropped

	preview *ui.PostPreview
	edit    *widget.Button
	dlg     dialog.Dialog
	editor  *templateEditor // the template editor last opened
}

// ShowNewStockPost builds the 上新 post of r for group g (nil: no group yet) and shows it.
func ShowNewStockPost(e *ui.Env, g *data.Group, r data.Resource) *NewStockPost {
	p := &NewStockPost{env: e, group: g, resource: r}
	p.preview = ui.NewPostPreview(e, p.onCopied)
	p.edit = widget.NewButtonWithIcon("编辑模板", theme.DocumentCreateIcon(), p.onEditTemplate)
	body := container.NewBorder(container.NewHBox(p.edit), nil, nil, nil, p.preview.Content())
	p.dlg = dialog.NewCustom("上新公告："+r.Name, "关闭", body, e.Win)
	p.dlg.Resize(fyne.NewSize(620, 560))
	p.dlg.Show()
	ui.EscCloses(e.Win, p.dlg)
	p.load()
	return p
}

// load builds the post off the UI goroutine; the group and resource were copied when
// the dialog opened, so nothing the owner does meanwhile is read from another goroutine.
func (p *NewStockPost) load() {
	n := p.latest.Next()
	e, g, r := p.env, p.group, p.resource
	e.Tasks.Run(func() {
		built, err := qqpost.BuildNewStockPost(e.Store, g, r, e.Now(), e.Loc)
		fyne.Do(func() {
			if !p.latest.Is(n) {
				return
			}
			var notOnSale *qqpost.NotOnSaleError
			if errors.As(err, &notOnSale) {
				p.dlg.Hide()
				ui.ShowMessage(e.Win, "这个资源现在不发上新", notOnSale.Lines())
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			p.post = built
			p.preview.SetParts(built.Parts)
		})
	})
}

// onCopied records the post in the history, as it is now: a rebuild may replace it
// while the record is written.
func (p *NewStockPost) onCopied(int) { p.env.RecordCopied(p.post) }

func (p *NewStockPost) onEditTemplate() {
	e, g, r := p.env, p.group, p.resource
	p.editor = newTemplateEditor(e, data.PostNewStock, func() (qqpost.Preview, error) {
		return qqpost.NewStockPreview(e.Store, g, &r, e.Now(), e.Loc)
	}, p.load)
	p.editor.show()
}
