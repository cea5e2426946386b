package sheet

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

// The whole-database workbook's sheets of escrow trades: the trades, and their audit log.
const (
	AllTradesSheet      = "担保交易"
	AllTradeEventsSheet = "交易记录"
)

// tradesGrid is the 担保交易 sheet: every trade, oldest first, with both members' QQ
// numbers in full (the owner's own records) and where it stands.
func tradesGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllTradesSheet, header: []string{"编号", "群", "状态", "交易的东西", "金额", "手续费",
		"买家", "买家QQ号", "卖家", "卖家QQ号", "开单时间", "当前期限", "备注"}}
	for _, t := range all.Trades {
		group := ""
		if t.GroupID != nil {
			group = groups[*t.GroupID]
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(t.ID)), textCell(group), textCell(t.State.Label()), textCell(t.Item),
			priceCell(t.AmountCents), priceCell(t.FeeCents),
			textCell(tradeMemberName(t.Buyer)), textCell(tradeMemberQQ(t.Buyer)),
			textCell(tradeMemberName(t.Seller)), textCell(tradeMemberQQ(t.Seller)),
			timeCell(t.CreatedAt, loc), optionalTime(t.DueAt, loc), textCell(t.Notes),
		})
	}
	return g
}

// tradeEventsGrid is the 交易记录 sheet: every move of every trade, a row each, by
// trade and then in order.
func tradeEventsGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllTradeEventsSheet, header: []string{"编号", "交易的东西", "时间", "从", "到", "说明"}}
	for _, t := range all.Trades {
		for _, e := range t.Events {
			from := ""
			if e.From != "" {
				from = escrow.State(e.From).Label()
			}
			g.rows = append(g.rows, []cell{textCell(tradeNumber(t.ID)), textCell(t.Item), timeCell(e.At, loc),
				textCell(from), textCell(escrow.State(e.To).Label()), textCell(e.Note)})
		}
	}
	return g
}

func tradeNumber(id uint) string { return fmt.Sprintf("#%d", id) }

func tradeMemberName(m *data.Member) string {
	if m == nil {
		return ""
	}
	return m.DisplayName(0)
}

func tradeMemberQQ(m *data.Member) string {
	if m == nil {
		return ""
	}
	return m.QQ
}
