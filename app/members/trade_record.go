package members

import (
	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// showTradeRecord adds the member's escrow record (担保交易) to the detail once it is
// read, when TA has one: the owner sees who traded well and who was in a dispute.
func (s *Screen) showTradeRecord(memberID uint, fields []ui.Field) {
	n := s.tradeRec.Next()
	e := s.env
	e.Tasks.Run(func() {
		rec, err := e.Store.MemberTradeRecord(memberID)
		fyne.Do(func() {
			if !s.tradeRec.Is(n) {
				return
			}
			if err != nil {
				e.Log.Warn("member trade record", "member", memberID, "err", err)
				return
			}
			s.detail.Show(append(fields, ui.Field{Label: "担保交易", Value: tradeRecordText(rec, e)}))
		})
	})
}

func tradeRecordText(rec data.TradeRecord, e *ui.Env) string {
	if rec.Trades == 0 {
		return "" // the pane leaves an empty field out
	}
	return rec.Summary(e.Loc)
}
