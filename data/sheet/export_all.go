package sheet

import (
	"io"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Everything is the whole database as WriteEverythingXLSX writes it. Later record types
// add a field here and a sheet in everythingGrids.
type Everything struct {
	Groups    []data.Group
	Resources []data.Resource
	Members   []data.Member // with their seats and tags (Store.Members(0))
	Suppliers []data.Supplier
}

// The sheets of the whole-database workbook, in order.
const (
	AllGroupsSheet    = "群"
	AllMembersSheet   = "成员"
	AllSuppliersSheet = "供应商"
)

// WriteEverythingXLSX writes every record to one workbook, a sheet per record type:
// 群, 资源库 (as the catalog export, so it imports back), 成员, 供应商.
func WriteEverythingXLSX(w io.Writer, all Everything, loc *time.Location) error {
	return writeWorkbook(w, everythingGrids(all, loc)...)
}

func everythingGrids(all Everything, loc *time.Location) []grid {
	groups := grid{sheet: AllGroupsSheet, header: []string{"群名", "群号", "备注"}}
	names := make(map[uint]string, len(all.Groups))
	for _, g := range all.Groups {
		names[g.ID] = g.Name
		groups.rows = append(groups.rows, []cell{textCell(g.Name), textCell(g.Number), textCell(g.Notes)})
	}
	members := grid{sheet: AllMembersSheet, header: []string{"QQ号", "昵称", "所在群", "动机", "兴趣", "人群", "备注"}}
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
		members.rows = append(members.rows, []cell{
			textCell(m.QQ), textCell(m.Nickname), textCell(strings.Join(seats, "、")),
			textCell(strings.Join(m.TagValues(data.TagMotivation), "、")),
			textCell(strings.Join(m.TagValues(data.TagInterest), "、")),
			textCell(strings.Join(m.TagValues(data.TagSegment), "、")),
			textCell(m.Notes),
		})
	}
	suppliers := grid{sheet: AllSuppliersSheet, header: []string{"供应商", "联系方式", "备注"}}
	for _, sp := range all.Suppliers {
		suppliers.rows = append(suppliers.rows, []cell{textCell(sp.Name), textCell(sp.Contact), textCell(sp.Notes)})
	}
	return []grid{groups, catalogGrid(all.Resources, loc), members, suppliers}
}
