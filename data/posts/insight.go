package posts

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
	"github.com/qunhuo/qunhuo/data/insightchart"
)

// WeekLine is one number of this week beside last week's, worded; the 互动率 screen,
// the 本周群活力周报 post and its picture all show these.
type WeekLine struct {
	Label      string // 互动率
	This, Last string // 60%, 56%; "无" when the week had nothing to measure
	Change     string // ↑4 个百分点, ↓2, 持平; "" when either week is 无
}

// Text is the line as the post has it: 互动率：60%（上周 56%，↑4 个百分点）.
func (l WeekLine) Text() string {
	s := l.Label + "：" + l.This + "（上周 " + l.Last
	if l.Change != "" {
		s += "，" + l.Change
	}
	return s + "）"
}

type weekValue struct {
	label  string
	value  func(m insight.WeekMetrics, a data.AppWeek) (float64, bool)
	format func(v float64) string
	points bool // a share: the change is in 个百分点
	whole  bool // a count: the change is the difference
	wait   bool // a time: up is slower
}

func percent(v float64) string { return fmt.Sprintf("%d%%", int(math.Round(v*100))) }

func count(unit string) func(float64) string {
	return func(v float64) string { return fmt.Sprintf("%d %s", int(math.Round(v)), unit) }
}

func (v weekValue) chat() bool {
	for _, c := range weekValues[:chatValues] {
		if c.label == v.label {
			return true
		}
	}
	return false
}

var weekValues = []weekValue{
	{label: "互动率", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) { return m.Rate, m.Members > 0 }, format: percent, points: true},
	{label: "活跃成员", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) { return float64(m.Active), true }, format: count("人"), whole: true},
	{label: "人均发言", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) { return m.PerActive, m.Active > 0 },
		format: func(v float64) string { return fmt.Sprintf("%.1f 条", v) }},
	{label: "公告后 1 小时内平均回应", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) { return m.Engagement, m.HasPosts() },
		format: func(v float64) string { return fmt.Sprintf("%.1f 人", v) }},
	{label: "求助回复用时（中位）", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) {
		return m.MedianResponse.Minutes(), m.Answered > 0
	}, format: func(v float64) string { return Duration(time.Duration(v * float64(time.Minute))) }, wait: true},
	{label: "求助 1 小时内回复", value: func(m insight.WeekMetrics, _ data.AppWeek) (float64, bool) { return m.WithinHour, m.HasRequests() }, format: percent, points: true},
	{label: "售后承诺内回复", value: func(_ insight.WeekMetrics, a data.AppWeek) (float64, bool) { return a.KeptRate() }, format: percent, points: true},
	{label: "置换成交", value: func(_ insight.WeekMetrics, a data.AppWeek) (float64, bool) { return float64(a.SwapsDone), true }, format: count("单"), whole: true},
	{label: "盲盒报名", value: func(_ insight.WeekMetrics, a data.AppWeek) (float64, bool) { return float64(a.BoxEntries), true }, format: count("人次"), whole: true},
	{label: "发放积分", value: func(_ insight.WeekMetrics, a data.AppWeek) (float64, bool) { return float64(a.PointsAwarded), true }, format: count("分"), whole: true},
}

// Duration words a wait: 不到 1 分钟, 25 分钟, 3 小时, 3 小时 4 分.
func Duration(d time.Duration) string {
	m := int(math.Round(d.Minutes()))
	switch {
	case d < time.Minute:
		return "不到 1 分钟"
	case m < 60:
		return fmt.Sprintf("%d 分钟", m)
	case m%60 == 0:
		return fmt.Sprintf("%d 小时", m/60)
	}
	return fmt.Sprintf("%d 小时 %d 分", m/60, m%60)
}

// chatValues is how many of weekValues, from the first, need an imported chat.
const chatValues = 6

func (v weekValue) at(in *data.Insight, i int) (float64, bool) {
	if i < 0 || i >= len(in.Report.Weeks) {
		return 0, false
	}
	if in.ChatMessages == 0 && v.chat() {
		return 0, false
	}
	var a data.AppWeek
	if i < len(in.App) {
		a = in.App[i]
	}
	return v.value(in.Report.Weeks[i], a)
}

// WeekLines are this week's numbers beside last week's.
func WeekLines(in *data.Insight) []WeekLine {
	n := len(in.Report.Weeks)
	out := make([]WeekLine, 0, len(weekValues))
	for _, v := range weekValues {
		l := WeekLine{Label: v.label, This: "无", Last: "无"}
		tv, tok := v.at(in, n-1)
		lv, lok := v.at(in, n-2)
		if tok {
			l.This = v.format(tv)
		}
		if lok {
			l.Last = v.format(lv)
		}
		if tok && lok {
			l.Change = change(v, tv, lv)
		}
		out = append(out, l)
	}
	return out
}

func change(v weekValue, this, last float64) string {
	a, b := v.format(this), v.format(last)
	if a == b {
		return "持平"
	}
	if v.points {
		d := int(math.Round(this*100)) - int(math.Round(last*100))
		if d > 0 {
			return fmt.Sprintf("↑%d 个百分点", d)
		}
		return fmt.Sprintf("↓%d 个百分点", -d)
	}
	switch {
	case v.wait && this > last:
		return "变慢了"
	case v.wait:
		return "变快了"
	case v.whole && this > last:
		return fmt.Sprintf("↑%d", int(math.Round(this-last)))
	case v.whole:
		return fmt.Sprintf("↓%d", int(math.Round(last-this)))
	case this > last:
		return "↑"
	}
	return "↓"
}

// Trends are the charts of the 互动率 screen: each number over the weeks.
func Trends(in *data.Insight) []insightchart.Series {
	units := []string{"%", "人", "条", "人", "分钟", "%", "%", "单", "人次", "分"}
	labels := make([]string, len(in.Report.Weeks))
	for i, w := range in.Report.Weeks {
		s := w.Week.Start.In(insight.China)
		labels[i] = fmt.Sprintf("%d/%d", s.Month(), s.Day())
	}
	out := make([]insightchart.Series, 0, len(weekValues))
	for k, v := range weekValues {
		s := insightchart.Series{Title: v.label + "（" + units[k] + "）", Unit: units[k], Labels: labels}
		for i := range in.Report.Weeks {
			x, ok := v.at(in, i)
			if v.points {
				x *= 100
			}
			s.Values = append(s.Values, x)
			s.Valid = append(s.Valid, ok)
		}
		out = append(out, s)
	}
	return out
}

// ActivityReport is what the 本周群活力周报 is made of.
type ActivityReport struct {
	Group    string
	Insight  *data.Insight
	Upcoming []data.Upcoming
	Now      time.Time
	Loc      *time.Location
}

func (r ActivityReport) period() string {
	n := len(r.Insight.Report.Weeks)
	if n == 0 {
		return ""
	}
	w := r.Insight.Report.Weeks[n-1].Week
	// Weeks are cut in China time, whatever the computer's zone: the days are China's.
	loc := insight.China
	start, end, now := w.Start.In(loc), w.End.Add(-time.Second).In(loc), r.Now.In(loc)
	s := fmt.Sprintf("%d月%d日—%d月%d日", start.Month(), start.Day(), end.Month(), end.Day())
	if now.Before(w.End) {
		s += fmt.Sprintf("（统计到%d月%d日）", now.Month(), now.Day())
	}
	return s
}

func (r ActivityReport) top() []string {
	var out []string
	for i, c := range r.Insight.Report.Top {
		name := c.Name
		if name == "" {
			name = data.MaskQQ(c.QQ)
		}
		out = append(out, fmt.Sprintf("%d. %s：%d 条", i+1, name, c.Messages))
	}
	return out
}

func (r ActivityReport) upcoming() []string {
	loc := orLocal(r.Loc)
	var out []string
	for _, u := range r.Upcoming {
		at := u.At.In(loc).Format("1月2日 15:04")
		switch {
		case u.Kind == "poll":
			out = append(out, fmt.Sprintf("· 投票「%s」进行中，%s 截止，回复编号就能投", u.Title, at))
		case u.Open:
			out = append(out, fmt.Sprintf("· 资源盲盒「%s」报名中，%s 截止，留言说出你想要的就能报名", u.Title, at))
		default:
			out = append(out, fmt.Sprintf("· 资源盲盒「%s」%s 开始报名", u.Title, at))
		}
	}
	return out
}

const reportClosing = "多说话、多分享，群才会越来越好！想要什么资源随时在群里说。"

// ActivityReportPost is the 本周群活力周报: this week's numbers against last week's,
// the top contributors and what is coming. Numbers that need the chat are left out
// when nothing is imported.
func ActivityReportPost(r ActivityReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【本周群活力周报】%s\n%s\n", r.Group, r.period())
	for i, l := range WeekLines(r.Insight) {
		if r.Insight.ChatMessages == 0 && i < chatValues {
			continue // the chat's numbers, without a chat
		}
		b.WriteString(l.Text() + "\n")
	}
	if top := r.top(); len(top) > 0 {
		b.WriteString("【本周活跃之星】\n")
		b.WriteString(strings.Join(top, "\n") + "\n")
	}
	if up := r.upcoming(); len(up) > 0 {
		b.WriteString("【即将到来】\n")
		b.WriteString(strings.Join(up, "\n") + "\n")
	}
	b.WriteString(reportClosing)
	return Sanitize(b.String(), nil)
}

// ActivityReportCard is the same 周报 as a picture's content.
func ActivityReportCard(r ActivityReport) insightchart.Card {
	lines := WeekLines(r.Insight)
	c := insightchart.Card{Title: "【本周群活力周报】", Group: r.Group, Period: r.period(), Trend: Trends(r.Insight)[0], Top: r.top()}
	first := 1
	if r.Insight.ChatMessages == 0 {
		first = chatValues
		c.Headline = "还没有导入聊天记录"
	} else {
		c.Headline = fmt.Sprintf("互动率 %s（上周 %s）", lines[0].This, lines[0].Last)
	}
	for _, l := range lines[first:] {
		s := l.Label + " " + l.This + "，上周 " + l.Last
		c.Lines = append(c.Lines, s)
	}
	c.Footer = reportClosing
	if up := r.upcoming(); len(up) > 0 {
		c.Footer = "即将到来：" + strings.TrimPrefix(up[0], "· ")
	}
	for i := range c.Top {
		c.Top[i] = Sanitize(c.Top[i], nil)
	}
	return c
}

// WinBackMessage is the private message that invites a silent member back: friendly,
// no pressure, one concrete reason to look.
func WinBackMessage(group, name string, days int) string {
	var b strings.Builder
	if name == "" {
		name = "你好"
	}
	switch {
	case days >= 0:
		fmt.Fprintf(&b, "%s，好久没在「%s」见到你了（有 %d 天了）！\n", name, group, days)
	default:
		fmt.Fprintf(&b, "%s，还没在「%s」里听你说过话呢！\n", name, group)
	}
	b.WriteString("最近群里上了不少新资源，群公告里有最新的资源索引表。\n")
	b.WriteString("想要什么直接在群里说，或者回我一句，我帮你留意；有空回群里聊聊～")
	return Sanitize(b.String(), nil)
}
