package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// blindBoxTodos are the 资源盲盒 to close or draw, and winners whose share (分享体验)
// is overdue, each one click from the box.
func (t *today) blindBoxTodos() []todo {
	a, l := t.agenda, t.links
	if l.blindBox == nil {
		return nil
	}
	var out []todo
	for i, name := range a.BoxesDue.Names {
		id := a.BoxesDue.IDs[i]
		out = append(out, todo{theme.MediaPlayIcon(), "资源盲盒" + name, "去处理", func() { l.blindBox(id) }})
	}
	if more := a.BoxesDue.Count - len(a.BoxesDue.Names); more > 0 {
		out = append(out, todo{theme.MediaPlayIcon(), fmt.Sprintf("还有 %d 个资源盲盒该截止或开奖。", more), "看全部", func() { l.blindBox(0) }})
	}
	for i, name := range a.OverdueShares.Names {
		id := a.OverdueShares.IDs[i]
		out = append(out, todo{theme.WarningIcon(), "中奖者分享超时：" + name, "去提醒", func() { l.blindBox(id) }})
	}
	if more := a.OverdueShares.Count - len(a.OverdueShares.Names); more > 0 {
		out = append(out, todo{theme.WarningIcon(), fmt.Sprintf("还有 %d 位中奖者分享超时。", more), "看全部", func() { l.blindBox(0) }})
	}
	return out
}
