package app

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// postPreview shows a post exactly as it will be copied: one card per part, each with
// its own copy button, because QQ refuses very long messages.
type postPreview struct {
	env      *env
	onCopied func(part int)
	parts    []string

	box         *fyne.Container
	copyButtons []*widget.Button
	texts       []*widget.Label
	status      *widget.Label
}

func newPostPreview(e *env, onCopied func(part int)) *postPreview {
	p := &postPreview{env: e, onCopied: onCopied}
	p.box = container.NewVBox()
	p.status = widget.NewLabel("")
	p.status.Importance = widget.SuccessImportance
	return p
}

func (p *postPreview) content() fyne.CanvasObject {
	return container.NewBorder(nil, p.status, nil, nil, container.NewVScroll(p.box))
}

// setParts shows a new post; parts are what Split made of it.
func (p *postPreview) setParts(parts []string) {
	p.parts = parts
	p.copyButtons, p.texts = nil, nil
	p.box.RemoveAll()
	p.status.SetText("")
	for i, part := range parts {
		p.box.Add(p.partCard(i, part))
	}
	p.box.Refresh()
}

func (p *postPreview) partCard(i int, part string) fyne.CanvasObject {
	label := "复制公告"
	heading := fmt.Sprintf("共 %d 字", utf8.RuneCountInString(part))
	if len(p.parts) > 1 {
		label = fmt.Sprintf("复制第 %d/%d 段", i+1, len(p.parts))
		heading = fmt.Sprintf("第 %d/%d 段 · %d 字", i+1, len(p.parts), utf8.RuneCountInString(part))
	}
	btn := widget.NewButtonWithIcon(label, theme.ContentCopyIcon(), func() { p.copyPart(i) })
	btn.Importance = widget.HighImportance
	text := widget.NewLabel(part)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	p.copyButtons = append(p.copyButtons, btn)
	p.texts = append(p.texts, text)
	top := container.NewBorder(nil, nil, bold(heading), btn)
	return widget.NewCard("", "", container.NewBorder(top, nil, nil, nil, text))
}

// copyPart puts one part on the clipboard and says so.
func (p *postPreview) copyPart(i int) {
	if i < 0 || i >= len(p.parts) {
		return
	}
	p.env.app.Clipboard().SetContent(p.parts[i])
	msg := "√ 已复制,到QQ群里粘贴即可"
	if len(p.parts) > 1 {
		msg = fmt.Sprintf("√ 已复制第 %d/%d 段,到QQ群里粘贴后再复制下一段", i+1, len(p.parts))
	}
	p.status.SetText(msg)
	if p.onCopied != nil {
		p.onCopied(i)
	}
}
