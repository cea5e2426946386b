package sheet

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// requestsGrid is the 求助 sheet of the whole-database workbook: every request with
// its member, state and times.
func requestsGrid(all Everything, loc *time.Location) grid {
	rs, groups := all.Requests, groupNames(all)
	g := grid{sheet: AllRequestsSheet, header: []string{"求助时间", "群", "成员QQ", "成员", "原话", "要的东西", "状态", "回复用时", "结束时间"}}
	for i := range rs {
		r := &rs[i]
		var qq, name, group string
		var gid uint
		if r.GroupID != nil {
			gid, group = *r.GroupID, groups[*r.GroupID]
		}
		if r.Member != nil {
			qq, name = r.Member.QQ, r.Member.DisplayName(gid)
		}
		wait := ""
		if r.RepliedAt != nil {
			wait = data.FormatWait(r.ReplyTime())
		}
		g.rows = append(g.rows, []cell{
			timeCell(r.AskedAt, loc), textCell(group), textCell(qq), textCell(name), textCell(r.Text),
			textCell(r.ItemKey), textCell(r.State.Label()), textCell(wait), optionalTime(r.ClosedAt, loc),
		})
	}
	return g
}

// AllRequestsSheet is the whole-database workbook's sheet of requests.
const AllRequestsSheet = "求助"

func timeCell(t time.Time, loc *time.Location) cell {
	l := t.In(loc)
	wall := time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), 0, 0, time.UTC)
	return cell{text: l.Format(data.DateMinLayout), kind: kindDateTime, date: wall}
}

func optionalTime(t *time.Time, loc *time.Location) cell {
	if t == nil {
		return textCell("")
	}
	return timeCell(*t, loc)
}
