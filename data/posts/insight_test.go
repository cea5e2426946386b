package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
)

func insightSample(chat bool) *data.Insight {
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	ws := insight.LastWeeks(now, 3)
	in := &data.Insight{Report: insight.Report{Weeks: []insight.WeekMetrics{
		{Week: ws[0]},
		{Week: ws[1], Members: 9, Active: 5, Messages: 10, Rate: 5.0 / 9, PerActive: 2, Requests: 2, Answered: 2,
			MedianResponse: 62*time.Minute + 30*time.Second, WithinHour: 0.5, Posts: 1, Engagement: 2},
		{Week: ws[2], Members: 10, Active: 6, Messages: 13, Rate: 0.6, PerActive: 13.0 / 6, Requests: 4, Answered: 2,
			MedianResponse: 3*time.Hour + 4*time.Minute, WithinHour: 0.25, Posts: 1, Engagement: 3},
	}}, App: []data.AppWeek{{}, {TicketsJudged: 1}, {TicketsJudged: 2, TicketsKept: 1, SwapsDone: 1, BoxEntries: 2, PointsAwarded: 15}}}
	if chat {
		in.ChatMessages = 23
		in.Report.Top = []insight.Contributor{{QQ: "10002", Name: "管理员小王", Messages: 3}, {QQ: "2851234567", Messages: 2}}
	} else {
		in.Report.Weeks[1] = insight.WeekMetrics{Week: ws[1], Members: 9}
		in.Report.Weeks[2] = insight.WeekMetrics{Week: ws[2], Members: 10}
	}
	return in
}

func TestActivityReportGolden(t *testing.T) {
	up := []data.Upcoming{
		{Kind: "poll", Title: "下周想要哪类资源？", At: time.Date(2026, 11, 28, 4, 0, 0, 0, time.UTC)},
		{Kind: "blindbox", Title: "周末盲盒", At: time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC), Open: true},
	}
	now := time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, got string }{
		{"activity_report", ActivityReportPost(ActivityReport{Group: "王者卡盟1群", Insight: insightSample(true), Upcoming: up, Now: now, Loc: cst})},
		{"activity_report_no_chat", ActivityReportPost(ActivityReport{Group: "王者卡盟1群", Insight: insightSample(false), Now: now, Loc: cst})},
		{"win_back", WinBackMessage("王者卡盟1群", "潜水君", 55)},
		{"win_back_never", WinBackMessage("王者卡盟1群", "老李", -1)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if strings.ContainsAny(tt.got, "()?!,") {
				t.Errorf("half-width punctuation in %q", tt.got)
			}
			if strings.Contains(tt.got, "2851234567") {
				t.Error("a full QQ number in the post")
			}
			assertGolden(t, tt.name, tt.got)
		})
	}
}

func TestWeekLinesAndCard(t *testing.T) {
	in := insightSample(true)
	ls := WeekLines(in)
	// 5/9 = 55.6% → 56%; 60% this week: up 4 points. Median 3 h 4 min against 1 h 3 min
	// (62.5 min rounds to 63).
	if ls[0].Text() != "互动率：60%（上周 56%，↑4 个百分点）" {
		t.Errorf("%q", ls[0].Text())
	}
	if ls[4].This != "3 小时 4 分" || ls[4].Last != "1 小时 3 分" || ls[4].Change != "变慢了" {
		t.Errorf("%+v", ls[4])
	}
	if ls[6].This != "50%" || ls[6].Last != "0%" {
		t.Errorf("%+v", ls[6])
	}
	c := ActivityReportCard(ActivityReport{Group: "王者卡盟1群", Insight: in, Now: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC), Loc: time.UTC})
	// A computer on UTC still names China's days: the week began on Monday 23 November.
	if c.Period != "11月23日—11月29日（统计到11月26日）" {
		t.Errorf("period %q", c.Period)
	}
	if c.Headline != "互动率 60%（上周 56%）" || len(c.Lines) != 9 || len(c.Trend.Values) != 3 || c.Trend.Valid[0] || !c.Trend.Valid[2] || c.Trend.Values[2] != 60 {
		t.Errorf("%+v", c)
	}
	if Duration(30*time.Second) != "不到 1 分钟" || Duration(2*time.Hour) != "2 小时" || Duration(25*time.Minute) != "25 分钟" {
		t.Error("Duration")
	}
}
