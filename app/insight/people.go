package insight

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// people is the right-hand side: this week's top contributors and the silent members
// to win back, each with a private message to copy.
type people struct {
	s       *Screen
	silent  []insight.SilentMember
	Top     *widget.Label
	Silent  *widget.List
	Count   *widget.Label
	NoneYet *widget.Label
}

func newPeople(s *Screen) *people {
	p := &people{s: s, Top: widget.NewLabel(""), Count: widget.NewLabel(""), NoneYet: widget.NewLabel("")}
	p.Top.Wrapping = fyne.TextWrapBreak
	p.Count.Wrapping = fyne.TextWrapBreak
	p.NoneYet.Wrapping = fyne.TextWrapBreak
	p.NoneYet.Hide()
	p.Silent = widget.NewList(func() int { return len(p.silent) }, p.newRow, p.updateRow)
	return p
}

func (p *people) content() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	top := container.NewVBox(bold("本周活跃之星"), p.Top, widget.NewSeparator(), bold("潜水成员"), p.Count, p.NoneYet)
	return container.NewBorder(top, nil, nil, nil, p.Silent)
}

func (p *people) newRow() fyne.CanvasObject {
	copyButton := widget.NewButtonWithIcon("复制话术", theme.ContentCopyIcon(), nil)
	return container.NewBorder(nil, nil, nil, copyButton, widget.NewLabel(""))
}

func (p *people) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.silent) {
		return
	}
	c := o.(*fyne.Container)
	m := p.silent[id]
	c.Objects[0].(*widget.Label).SetText(silentLine(m))
	c.Objects[1].(*widget.Button).OnTapped = func() { p.copyWinBack(id) }
}

// silentLine is one silent member: 潜水君（55 天没说话）.
func silentLine(m insight.SilentMember) string {
	name := m.Name
	if name == "" {
		name = data.MaskQQ(m.QQ)
	}
	switch {
	case m.LastSeen != nil:
		return fmt.Sprintf("%s（%d 天没说话）", name, m.Days)
	case m.Days >= 0:
		return fmt.Sprintf("%s（入群 %d 天没说过话）", name, m.Days)
	}
	return name + "（没见过发言）"
}

func (p *people) show(l *loaded) {
	rep := l.insight.Report
	if len(rep.Top) == 0 {
		p.Top.SetText("本周还没有人发言的记录。导入最近的聊天记录后，这里列出本周说话最多的群友，周报里会点名感谢他们。")
	} else {
		text := ""
		for i, c := range rep.Top {
			name := c.Name
			if name == "" {
				name = data.MaskQQ(c.QQ)
			}
			text += fmt.Sprintf("%d. %s：%d 条\n", i+1, name, c.Messages)
		}
		p.Top.SetText(text[:len(text)-1])
	}
	p.silent = rep.Silent
	days := l.silentDays
	if len(p.silent) == 0 {
		p.Count.SetText("")
		p.NoneYet.SetText(fmt.Sprintf("没有潜水成员：最近 %d 天每个人都说过话（按聊天记录和 QQ 群成员名单的最后发言时间）。导入 QQ 群成员名单，这里才找得到潜水的人。", days))
		p.NoneYet.Show()
	} else {
		p.NoneYet.Hide()
		p.Count.SetText(fmt.Sprintf("%d 人超过 %d 天没说话。点「复制话术」，到 QQ 里私聊 TA 粘贴发送，请回群里聊聊。", len(p.silent), days))
	}
	p.Silent.Refresh()
}

// copyWinBack copies the win-back message for silent member i.
func (p *people) copyWinBack(i int) {
	if i >= len(p.silent) || p.s.shown == nil {
		return
	}
	m := p.silent[i]
	group := p.s.shown.group
	if group == "" {
		group = "咱们群"
	}
	name := m.Name
	days := m.Days
	if m.LastSeen == nil {
		days = -1
	}
	p.s.env.App.Clipboard().SetContent(qqpost.WinBackMessage(group, name, days))
	p.s.notice.Show("已复制给「" + silentName(m) + "」的私聊话术，到 QQ 私聊里粘贴即可。")
}

func silentName(m insight.SilentMember) string {
	if m.Name != "" {
		return m.Name
	}
	return data.MaskQQ(m.QQ)
}
