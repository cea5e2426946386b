package rules

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// postView is the 群规公告 tab: the current version as a QQ post, split when long,
// each part copied on its own; a copied post is kept in the post history.
type postView struct {
	s    *Screen
	post qqpost.Built

	Info    *widget.Label
	Preview *ui.PostPreview
	empty   *ui.EmptyState
	goEdit  *widget.Button
}

func newPostView(s *Screen) *postView {
	p := &postView{s: s}
	p.Info = widget.NewLabel("")
	p.Info.Wrapping = fyne.TextWrapBreak
	p.Preview = ui.NewPostPreview(s.env, p.onCopied)
	p.empty = ui.NewEmptyState()
	p.goEdit = widget.NewButton("去编辑群规", func() { s.selectTab(tabEdit) })
	return p
}

func (p *postView) content() fyne.CanvasObject {
	return container.NewBorder(p.Info, nil, nil, nil, p.empty.Over(p.Preview.Content()))
}

// apply shows post, the version in force's (none before the first save).
func (p *postView) apply(post qqpost.Built) {
	p.post = post
	p.Preview.SetParts(post.Parts)
	p.showInfo()
}

// showInfo says what the post is, or what to do before there is one.
func (p *postView) showInfo() {
	s := p.s
	switch {
	case s.group == nil:
		p.Info.SetText("")
		p.empty.Show("请先在上方选择或新建一个群。")
	case s.current.ID == 0 || len(p.post.Parts) == 0:
		p.Info.SetText("")
		p.empty.Show("群规还没有保存过。在「编辑群规」里改好后点「保存为新版本」，这里就会生成可以复制到QQ群的群规公告。", p.goEdit)
	default:
		p.empty.Hide()
		p.Info.SetText(p.infoOf(p.post))
	}
}

// infoOf says which version the post is, how long, and how to paste it.
func (p *postView) infoOf(post qqpost.Built) string {
	s := p.s
	info := fmt.Sprintf("按现行第 %d 版（%s 修订）生成，共 %d 条、%d 字", len(s.history), s.date(s.current),
		post.Listed, utf8.RuneCountInString(post.Text))
	if len(post.Parts) > 1 {
		info += fmt.Sprintf("，太长了分成 %d 段，请按顺序逐段复制粘贴", len(post.Parts))
	}
	info += "。发到群里后，建议再设为群公告或精华消息，方便新人查看。"
	if d := s.drafts[s.group.ID]; d != nil && d.dirty() {
		info += "\n注意：「编辑群规」里还有没保存的修改，公告里还没有它们。保存为新版本后这里会更新。"
	}
	if post.BrokenOwn {
		info += "\n注意：你修改过的群规公告模板出错了，这次先用默认模板生成。"
	}
	return info
}

// onCopied records the post the first time any part of it is copied.
func (p *postView) onCopied(int) { p.s.env.RecordCopied(p.post) }
