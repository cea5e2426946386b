package ui

import (
	"fmt"
	"unicode/utf8"

	qqposts "github.com/qunhuo/qunhuo/data/posts"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PostPreview shows a post exactly as it will be copied. A long post is split into
// parts (QQ refuses very long messages); the preview shows one part at a time, so a
// catalog of thousands of lines costs one label, and after a part is copied it moves
// on to the next, so the owner copies, pastes in QQ, and comes back for the next.
type PostPreview struct {
	env      *Env
	onCopied func(part int)
	parts    []string
	current  int

	heading    *widget.Label
	Text       *widget.Label
	scroll     *container.Scroll
	CopyButton *widget.Button
	prevButton *widget.Button
	nextButton *widget.Button
	Status     *widget.Label
}

func NewPostPreview(e *Env, onCopied func(part int)) *PostPreview {
	p := &PostPreview{env: e, onCopied: onCopied}
	p.heading = Bold("")
	p.Text = widget.NewLabel("")
	p.Text.Wrapping = fyne.TextWrapBreak
	p.Text.Selectable = true
	p.scroll = container.NewVScroll(p.Text)
	p.CopyButton = widget.NewButtonWithIcon("复制公告", theme.ContentCopyIcon(), p.onCopy)
	p.CopyButton.Importance = widget.HighImportance
	p.prevButton = widget.NewButtonWithIcon("上一段", theme.NavigateBackIcon(), func() { p.showPart(p.current - 1) })
	p.nextButton = widget.NewButtonWithIcon("下一段", theme.NavigateNextIcon(), func() { p.showPart(p.current + 1) })
	p.Status = widget.NewLabel("")
	p.Status.Importance = widget.SuccessImportance
	p.Status.Wrapping = fyne.TextWrapBreak
	p.SetParts(nil)
	return p
}

func (p *PostPreview) Content() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, p.heading,
		container.NewHBox(p.prevButton, p.nextButton, p.CopyButton))
	return container.NewBorder(bar, p.Status, nil, nil, p.scroll)
}

// setParts shows a new post, from its first part; parts are what Split made of it.
func (p *PostPreview) SetParts(parts []string) {
	p.parts = parts
	p.Status.SetText("")
	p.showPart(0)
}

// show displays part i.
func (p *PostPreview) showPart(i int) {
	if i < 0 || i >= len(p.parts) {
		i = 0
	}
	p.current = i
	n := len(p.parts)
	multi := n > 1
	p.prevButton.Hidden, p.nextButton.Hidden = !multi, !multi
	Enable(p.prevButton, i > 0)
	Enable(p.nextButton, i < n-1)
	Enable(p.CopyButton, n > 0)
	if n == 0 {
		p.heading.SetText("")
		p.Text.SetText("")
		return
	}
	part := p.parts[i]
	words := utf8.RuneCountInString(part)
	if multi {
		p.heading.SetText(fmt.Sprintf("第 %d/%d 段 · %d 字", i+1, n, words))
		p.CopyButton.SetText(fmt.Sprintf("复制第 %d/%d 段", i+1, n))
	} else {
		p.heading.SetText(fmt.Sprintf("共 %d 字", words))
		p.CopyButton.SetText("复制公告")
	}
	p.Text.SetText(part)
	p.scroll.ScrollToTop()
	p.prevButton.Refresh()
	p.nextButton.Refresh()
}

// onCopy puts the shown part on the clipboard, says so, and moves on to the next part.
func (p *PostPreview) onCopy() {
	i := p.current
	if i >= len(p.parts) {
		return
	}
	p.env.App.Clipboard().SetContent(p.parts[i])
	n := len(p.parts)
	switch {
	case n == 1:
		p.Status.SetText("√ 已复制，到QQ群里粘贴即可")
	case i < n-1:
		p.showPart(i + 1)
		p.Status.SetText(fmt.Sprintf("√ 已复制第 %d/%d 段。到QQ群里粘贴后，回来点「复制第 %d/%d 段」", i+1, n, i+2, n))
	default:
		p.Status.SetText(fmt.Sprintf("√ 已复制最后一段（%d/%d），全部复制完了", n, n))
	}
	if p.onCopied != nil {
		p.onCopied(i)
	}
}

func Enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// Parts are the parts of the post shown, in order.
func (p *PostPreview) Parts() []string { return p.parts }

// RecordCopied keeps a post in the history once any part of it was copied to QQ, off
// the UI goroutine. The caller hands over the post it copied, since a rebuild may
// replace its own while the record is written.
func (e *Env) RecordCopied(post qqposts.Built) {
	e.Tasks.Run(func() {
		if err := post.Record(e.Store); err != nil {
			fyne.Do(func() { e.ShowError(err) })
		}
	})
}
