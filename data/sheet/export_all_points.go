package sheet

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The whole-database workbook's sheets of the points ledger (互助积分): every entry,
// oldest first, and every member's balance.
const (
	AllPointEntriesSheet  = "积分流水"
	AllPointBalancesSheet = "积分余额"
)

// pointLinkLabels name what an entry links to, in the owner's words.
var pointLinkLabels = map[string]string{
	data.LinkRequest: "求助", data.LinkTicket: "售后工单", data.LinkResource: "资源",
	data.LinkBlindBoxDraw: "盲盒中奖", data.LinkSwapDeal: "置换撮合", data.LinkSession: "分享会",
	data.LinkRedemption: "兑换", data.LinkTalent: "资源达人", data.LinkPointEntry: "积分流水",
}

// pointLink is the record an entry links to: 置换撮合 #3, or empty.
func pointLink(e data.PointEntry) string {
	if e.LinkKind == "" || e.LinkID == nil {
		return ""
	}
	label, ok := pointLinkLabels[e.LinkKind]
	if !ok {
		label = e.LinkKind
	}
	return label + " " + tradeNumber(*e.LinkID)
}

func pointsCell(n int64) cell { return cell{text: fmt.Sprint(n), kind: kindNumber, num: float64(n)} }

// pointEntriesGrid is the 积分流水 sheet: every entry in the order written, with the
// member's QQ number in full (the owner's own records), what it links to, and which
// entry reversed it or which it reverses.
func pointEntriesGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllPointEntriesSheet, header: []string{"编号", "时间", "QQ号", "成员", "积分", "原因", "备注",
		"关联记录", "被更正", "更正了", "记录人"}}
	for _, e := range all.PointEntries {
		reversedBy, reverses := "", ""
		if e.ReversedBy != nil {
			reversedBy = tradeNumber(*e.ReversedBy)
		}
		if e.ReversesID != nil {
			reverses = tradeNumber(*e.ReversesID)
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(e.ID)), timeCell(e.At, loc), textCell(e.QQ), textCell(e.Name), pointsCell(e.Amount),
			textCell(e.Reason.Label()), textCell(e.Note), textCell(pointLink(e.PointEntry)), textCell(reversedBy),
			textCell(reverses), textCell(e.ByName),
		})
	}
	return g
}

// pointBalancesGrid is the 积分余额 sheet: each member who has or had points, most
// points first, with what they have earned in all (the all-time leaderboard).
func pointBalancesGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllPointBalancesSheet, header: []string{"QQ号", "成员", "余额", "累计获得", "最后变动"}}
	for _, b := range all.PointBalances {
		g.rows = append(g.rows, []cell{
			textCell(b.QQ), textCell(b.Name), pointsCell(b.Balance), pointsCell(b.Earned), timeCell(b.UpdatedAt, loc),
		})
	}
	return g
}
