package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The whole-database workbook's sheets of the swap zone (置换区): the listings, and the
// deals the owner mediated with their logs.
const (
	AllSwapListingsSheet = "置换挂单"
	AllSwapDealsSheet    = "置换撮合"
)

// swapListingsGrid is the 置换挂单 sheet: every listing, oldest first, with the
// member's QQ number in full (the owner's own records) and where it stands at export
// time (已过期 included).
func swapListingsGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllSwapListingsSheet, header: []string{"编号", "群", "状态", "成员", "QQ号", "手上有", "数量",
		"想换", "挂单时间", "到期时间", "备注"}}
	ls := slices.Clone(all.SwapListings)
	slices.SortFunc(ls, func(a, b data.SwapListing) int { return cmp.Compare(a.ID, b.ID) })
	for _, l := range ls {
		group := ""
		if l.GroupID != nil {
			group = groups[*l.GroupID]
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(l.ID)), textCell(group), textCell(l.StateLabel(all.At)),
			textCell(tradeMemberName(l.Member)), textCell(tradeMemberQQ(l.Member)), textCell(l.HasText),
			{text: fmt.Sprint(l.Quantity), kind: kindNumber, num: float64(l.Quantity)}, textCell(l.WantLabel()),
			timeCell(l.CreatedAt, loc), timeCell(l.ExpiresAt, loc), textCell(l.Note),
		})
	}
	return g
}

// swapDealsGrid is the 置换撮合 sheet: every deal, oldest first, its listings in giving
// order, why it was suggested, and its log in one cell.
func swapDealsGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllSwapDealsSheet, header: []string{"编号", "群", "状态", "挂单", "成员", "配对理由", "开始时间", "记录"}}
	ds := slices.Clone(all.SwapDeals)
	slices.SortFunc(ds, func(a, b data.SwapDeal) int { return cmp.Compare(a.ID, b.ID) })
	for _, d := range ds {
		group := ""
		if d.GroupID != nil {
			group = groups[*d.GroupID]
		}
		var listings, members, log []string
		for _, dl := range d.Listings {
			listings = append(listings, tradeNumber(dl.ListingID))
			if dl.Listing != nil {
				members = append(members, tradeMemberName(dl.Listing.Member))
			}
		}
		for _, e := range d.Events {
			log = append(log, e.At.In(loc).Format(data.DateMinLayout)+" "+e.Note)
		}
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(d.ID)), textCell(group), textCell(d.State.Label()),
			textCell(strings.Join(listings, " → ")), textCell(strings.Join(members, " → ")), textCell(d.Reason),
			timeCell(d.CreatedAt, loc), textCell(strings.Join(log, "；")),
		})
	}
	return g
}
