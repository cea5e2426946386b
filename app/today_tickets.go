package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// ticketTodos are the after-sales tickets overdue or due within two hours, the most
// urgent first, each one click from its detail: the promise to reply is public.
func (t *today) ticketTodos() []todo {
	line, l := t.agenda.UrgentTickets, t.links
	var out []todo
	for i, name := range line.Names {
		id := line.IDs[i]
		out = append(out, todo{theme.WarningIcon(), "售后工单要回复：" + name, "去回复", func() { l.ticket(id) }})
	}
	if more := line.Count - len(line.Names); more > 0 {
		out = append(out, todo{theme.WarningIcon(), fmt.Sprintf("还有 %d 张售后工单快到期或已超时。", more), "看全部", func() { l.ticket(0) }})
	}
	return out
}
