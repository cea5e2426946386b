package sheet

import (
	"strconv"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// AllPollsSheet is the whole-database workbook's sheet of the groups' polls.
const AllPollsSheet = "投票"

// pollsGrid is every poll, a row per option, oldest poll first: its group, question,
// state, close time and where its counts came from, then the option, what category or
// resource it stands for, and its votes. Polls of a deleted group stay under 已删除的群.
func pollsGrid(all Everything, loc *time.Location) grid {
	names := groupNames(all)
	cats := make(map[uint]string, len(all.PollCats))
	for _, c := range all.PollCats {
		cats[c.ID] = c.Name
	}
	res := make(map[uint]string, len(all.Resources))
	for _, r := range all.Resources {
		res[r.ID] = r.Name
	}
	g := grid{sheet: AllPollsSheet, header: []string{"群", "编号", "问题", "状态", "截止时间", "结束时间", "结果来源", "序号", "选项", "对应", "票数"}}
	for _, p := range all.Polls {
		group := ""
		if p.GroupID != nil {
			group = names[*p.GroupID]
		}
		if group == "" {
			group = "已删除的群"
		}
		state, closed := "进行中", ""
		if p.ClosedAt != nil {
			state, closed = "已结束", p.ClosedAt.In(loc).Format(data.DateMinLayout)
		}
		for _, o := range p.Options {
			stands := ""
			switch {
			case o.ResourceID != nil:
				stands = "资源：" + res[*o.ResourceID]
			case o.CategoryID != nil:
				stands = "分类：" + cats[*o.CategoryID]
			}
			g.rows = append(g.rows, []cell{
				textCell(group), textCell("#" + strconv.Itoa(int(p.ID))), textCell(p.Question), textCell(state),
				timeCell(p.ClosesAt, loc), textCell(closed), textCell(p.Source.Label()), countCell(o.Position),
				textCell(o.Label), textCell(stands), countCell(o.Votes),
			})
		}
	}
	return g
}
