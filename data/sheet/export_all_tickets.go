package sheet

import (
	"fmt"
	"time"
)

// The whole-database workbook's sheets of after-sales tickets: the tickets, and their log.
const (
	AllTicketsSheet      = "售后工单"
	AllTicketEventsSheet = "工单记录"
)

// ticketsGrid is the 售后工单 sheet: every ticket, oldest first, with the member's QQ
// number in full (the owner's own records), the promise and how it was kept.
func ticketsGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllTicketsSheet, header: []string{"编号", "群", "状态", "问题类型", "成员", "QQ号", "相关资源",
		"相关交易", "问题描述", "开单时间", "承诺回复期限", "首次回复时间", "按时回复", "解决时间", "关闭时间"}}
	for _, t := range all.Tickets {
		group, resource, trade := "", "", ""
		if t.GroupID != nil {
			group = groups[*t.GroupID]
		}
		if t.Resource != nil {
			resource = t.Resource.Name
		}
		if t.Trade != nil {
			trade = tradeNumber(t.Trade.ID) + " " + t.Trade.Item
		}
		kept := ""
		if k, ok := t.PromiseKept(); ok {
			kept = map[bool]string{true: "是", false: "否"}[k]
		}
		g.rows = append(g.rows, []cell{
			textCell(ticketNumber(t.ID)), textCell(group), textCell(t.State.Label()), textCell(t.Category.Label()),
			textCell(tradeMemberName(t.Member)), textCell(tradeMemberQQ(t.Member)), textCell(resource), textCell(trade),
			textCell(t.Description), timeCell(t.OpenedAt, loc), timeCell(t.DueAt, loc), optionalTime(t.FirstResponseAt, loc),
			textCell(kept), optionalTime(t.ResolvedAt, loc), optionalTime(t.ClosedAt, loc),
		})
	}
	return g
}

// ticketEventsGrid is the 工单记录 sheet: every move and reply of every ticket, a row
// each, by ticket and then in order.
func ticketEventsGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllTicketEventsSheet, header: []string{"编号", "时间", "从", "到", "说明"}}
	for _, t := range all.Tickets {
		for _, e := range t.Events {
			g.rows = append(g.rows, []cell{textCell(ticketNumber(t.ID)), timeCell(e.At, loc),
				textCell(e.From.Label()), textCell(e.To.Label()), textCell(e.Note)})
		}
	}
	return g
}

func ticketNumber(id uint) string { return fmt.Sprintf("#%d", id) }
