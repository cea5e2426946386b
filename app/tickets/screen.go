// Package tickets is the 售后工单 area: after-sales tickets under the promise of a
// first response within some hours (24 by default, set in 设置). The list puts
// tickets overdue or due within two hours on top, marked, with the time left; a form
// opens a ticket; a ticket's detail has its log, replies and the moves it may make;
// a tab sums up each month. While the app is open, Warner sends a desktop
// notification when a ticket enters its last two hours. It sees data and app/ui only.
package tickets

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
	"github.com/qunhuo/qunhuo/data/sla"
)

// The list's filters: the open tickets, or those and the settledShown last settled.
const (
	showOpen     = "未结束的"
	showAll      = "全部（含最近 500 张已结束的）"
	settledShown = 500
)

// The list's columns.
const (
	colLeft = iota
	colState
	colMember
	colCategory
	colDescription
	colAbout
	colOpened
)

// Screen is the 售后工单 area.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	latest ui.Latest

	tickets []data.Ticket
	hours   int // the promise in force, for the summary

	Table       *ui.RecordTable
	empty       *ui.EmptyState
	Filter      *widget.Select
	Summary     *widget.Label
	notice      *ui.Notice
	NewButton   *widget.Button
	GuideButton *widget.Button
	Stats       *Stats
	tabs        *container.AppTabs

	Form   *Form   // the form last opened, for tests
	Detail *Detail // the detail last opened, for tests
}

// NewScreen builds the area; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e, hours: sla.DefaultHours}
	s.Table = ui.NewRecordTable([]ui.Column{
		{Title: "剩余时间", Width: 150}, {Title: "状态", Width: 70}, {Title: "成员", Width: 120},
		{Title: "问题类型", Width: 80}, {Title: "问题描述", Width: 260}, {Title: "相关资源或交易", Width: 170},
		{Title: "开单时间", Width: 110},
	}, func() int { return len(s.tickets) }, s.fillCell, s.onSelected)
	s.Table.RememberWidths(e, "tickets.columns")
	s.empty = ui.NewEmptyState()
	s.Filter = ui.NewSelect([]string{showOpen, showAll}, showOpen, func(string) { s.Refresh() })
	s.Summary = widget.NewLabel("")
	s.Summary.Wrapping = fyne.TextWrapBreak
	s.notice = ui.NewNotice(e)
	s.NewButton = widget.NewButtonWithIcon("新建工单", theme.ContentAddIcon(), s.onNew)
	s.NewButton.Importance = widget.HighImportance
	s.GuideButton = widget.NewButtonWithIcon("售后通道公告", theme.MailSendIcon(), s.onGuide)
	s.Stats = newStats(e)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("显示"), s.Filter), container.NewHBox(s.GuideButton, s.NewButton))
	top := container.NewVBox(bar, s.Summary, s.notice.Content())
	list := container.NewBorder(top, nil, nil, nil, s.empty.OverTable(s.Table))
	s.tabs = container.NewAppTabs(
		container.NewTabItem("工单", list),
		container.NewTabItem("月度统计", s.Stats.content()),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.Stats.refresh(s.GroupID()) }
	return s.tabs
}

// Refresh loads the tickets, most urgent first, and the statistics when they show.
func (s *Screen) Refresh() {
	e, gid, open := s.env, s.GroupID(), s.Filter.Selected != showAll
	e.Load(&s.latest, func() (func(), error) {
		now := e.Now()
		var ts []data.Ticket
		var err error
		if open {
			ts, err = e.Store.Tickets(gid, now, data.TicketWaiting, data.TicketInProgress)
		} else {
			ts, err = e.Store.TicketList(gid, now, settledShown)
		}
		hours := sla.DefaultHours
		if err == nil {
			hours, err = e.Store.TicketPromiseHours()
		}
		return func() {
			s.tickets, s.hours = ts, hours
			s.show()
		}, err
	})
	if s.tabs != nil && s.tabs.SelectedIndex() == 1 { // read only when looked at
		s.Stats.refresh(gid)
	}
}

func (s *Screen) show() {
	now := s.env.Now()
	var waiting, overdue, soon, working int
	for i := range s.tickets {
		t := &s.tickets[i]
		switch {
		case t.State == data.TicketInProgress:
			working++
		case t.State != data.TicketWaiting:
		case t.Bucket(now) == sla.Overdue:
			waiting++
			overdue++
		case t.Bucket(now) == sla.DueSoon:
			waiting++
			soon++
		default:
			waiting++
		}
	}
	text := fmt.Sprintf("承诺：开单后 %d 小时内首次回复。待响应 %d 张", s.hours, waiting)
	if overdue+soon > 0 {
		text += fmt.Sprintf("（已超时 %d 张，2 小时内到期 %d 张，排在最上面）", overdue, soon)
	}
	text += fmt.Sprintf("，处理中 %d 张。", working)
	s.Summary.SetText(text)
	if len(s.tickets) == 0 {
		msg := "没有未结束的售后工单。成员找你说买的东西有问题时，点「新建工单」记下来，群活会提醒你按时回复。"
		if s.Filter.Selected == showAll {
			msg = "还没有售后工单。成员找你说买的东西有问题时，点「新建工单」记下来；先发一条「售后通道公告」告诉群友怎么找你。"
		}
		s.empty.Show(msg, s.newButton())
	} else {
		s.empty.Hide()
	}
	s.Table.Refresh()
}

func (s *Screen) newButton() *widget.Button {
	return widget.NewButtonWithIcon("新建工单", theme.ContentAddIcon(), s.onNew)
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	t := &s.tickets[row]
	l.Importance = widget.MediumImportance
	switch col {
	case colLeft:
		text, imp := LeftText(t, s.env.Now())
		l.Importance = imp
		l.SetText(text)
	case colState:
		l.SetText(t.State.Label())
	case colMember:
		l.SetText(t.Who(s.GroupID()))
	case colCategory:
		l.SetText(t.Category.Label())
	case colDescription:
		l.SetText(t.Description)
	case colAbout:
		l.SetText(about(t))
	case colOpened:
		l.SetText(t.OpenedAt.In(s.env.Loc).Format("01-02 15:04"))
	}
}

// LeftText says where a ticket stands against its promise at now, and how loudly:
// 超时 3小时 in red, 快到期 剩 1小时20分 in orange, 剩 20小时 plainly; once answered,
// how long the first response took.
func LeftText(t *data.Ticket, now time.Time) (string, widget.Importance) {
	switch t.Bucket(now) {
	case sla.Overdue:
		return "超时 " + data.FormatWait(-t.Remaining(now)), widget.DangerImportance
	case sla.DueSoon:
		return "快到期 剩 " + data.FormatWait(t.Remaining(now)), widget.WarningImportance
	case sla.Waiting:
		return "剩 " + data.FormatWait(t.Remaining(now)), widget.MediumImportance
	}
	took := "已回复，用时 " + data.FormatWait(t.ResponseTime())
	if kept, _ := t.PromiseKept(); !kept {
		took += "（超时）"
	}
	return took, widget.MediumImportance
}

// about names the resource and trade a ticket is about.
func about(t *data.Ticket) string {
	var out string
	if t.Resource != nil {
		out = t.Resource.Name
	}
	if t.Trade != nil {
		if out != "" {
			out += "；"
		}
		out += fmt.Sprintf("交易 #%d %s", t.Trade.ID, t.Trade.Item)
	}
	return out
}

func (s *Screen) onSelected(row int) {
	s.Table.UnselectAll()
	s.ShowDetail(s.tickets[row].ID)
}

// ShowDetail opens ticket id's detail.
func (s *Screen) ShowDetail(id uint) {
	s.Detail = newDetail(s.env, s.Group, id, s.afterChange)
	s.Detail.show()
}

// afterChange reloads the list after a ticket was moved or replied to, saying what.
func (s *Screen) afterChange(what string) {
	if what != "" {
		s.notice.Show(what)
	}
	s.Refresh()
}

func (s *Screen) onNew() {
	s.Form = NewForm(s.env, s.Group, func(t data.Ticket) {
		s.afterChange(fmt.Sprintf("已开单 #%d，%s 前要首次回复。", t.ID, t.DueAt.In(s.env.Loc).Format("01-02 15:04")))
	})
	s.Form.Show()
}

// onGuide shows the 售后通道 post, to copy to the group.
func (s *Screen) onGuide() {
	e, g := s.env, s.Group
	e.Tasks.Run(func() {
		hours, err := e.Store.TicketPromiseHours()
		var qqs []string
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			var group data.Group
			if g != nil {
				group = *g
			}
			showPost(e, "售后通道公告", qqpost.AftersalesGuide(group, hours, qqs))
		})
	})
}

// showPost shows a post in a dialog with its copy button.
func showPost(e *ui.Env, title, text string) *ui.PostPreview {
	p := ui.NewPostPreview(e, nil)
	p.SetParts(qqpost.Split(text, qqpost.MaxPartRunes))
	d := dialog.NewCustom(title, "关闭", p.Content(), e.Win)
	d.Resize(fyne.NewSize(560, 460))
	d.Show()
	ui.EscCloses(e.Win, d)
	return p
}
