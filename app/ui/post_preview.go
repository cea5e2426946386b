package app

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// postPreview shows a post exactly as it will be copied. A long post is split into
// parts (QQ refuses very long messages); the preview shows one part at a time, so a
// catalog of thousands of lines costs one label, and after a part is copied it moves
// on to the next, so the owner copies, pastes in QQ, and comes back for the next.
type postPreview struct {
	env      *env
	onCopied func(part int)
	parts    []string
	current  int

	heading    *widget.Label
	text       *widget.Label
	scroll     *container.Scroll
	copyButton *widget.Button
	prevButton *widget.Button
	nextButton *widget.Button
	status     *widget.Label
}

func newPostPreview(e *env, onCopied func(part int)) *postPreview {
	p := &postPreview{env: e, onCopied: onCopied}
	p.heading = bold("")
	p.text = widget.NewLabel("")
	p.text.Wrapping = fyne.TextWrapWord
	p.text.Selectable = true
	p.scroll = container.NewVScroll(p.text)
	p.copyButton = widget.NewButtonWithIcon("复制公告", theme.ContentCopyIcon(), p.onCopy)
	p.copyButton.Importance = widget.HighImportance
	p.prevButton = widget.NewButtonWithIcon("上一段", theme.NavigateBackIcon(), func() { p.show(p.current - 1) })
	p.nextButton = widget.NewButtonWithIcon("下一段", theme.NavigateNextIcon(), func() { p.show(p.current + 1) })
	p.status = widget.NewLabel("")
	p.status.Importance = widget.SuccessImportance
	p.status.Wrapping = fyne.TextWrapWord
	p.setParts(nil)
	return p
}

func (p *postPreview) content() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, p.heading,
		container.NewHBox(p.prevButton, p.nextButton, p.copyButton))
	return container.NewBorder(bar, p.status, nil, nil, p.scroll)
}

// setParts shows a new post, from its first part; parts are what Split made of it.
func (p *postPreview) setParts(parts []string) {
	p.parts = parts
	p.status.SetText("")
	p.show(0)
}

// show displays part i.
func (p *postPreview) show(i int) {
	if i < 0 || i >= len(p.parts) {
		i = 0
	}
	p.current = i
	n := len(p.parts)
	multi := n > 1
	p.prevButton.Hidden, p.nextButton.Hidden = !multi, !multi
	enable(p.prevButton, i > 0)
	enable(p.nextButton, i < n-1)
	enable(p.copyButton, n > 0)
	if n == 0 {
		p.heading.SetText("")
		p.text.SetText("")
		return
	}
	part := p.parts[i]
	words := utf8.RuneCountInString(part)
	if multi {
		p.heading.SetText(fmt.Sprintf("第 %d/%d 段 · %d 字", i+1, n, words))
		p.copyButton.SetText(fmt.Sprintf("复制第 %d/%d 段", i+1, n))
	} else {
		p.heading.SetText(fmt.Sprintf("共 %d 字", words))
		p.copyButton.SetText("复制公告")
	}
	p.text.SetText(part)
	p.scroll.ScrollToTop()
	p.prevButton.Refresh()
	p.nextButton.Refresh()
}

// onCopy puts the shown part on the clipboard, says so, and moves on to the next part.
func (p *postPreview) onCopy() {
	i := p.current
	if i >= len(p.parts) {
		return
	}
	p.env.app.Clipboard().SetContent(p.parts[i])
	n := len(p.parts)
	switch {
	case n == 1:
		p.status.SetText("√ 已复制,到QQ群里粘贴即可")
	case i < n-1:
		p.show(i + 1)
		p.status.SetText(fmt.Sprintf("√ 已复制第 %d/%d 段。到QQ群里粘贴后,回来点「复制第 %d/%d 段」", i+1, n, i+2, n))
	default:
		p.status.SetText(fmt.Sprintf("√ 已复制最后一段(%d/%d),全部复制完了", n, n))
	}
	if p.onCopied != nil {
		p.onCopied(i)
	}
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
