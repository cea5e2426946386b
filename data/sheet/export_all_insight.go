package sheet

import (
	"fmt"
	"math"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
)

// AllInsightSheet is the whole-database workbook's sheet of the 互动率 weeks.
const AllInsightSheet = "每周数据"

// GroupInsight is one group's 互动率 weeks for the workbook.
type GroupInsight struct {
	Group   data.Group
	Insight *data.Insight
}

// loadInsights reads every group's last data.InsightWeeks weeks.
func loadInsights(st *data.Store, all *Everything) error {
	gs, err := st.Groups()
	if err != nil {
		return err
	}
	now := st.Now()
	for _, g := range gs {
		in, err := st.LoadInsight(g.ID, now)
		if err != nil {
			return err
		}
		all.Insights = append(all.Insights, GroupInsight{Group: g, Insight: in})
	}
	return nil
}

// insightGrid is the 每周数据 sheet: a row per group and week, oldest week first, with
// every number of the 互动率 screen. A number the week had nothing to measure by (no
// request, no post, no imported chat) is left empty rather than 0.
func insightGrid(all Everything, loc *time.Location) grid {
	g := grid{sheet: AllInsightSheet, header: []string{"群", "周一", "周日", "成员", "活跃成员", "互动率（%）", "发言", "人均发言",
		"求助", "已回复", "回复用时中位（分钟）", "1 小时内回复（%）", "公告", "公告后 1 小时平均回应（人）", "入群", "退群",
		"售后已判定", "售后承诺内回复", "置换成交", "盲盒报名", "发放积分"}}
	for _, gi := range all.Insights {
		in := gi.Insight
		chat := in.ChatMessages > 0
		for i, w := range in.Report.Weeks {
			var a data.AppWeek
			if i < len(in.App) {
				a = in.App[i]
			}
			row := []cell{textCell(gi.Group.Name), dayCell(w.Week.Start, loc), dayCell(w.Week.End.Add(-time.Second), loc)}
			row = append(row, maybe(chat, countCell(w.Members)), maybe(chat, countCell(w.Active)),
				maybe(chat && w.Members > 0, decimalCell(100*w.Rate)), maybe(chat, countCell(w.Messages)),
				maybe(chat && w.Active > 0, decimalCell(w.PerActive)), maybe(chat, countCell(w.Requests)),
				maybe(chat, countCell(w.Answered)), maybe(w.Answered > 0, decimalCell(w.MedianResponse.Minutes())),
				maybe(w.Requests > 0, decimalCell(100*w.WithinHour)), maybe(chat, countCell(w.Posts)),
				maybe(w.Posts > 0, decimalCell(w.Engagement)), maybe(chat, countCell(w.Joins)), maybe(chat, countCell(w.Leaves)),
				countCell(a.TicketsJudged), countCell(a.TicketsKept), countCell(a.SwapsDone), countCell(a.BoxEntries),
				pointsCell(a.PointsAwarded))
			g.rows = append(g.rows, row)
		}
	}
	return g
}

func maybe(ok bool, c cell) cell {
	if !ok {
		return textCell("")
	}
	return c
}

// decimalCell is a number to one decimal place.
func decimalCell(v float64) cell {
	v = math.Round(v*10) / 10
	return cell{text: fmt.Sprintf("%.1f", v), kind: kindNumber, num: v}
}

// dayCell is the day t falls on in China time, where the weeks are cut.
func dayCell(t time.Time, _ *time.Location) cell {
	return dateCell(t.In(insight.China).Format(data.DateLayout))
}
