package sheet

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// AllRulesSheet is the whole-database workbook's sheet of the groups' rules.
const AllRulesSheet = "群规"

// rulesGrid is every version of every group's rules, a row per section: each group's
// versions newest first, so its rules in force (marked 现行) come first, then the
// older versions with the day each was saved and its note. The rules of a deleted
// group stay under 已删除的群.
func rulesGrid(all Everything, loc *time.Location) grid {
	names := groupNames(all)
	order := make(map[uint]int, len(all.Groups))
	for i, gr := range all.Groups {
		order[gr.ID] = i
	}
	key := func(v data.RuleVersion) (int, uint) { // deleted groups last
		if v.GroupID == nil {
			return len(all.Groups), 0
		}
		if i, ok := order[*v.GroupID]; ok {
			return i, *v.GroupID
		}
		return len(all.Groups), *v.GroupID
	}
	vs := slices.Clone(all.RuleVersions)
	slices.SortStableFunc(vs, func(a, b data.RuleVersion) int {
		ga, ia := key(a)
		gb, ib := key(b)
		return cmp.Or(cmp.Compare(ga, gb), cmp.Compare(ia, ib), cmp.Compare(b.ID, a.ID))
	})
	// Versions are numbered per group from the oldest, as the 群规 screen numbers them.
	counts := map[uint]int{}
	number := make(map[uint]int, len(vs))
	for _, v := range all.RuleVersions {
		_, gid := key(v)
		counts[gid]++
		number[v.ID] = counts[gid]
	}
	g := grid{sheet: AllRulesSheet, header: []string{"群", "版本", "状态", "保存时间", "修改说明", "序号", "标题", "内容"}}
	var last uint
	for i, v := range vs {
		_, gid := key(v)
		group := names[gid]
		if v.GroupID == nil || group == "" {
			group = "已删除的群"
		}
		state := ""
		if i == 0 || gid != last {
			state = "现行"
		}
		last = gid
		for _, sec := range v.Sections {
			g.rows = append(g.rows, []cell{
				textCell(group), textCell("第 " + strconv.Itoa(number[v.ID]) + " 版"), textCell(state),
				timeCell(v.CreatedAt, loc), textCell(v.Note), countCell(sec.Position), textCell(sec.Title),
				textCell(fitCell(sec.Body)),
			})
		}
	}
	return g
}
