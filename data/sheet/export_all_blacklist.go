package sheet

import (
	"cmp"
	"slices"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// AllBlacklistSheet is the whole-database workbook's sheet of the blacklist.
const AllBlacklistSheet = "失效名单"

// blacklistGrid is the 失效名单 sheet: every resource that was ever on the blacklist
// with its whole history, a row per move. The resources on it now come first (the
// latest marked first), then those taken off it; each one's moves oldest first. A
// resource 失效 from before history was kept has one row, reason 未记录, at its last
// change.
func blacklistGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllBlacklistSheet, header: []string{"资源", "供应商", "现在", "时间", "操作", "原因", "说明", "操作人"}}
	byID := make(map[uint]*data.Resource, len(all.Resources))
	for i := range all.Resources {
		byID[all.Resources[i].ID] = &all.Resources[i]
	}
	moves := map[uint][]data.HistoryRow{}
	var order []uint
	for _, h := range all.Blacklist {
		if _, seen := moves[h.ResourceID]; !seen {
			order = append(order, h.ResourceID)
		}
		moves[h.ResourceID] = append(moves[h.ResourceID], h)
	}
	for _, r := range all.Resources {
		if _, seen := moves[r.ID]; !seen && r.Status == data.StatusInvalid {
			order = append(order, r.ID)
			moves[r.ID] = []data.HistoryRow{{ResourceEvent: data.ResourceEvent{ResourceID: r.ID, Kind: data.EventInvalid, At: r.UpdatedAt},
				ResourceName: r.Name, SupplierName: r.SupplierName()}}
		}
	}
	onList := func(id uint) bool { r := byID[id]; return r != nil && r.Status == data.StatusInvalid }
	latest := func(id uint) time.Time { ms := moves[id]; return ms[len(ms)-1].At }
	slices.SortStableFunc(order, func(a, b uint) int {
		if la, lb := onList(a), onList(b); la != lb {
			if la {
				return -1
			}
			return 1
		}
		return cmp.Or(latest(b).Compare(latest(a)), cmp.Compare(b, a))
	})
	for _, id := range order {
		now := "已移出"
		if onList(id) {
			now = "在名单中"
		}
		for _, h := range moves[id] {
			reason := ""
			if h.Kind == data.EventInvalid {
				reason = h.Reason.Label()
			}
			g.rows = append(g.rows, []cell{
				textCell(h.ResourceName), textCell(h.SupplierName), textCell(now), timeCell(h.At, loc),
				textCell(h.Kind.Label()), textCell(reason), textCell(h.Note), textCell(h.ByName),
			})
		}
	}
	return g
}
