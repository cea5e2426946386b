package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// tradeTodos are the escrow trades past their deadline, the longest overdue first, each
// one click from its detail: money the owner holds waits on someone.
func (t *today) tradeTodos() []todo {
	line, l := t.agenda.OverdueTrades, t.links
	var out []todo
	for i, name := range line.Names {
		id := line.IDs[i]
		out = append(out, todo{theme.ErrorIcon(), "担保交易超时：" + name, "去处理", func() { l.trade(id) }})
	}
	if more := line.Count - len(line.Names); more > 0 {
		out = append(out, todo{theme.ErrorIcon(), fmt.Sprintf("还有 %d 笔担保交易超时。", more), "看全部", func() { l.trade(0) }})
	}
	return out
}
