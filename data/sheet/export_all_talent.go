package sheet

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/talent"
)

// AllTalentSheet is the whole-database workbook's sheet of the confirmed 资源达人 months.
const AllTalentSheet = "资源达人"

// talentGrid is the 资源达人 sheet: every confirmed month, oldest first, with the
// winner's QQ number in full (the owner's own records), the formula it was ranked by
// and the top three with what each contributed.
func talentGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	qqs := make(map[uint]string, len(all.Members))
	for _, m := range all.Members {
		qqs[m.ID] = m.QQ
	}
	g := grid{sheet: AllTalentSheet, header: []string{"月份", "群", "资源达人", "QQ号", "得分", "计分公式",
		"第一名", "第二名", "第三名", "确认时间", "确认人"}}
	for _, m := range all.TalentMonths {
		places := make([]string, data.TalentTopPlaces)
		for i, p := range m.Places() {
			if i < len(places) {
				places[i] = strings.TrimSuffix(fmt.Sprintf("%s %d 分：%s", p.Name, p.Score, p.Contributions()), "：")
			}
		}
		row := []cell{textCell(m.MonthValue().Label()), textCell(groups[m.GroupID]), textCell(m.WinnerName),
			textCell(qqs[m.WinnerID]), {text: fmt.Sprint(m.Score), kind: kindNumber, num: float64(m.Score)},
			textCell(talent.Formula(m.WeightsValue()))}
		for _, p := range places {
			row = append(row, textCell(p))
		}
		g.rows = append(g.rows, append(row, timeCell(m.ConfirmedAt, loc), textCell(m.ByName)))
	}
	return g
}
