package members

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// showTradeRecord adds the member's escrow record (担保交易) and completed swaps (置换区)
// to the detail once read, when TA has them: the owner sees who traded well and who was
// in a dispute.
func (s *Screen) showTradeRecord(memberID uint, fields []ui.Field) {
	n := s.tradeRec.Next()
	e := s.env
	e.Tasks.Run(func() {
		rec, err := e.Store.MemberTradeRecord(memberID)
		var swaps int64
		if err == nil {
			swaps, err = e.Store.CompletedSwaps(memberID)
		}
		var until time.Time
		var priority bool
		if err == nil {
			until, priority, err = e.Store.PriorityUntil(memberID)
		}
		fyne.Do(func() {
			if !s.tradeRec.Is(n) {
				return
			}
			if err != nil {
				e.Log.Warn("member trade record", "member", memberID, "err", err)
				return
			}
			all := append(fields, ui.Field{Label: "担保交易", Value: tradeRecordText(rec, e)})
			if swaps > 0 { // completed swaps count on the member's record (置换区)
				all = append(all, ui.Field{Label: "置换", Value: fmt.Sprintf("已完成 %d 次置换", swaps)})
			}
			if priority { // the month's 资源达人: listed first when a resource is matched
				all = append(all, ui.Field{Label: "优先获取", Value: priorityText(until, e)})
			}
			s.detail.Show(all)
		})
	})
}

// priorityText says until when a member holds 「优先获取」: the end is exclusive, so
// the last day is the one before.
func priorityText(until time.Time, e *ui.Env) string {
	last := until.In(e.Loc).Add(-time.Second)
	return fmt.Sprintf("「优先获取」到 %d月%d日：匹配新资源时排在最前", last.Month(), last.Day())
}

func tradeRecordText(rec data.TradeRecord, e *ui.Env) string {
	if rec.Trades == 0 {
		return "" // the pane leaves an empty field out
	}
	return rec.Summary(e.Loc)
}
