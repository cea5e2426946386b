package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// templates opens the editors of the post templates (edit, or reset to the default
// inside the editor).
type templates struct {
	links   Links
	index   *widget.Button
	stock   *widget.Button
	reply   *widget.Button
	restock *widget.Button
}

func newTemplates(links Links) *templates {
	t := &templates{links: links}
	t.index = widget.NewButtonWithIcon("资源索引表模板", theme.DocumentCreateIcon(), func() { t.edit(data.PostIndex) })
	t.stock = widget.NewButtonWithIcon("上新公告模板", theme.DocumentCreateIcon(), func() { t.edit(data.PostNewStock) })
	t.reply = widget.NewButtonWithIcon("求助回复模板", theme.DocumentCreateIcon(), func() { t.edit(data.PostReply) })
	t.restock = widget.NewButtonWithIcon("补货清单模板", theme.DocumentCreateIcon(), func() { t.edit(data.PostRestock) })
	return t
}

func (t *templates) title() string { return "公告模板" }

func (t *templates) content() fyne.CanvasObject {
	hint := widget.NewLabel("改公告的样子：标题、每个分类、每个资源和结尾，用「{名称}」「{价格}」这样的占位符。改坏了可以在编辑器里点「恢复默认」。")
	hint.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(hint, container.NewHBox(t.index, t.stock, t.reply, t.restock))
}

func (t *templates) refresh() {}

func (t *templates) edit(kind data.PostKind) {
	if t.links.EditTemplate != nil {
		t.links.EditTemplate(kind)
	}
}
