// Package insight is the 互动率 area: the group's interaction rate and the numbers
// around it, this week against last week, each with its trend over 12 weeks; the top
// contributors; the silent members (潜水) with a private message to win them back; and
// the 本周群活力周报 as a post and a picture. The chat's numbers come from imported QQ
// chat exports; without one the screen says how to export and still shows the silent
// members from QQ's member list and the app's own numbers. It sees data (and its pure
// rules) and app/ui.
package insight

import (
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insightchart"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// Links are the places in other areas the screen opens; the shell fills them in.
type Links struct {
	ImportChat func(done func()) // 导入聊天记录, done after an import; nil hides the button
}

// Screen is the 互动率 dashboard.
type Screen struct {
	env   *ui.Env
	links Links
	ui.CurrentGroup
	latest ui.Latest

	shown    *loaded // what the screen shows
	Heading  *widget.Label
	Period   *widget.Label
	Empty    *widget.Label // how to export chat from QQ, while nothing is imported
	notice   *ui.Notice
	metrics  *fyne.Container
	people   *people
	Import   *widget.Button
	Report   *widget.Button
	report   *reportDialog // the 周报 last opened
	chartFor insightchart.Style
}

// loaded is one load's result: the numbers and their charts.
type loaded struct {
	group    string
	insight  *data.Insight
	upcoming []data.Upcoming
	charts   []image.Image
	// silentDays is how long without a word makes a member silent (the owner's setting).
	silentDays int
}

// NewScreen builds the dashboard; Refresh loads it.
func NewScreen(e *ui.Env, links Links) *Screen {
	s := &Screen{env: e, links: links}
	s.Heading = widget.NewLabelWithStyle("互动率", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Heading.SizeName = theme.SizeNameSubHeadingText
	s.Period = widget.NewLabel("正在统计…")
	s.Empty = widget.NewLabel(emptyText)
	s.Empty.Wrapping = fyne.TextWrapBreak
	s.Empty.Hide()
	s.notice = ui.NewNotice(e)
	s.metrics = container.NewGridWrap(fyne.NewSize(metricWidth, metricHeight))
	s.people = newPeople(s)
	s.Import = widget.NewButtonWithIcon("导入聊天记录", theme.UploadIcon(), s.onImport)
	if links.ImportChat == nil {
		s.Import.Hide()
	}
	s.Report = widget.NewButtonWithIcon("本周群活力周报", theme.DocumentIcon(), s.onReport)
	s.Report.Importance = widget.HighImportance
	s.Report.Disable()
	return s
}

// emptyText says how to get the chat's numbers.
const emptyText = "还没有导入这个群的聊天记录，所以互动率、人均发言、求助回复和公告回应还算不出来。" +
	"导出方法：在电脑上打开旧版 QQ，点左下角「≡」→「消息管理器」，在左边选中这个群，点右上角「导出」，" +
	"保存类型选「文本文件（*.txt）」；新版 QQ 没有导出功能，可以用 QQChatExporter 导出成 JSON 文件。" +
	"导出后回到这里点「导入聊天记录」（也在「数据与备份」里）。" +
	"下面的潜水成员来自导入的 QQ 群成员名单（最后发言时间），售后、置换、盲盒和积分来自群活自己的记录。"

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, container.NewVBox(s.Heading, s.Period), container.NewHBox(s.Import, s.Report))
	left := container.NewVScroll(container.NewVBox(s.Empty, s.metrics))
	split := container.NewHSplit(left, s.people.content())
	split.SetOffset(0.68)
	return container.NewBorder(container.NewVBox(top, s.notice.Content(), widget.NewSeparator()), nil, nil, nil, split)
}

// Refresh loads the group's numbers and draws the charts, off the UI goroutine.
func (s *Screen) Refresh() {
	n := s.latest.Next()
	e, gid := s.env, s.GroupID()
	name := ""
	if s.Group != nil {
		name = s.Group.Name
	}
	st := chartStyle()
	s.chartFor = st
	e.Tasks.Run(func() {
		l, err := load(e, gid, name, st)
		fyne.Do(func() {
			if !s.latest.Is(n) {
				return
			}
			if err != nil {
				s.Period.SetText("没能算出互动率。")
				e.ShowError(err)
				return
			}
			s.apply(l)
		})
	})
}

func load(e *ui.Env, gid uint, name string, st insightchart.Style) (*loaded, error) {
	now := e.Now()
	in, err := e.Store.LoadInsight(gid, now)
	if err != nil {
		return nil, err
	}
	up, err := e.Store.UpcomingEvents(gid, now)
	if err != nil {
		return nil, err
	}
	rules, err := e.Store.InsightRules()
	if err != nil {
		return nil, err
	}
	l := &loaded{group: name, insight: in, upcoming: up, silentDays: rules.SilentDays}
	for _, sr := range qqpost.Trends(in) {
		img, err := insightchart.Trend(sr, st, chartWidth, chartHeight)
		if err != nil {
			return nil, err
		}
		l.charts = append(l.charts, img)
	}
	return l, nil
}

func (s *Screen) apply(l *loaded) {
	s.shown = l
	in := l.insight
	if l.group != "" {
		s.Heading.SetText("互动率 · " + l.group)
	} else {
		s.Heading.SetText("互动率 · 全部群")
	}
	if in.ChatMessages == 0 {
		s.Empty.Show()
		s.Period.SetText("本周和上周对比，每个数字下面是最近 12 周的走势。" + s.weekSoFar())
	} else {
		s.Empty.Hide()
		from, to := in.ChatFrom.In(s.env.Loc), in.ChatTo.In(s.env.Loc)
		s.Period.SetText(fmt.Sprintf("本周和上周对比，每个数字下面是最近 12 周的走势。已导入聊天 %d 条（%d年%d月%d日—%d年%d月%d日）。",
			in.ChatMessages, from.Year(), from.Month(), from.Day(), to.Year(), to.Month(), to.Day()) + s.weekSoFar())
	}
	s.showMetrics(l)
	s.people.show(l)
	s.Report.Enable()
}

func (s *Screen) onImport() {
	if s.links.ImportChat != nil {
		s.links.ImportChat(s.Refresh)
	}
}

// weekSoFar warns, before Sunday, that this week is not over: its counts (messages per
// member, swaps, points) are still growing, so a fall against last week may be none.
func (s *Screen) weekSoFar() string {
	days := (int(s.env.Now().In(s.env.Loc).Weekday())+6)%7 + 1 // Monday 1 … Sunday 7
	if days == 7 {
		return ""
	}
	return fmt.Sprintf("本周才过了 %d 天，发言、置换、积分这些累计的数字到周日还会涨。", days)
}
