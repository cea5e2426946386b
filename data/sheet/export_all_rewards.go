package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The whole-database workbook's sheets of redemptions and badges (兑换与身份标识).
const (
	AllRedemptionsSheet = "兑换记录"
	AllBadgesSheet      = "身份标识"
)

// redemptionsGrid is the 兑换记录 sheet: every redemption, oldest first, with the
// member's QQ number in full, the points paid and where it stands.
func redemptionsGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllRedemptionsSheet, header: []string{"编号", "群", "状态", "成员", "QQ号", "兑换商品", "积分",
		"兑换时间", "发放时间", "撤销时间", "备注"}}
	rs := slices.Clone(all.Redemptions)
	slices.SortFunc(rs, func(a, b data.Redemption) int { return cmp.Compare(a.ID, b.ID) })
	for _, r := range rs {
		group := ""
		if r.GroupID != nil {
			group = groups[*r.GroupID]
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(r.ID)), textCell(group), textCell(r.State.Label()),
			textCell(tradeMemberName(r.Member)), textCell(tradeMemberQQ(r.Member)), textCell(r.ItemName),
			{text: fmt.Sprint(r.Price), kind: kindNumber, num: float64(r.Price)},
			timeCell(r.CreatedAt, loc), optionalTime(r.GivenAt, loc), optionalTime(r.CancelledAt, loc), textCell(r.Note),
		})
	}
	return g
}

// badgesGrid is the 身份标识 sheet: every badge ever given, oldest first, where it came
// from, until when, and whether and why it was taken away.
func badgesGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllBadgesSheet, header: []string{"成员", "QQ号", "身份标识", "来源", "授予时间", "到期时间",
		"状态", "收回时间", "备注"}}
	bs := slices.Clone(all.Badges)
	slices.SortFunc(bs, func(a, b data.BadgeHolder) int { return cmp.Compare(a.ID, b.ID) })
	for _, b := range bs {
		state := "有效"
		switch {
		case b.RevokedAt != nil:
			state = "已收回"
		case !b.Active(all.At):
			state = "已过期"
		}
		note := b.Note
		if b.RevokeNote != "" {
			if note != "" {
				note += "；"
			}
			note += "收回：" + b.RevokeNote
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeMemberName(b.Member)), textCell(tradeMemberQQ(b.Member)), textCell(b.Name),
			textCell(b.Source.Label()), timeCell(b.GrantedAt, loc), optionalTime(b.ExpiresAt, loc), textCell(state),
			optionalTime(b.RevokedAt, loc), textCell(note),
		})
	}
	return g
}
