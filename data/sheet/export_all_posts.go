package sheet

import (
	"time"
	units "unicode/utf16"

	"github.com/qunhuo/qunhuo/data"
)

// AllPostsSheet is the whole-database workbook's sheet of the posts the owner copied.
const AllPostsSheet = "公告记录"

// postsGrid is every post copied to QQ, oldest first: when, to which group, what kind,
// and the text, cut where a cell ends (see fitCell).
func postsGrid(all Everything, loc *time.Location) grid {
	names := groupNames(all)
	g := grid{sheet: AllPostsSheet, header: []string{"复制时间", "群", "类型", "标题", "内容"}}
	for _, p := range all.Posts {
		group := ""
		if p.GroupID != nil {
			group = names[*p.GroupID]
		}
		at := p.CreatedAt.In(loc)
		wall := time.Date(at.Year(), at.Month(), at.Day(), at.Hour(), at.Minute(), 0, 0, time.UTC)
		g.rows = append(g.rows, []cell{
			{text: at.Format(data.DateMinLayout), kind: kindDateTime, date: wall},
			textCell(group), textCell(p.Kind.Label()), textCell(p.Title), textCell(fitCell(p.Body)),
		})
	}
	return g
}

// maxCellUnits is what one Excel cell holds: 32,767 UTF-16 code units.
const maxCellUnits = 32767

// fitCell cuts s to fit one cell, saying so at the end: a whole index post of a big
// catalog is longer than a cell, and Excel refuses a workbook with a longer one.
func fitCell(s string) string {
	const cut = "…（太长，后面的没有写进表格）"
	if len(units.Encode([]rune(s))) <= maxCellUnits {
		return s
	}
	room := maxCellUnits - len(units.Encode([]rune(cut)))
	n := 0
	for i, r := range s {
		w := units.RuneLen(r)
		if n+w > room {
			return s[:i] + cut
		}
		n += w
	}
	return s
}
