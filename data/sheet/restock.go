package sheet

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// RestockSheetName is the sheet of the 补货清单 export, also its suggested file name.
const RestockSheetName = "补货清单"

// WriteRestockXLSX writes the 补货清单 (what members asked for and the group could
// not give: the lines of Store.DemandBoard found 无货 at least once) as .xlsx for
// suppliers: item, category, how many wait and since when. It names no member.
func WriteRestockXLSX(w io.Writer, lines []data.DemandLine, loc *time.Location) error {
	return writeXLSX(w, restockGrid(lines, loc))
}

// WriteRestockCSV writes the 补货清单 as UTF-8 CSV with a BOM.
func WriteRestockCSV(w io.Writer, lines []data.DemandLine, loc *time.Location) error {
	return writeCSV(w, restockGrid(lines, loc))
}

func restockGrid(lines []data.DemandLine, loc *time.Location) grid {
	g := grid{sheet: RestockSheetName, header: []string{"要的东西", "分类", "等待人数", "求助次数", "最早求助", "报价（元）", "能供数量"}}
	for _, l := range lines {
		if l.NoStock == 0 { // still waiting for a reply: perhaps in stock
			continue
		}
		cat := l.CategoryName
		if cat == "" {
			cat = "未分类"
		}
		oldest := l.Oldest.In(loc)
		day := time.Date(oldest.Year(), oldest.Month(), oldest.Day(), 0, 0, 0, 0, time.UTC)
		g.rows = append(g.rows, []cell{
			textCell(l.ItemKey), textCell(cat),
			countCell(len(l.MemberIDs)), countCell(l.Count),
			{text: day.Format(data.DateLayout), kind: kindDate, date: day},
			textCell(""), textCell(""),
		})
	}
	return g
}

func countCell(n int) cell { return cell{text: fmt.Sprint(n), kind: kindNumber, num: float64(n)} }

// RestockFileName proposes a file name for the 补货清单 of a group on a day.
func RestockFileName(groupName string, day time.Time, ext string) string {
	parts := []string{RestockSheetName}
	if groupName != "" {
		parts = append(parts, groupName)
	}
	parts = append(parts, day.Format("20060102"))
	return strings.Join(parts, "-") + ext
}
