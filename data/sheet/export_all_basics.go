package sheet

import (
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The sheets of the whole-database workbook for the foundation's records.
const (
	AllGroupsSheet    = "群"
	AllMembersSheet   = "成员"
	AllSuppliersSheet = "供应商"
)

func groupsGrid(all Everything, _ *time.Location) grid {
	g := grid{sheet: AllGroupsSheet, header: []string{"群名", "群号", "备注"}}
	for _, gr := range all.Groups {
		g.rows = append(g.rows, []cell{textCell(gr.Name), textCell(gr.Number), textCell(gr.Notes)})
	}
	return g
}

func membersGrid(all Everything, _ *time.Location) grid {
	names := groupNames(all)
	g := grid{sheet: AllMembersSheet, header: []string{"QQ号", "昵称", "所在群", "动机", "兴趣", "人群", "备注"}}
	for i := range all.Members {
		m := &all.Members[i]
		seats := make([]string, 0, len(m.Memberships))
		for _, ms := range m.Memberships {
			seat := names[ms.GroupID]
			if ms.Role != "" && ms.Role != data.RoleMember {
				seat += "（" + ms.Role.Label() + "）"
			}
			seats = append(seats, seat)
		}
		g.rows = append(g.rows, []cell{
			textCell(m.QQ), textCell(m.Nickname), textCell(strings.Join(seats, "、")),
			textCell(strings.Join(m.TagValues(data.TagMotivation), "、")),
			textCell(strings.Join(m.TagValues(data.TagInterest), "、")),
			textCell(strings.Join(m.TagValues(data.TagSegment), "、")),
			textCell(m.Notes),
		})
	}
	return g
}

func suppliersGrid(all Everything, _ *time.Location) grid {
	g := grid{sheet: AllSuppliersSheet, header: []string{"供应商", "联系方式", "备注"}}
	for _, sp := range all.Suppliers {
		g.rows = append(g.rows, []cell{textCell(sp.Name), textCell(sp.Contact), textCell(sp.Notes)})
	}
	return g
}
