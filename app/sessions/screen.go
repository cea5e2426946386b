// Package sessions is the 分享会 area: tips-sharing sessions (资源使用技巧分享会) where a
// member teaches the group how to use its resources. The owner plans a session (topic,
// speaker picked from the members, time, how to join), publishes it with the 预告 post,
// copies the 提醒 shortly before, ends it, records who attended and gives the speaker
// and the attendees their points in one step. Held sessions stay listed with their
// summaries as the group's knowledge base (知识库), searchable. It sees data (and its
// pure rules) and app/ui.
package sessions

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var sessionColumns = []ui.Column{
	{Title: "状态", Width: 70}, {Title: "时间", Width: 130}, {Title: "主题", Width: 240}, {Title: "主讲", Width: 110},
	{Title: "方式", Width: 80}, {Title: "参加", Width: 50}, {Title: "积分", Width: 80}, {Title: "总结", Width: 240},
}

// The list's views.
const (
	viewAll      = "全部"
	viewUpcoming = "即将举行"
	viewPast     = "知识库（已结束）"
)

// Screen is the session list with the actions on the selected session.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	all      []data.ShareSession // the group's sessions
	shown    []data.ShareSession // those the view and the search keep
	unpaid   map[uint]bool       // ended sessions someone of has no points yet
	selected uint
	latest   ui.Latest
	loaded   bool

	Search   *ui.Entry
	View     *widget.RadioGroup
	table    *ui.RecordTable
	empty    *ui.EmptyState
	emptyAdd *widget.Button
	count    *widget.Label
	Detail   *widget.Label
	notice   *ui.Notice

	AddButton, EditButton, DeleteButton, PublishButton, NoticeButton, ReminderButton *widget.Button
	EndButton, AttendeesButton, AwardButton, SummaryButton, RecapButton              *widget.Button

	form      *sessionForm    // the form last opened
	attendees *attendeesView  // the attendees dialog last opened
	summary   *summaryForm    // the summary form last opened
	post      *ui.PostPreview // the post last shown
	lastPlan  string          // what the last 发积分 dialog said
}

// NewScreen builds the session list; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.table = ui.NewRecordTable(sessionColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_sessions")
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新建分享会", theme.ContentAddIcon(), s.onAdd)
	s.count = widget.NewLabel("")
	s.notice = ui.NewNotice(e)
	s.Detail = widget.NewLabel("")
	s.Detail.Wrapping = fyne.TextWrapBreak
	s.Search = ui.NewEntry()
	s.Search.SetPlaceHolder("搜主题、主讲人或总结（可用拼音）")
	s.Search.OnChanged = func(string) { s.apply() } // filtered in memory: no query per keystroke
	s.View = widget.NewRadioGroup([]string{viewAll, viewUpcoming, viewPast}, nil)
	s.View.Horizontal = true
	s.View.Required = true
	s.View.SetSelected(viewAll)
	s.View.OnChanged = func(string) { s.apply() }
	s.AddButton = widget.NewButtonWithIcon("新建分享会", theme.ContentAddIcon(), s.onAdd)
	s.AddButton.Importance = widget.HighImportance
	s.EditButton = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), s.onEdit)
	s.DeleteButton = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.PublishButton = widget.NewButtonWithIcon("发布并复制预告", theme.MailSendIcon(), s.onPublish)
	s.NoticeButton = widget.NewButtonWithIcon("预告帖", theme.MailSendIcon(), s.onNotice)
	s.ReminderButton = widget.NewButtonWithIcon("提醒帖", theme.HistoryIcon(), s.onReminder)
	s.EndButton = widget.NewButtonWithIcon("结束分享会", theme.ConfirmIcon(), s.onEnd)
	s.AttendeesButton = widget.NewButtonWithIcon("参加的成员", theme.AccountIcon(), s.onAttendees)
	s.AwardButton = widget.NewButtonWithIcon("给主讲人和参加者发积分", theme.ContentAddIcon(), s.onAward)
	s.SummaryButton = widget.NewButtonWithIcon("写总结", theme.DocumentIcon(), s.onSummary)
	s.RecapButton = widget.NewButtonWithIcon("回顾帖", theme.DocumentIcon(), s.onRecap)
	s.enable()
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	before := container.NewHBox(s.EditButton, s.DeleteButton, s.PublishButton, s.NoticeButton, s.ReminderButton)
	after := container.NewHBox(s.EndButton, s.AttendeesButton, s.AwardButton, s.SummaryButton, s.RecapButton)
	find := container.NewBorder(nil, nil, nil, s.View, s.Search)
	top := container.NewVBox(
		container.NewBorder(nil, nil, s.count, s.AddButton, s.notice.Content()),
		find, before, after)
	return container.NewBorder(top, s.Detail, nil, nil, s.empty.OverTable(s.table))
}

// Refresh reloads the current group's sessions, narrowed by the search.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		var ss []data.ShareSession
		var unpaid []uint
		var err error
		if gid != 0 {
			ss, err = e.Store.Sessions(gid, "")
			if err == nil {
				unpaid, err = e.Store.UnpaidSessions(gid)
			}
		}
		return func() {
			s.all, s.loaded = ss, true
			s.unpaid = map[uint]bool{}
			for _, id := range unpaid {
				s.unpaid[id] = true
			}
			s.apply()
		}, err
	})
}

func (s *Screen) apply() {
	s.shown = s.shown[:0]
	q := data.ParseQuery(s.Search.Text)
	upcoming, past := 0, 0
	for _, x := range s.all {
		ended := x.State == data.SessionEnded
		if ended {
			past++
		} else {
			upcoming++
		}
		if (s.View.Selected == viewAll || (s.View.Selected == viewPast) == ended) && q.Matches(x.SearchKey) {
			s.shown = append(s.shown, x)
		}
	}
	switch {
	case len(s.all) == 0:
		s.count.SetText("")
	default:
		s.count.SetText(fmt.Sprintf("即将举行 %d 场，知识库 %d 场", upcoming, past))
	}
	s.table.UnselectAll()
	s.table.Refresh()
	s.showEmpty()
	found := false
	for row, x := range s.shown {
		if x.ID == s.selected {
			s.table.Select(widget.TableCellID{Row: row, Col: 0})
			found = true
		}
	}
	if !found {
		s.selected = 0
	}
	s.showDetail()
	s.enable()
}

func (s *Screen) showEmpty() {
	switch {
	case !s.loaded || len(s.shown) > 0:
		s.empty.Hide()
	case s.Group == nil:
		s.empty.Show("请先在上方选择或新建一个群，分享会是按群记的。")
	case strings.TrimSpace(s.Search.Text) != "":
		s.empty.Show("没有找到和「" + strings.TrimSpace(s.Search.Text) + "」有关的分享会。换个词试试，或清空搜索框。")
	case len(s.all) > 0 && s.View.Selected == viewPast:
		s.empty.Show("还没有讲完的分享会。分享会结束后点「结束分享会」，它就会留在这里，连同主题和总结，成为群里的知识库。")
	case len(s.all) > 0:
		s.empty.Show("没有即将举行的分享会。点「新建分享会」，请一位懂行的群友讲讲资源怎么用。", s.emptyAdd)
	default:
		s.empty.Show("还没有分享会。请一位懂行的群友讲讲资源怎么用（比如点券怎么充最划算），"+
			"点「新建分享会」定好主题、主讲人和时间，发布后把预告复制到群里；讲完记下参加的成员，一键发积分。", s.emptyAdd)
	}
}

func (s *Screen) current() *data.ShareSession {
	for i := range s.all {
		if s.all[i].ID == s.selected {
			return &s.all[i]
		}
	}
	return nil
}

func (s *Screen) enable() {
	x := s.current()
	st := data.SessionState("")
	if x != nil {
		st = x.State
	}
	ui.Enable(s.EditButton, st == data.SessionPlanning || st == data.SessionPublished)
	ui.Enable(s.DeleteButton, st == data.SessionPlanning)
	ui.Enable(s.PublishButton, st == data.SessionPlanning)
	ui.Enable(s.NoticeButton, st == data.SessionPublished)
	ui.Enable(s.ReminderButton, st == data.SessionPublished)
	ui.Enable(s.EndButton, st == data.SessionPublished)
	ui.Enable(s.AttendeesButton, st == data.SessionPublished || st == data.SessionEnded)
	ui.Enable(s.AwardButton, st == data.SessionEnded)
	ui.Enable(s.SummaryButton, st == data.SessionEnded)
	ui.Enable(s.RecapButton, st == data.SessionEnded)
}

// showDetail shows the selected session's description, what to prepare and summary.
func (s *Screen) showDetail() {
	x := s.current()
	if x == nil {
		s.Detail.SetText("")
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "「%s」 · 主讲：%s · %s · %d 分钟", x.Topic, x.SpeakerName(), x.How.Label(), x.Minutes)
	if x.Description != "" {
		b.WriteString("\n内容：" + x.Description)
	}
	if x.Prepare != "" {
		b.WriteString("\n需要准备：" + x.Prepare)
	}
	if n := len(x.Attendees); n > 0 {
		fmt.Fprintf(&b, "\n参加的成员（%d 人）：%s", n, joinNames(x.AttendeeNames(), 20))
	}
	if x.Summary != "" {
		b.WriteString("\n总结：" + x.Summary)
	}
	s.Detail.SetText(b.String())
}

// joinNames lists at most n names, then how many more.
func joinNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, "、")
	}
	return strings.Join(names[:n], "、") + fmt.Sprintf(" 等 %d 人", len(names))
}

// StateLabel is a session's state as the list shows it.
func (s *Screen) stateLabel(x data.ShareSession) string {
	if x.State != data.SessionEnded && !x.StartsAt.After(s.env.Now()) {
		return "该结束了"
	}
	return x.State.Label()
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	x := s.shown[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText(s.stateLabel(x))
		if x.State != data.SessionEnded && !x.StartsAt.After(s.env.Now()) {
			l.Importance = widget.WarningImportance
		}
	case 1:
		l.SetText(x.StartsAt.In(s.env.Loc).Format(data.DateMinLayout))
	case 2:
		l.SetText(x.Topic)
	case 3:
		l.SetText(x.SpeakerName())
	case 4:
		l.SetText(x.How.Label())
	case 5:
		l.SetText(ui.Itoa(len(x.Attendees)))
	case 6:
		switch {
		case x.State != data.SessionEnded:
			l.SetText("")
		case s.unpaid[x.ID]:
			l.SetText("待发")
			l.Importance = widget.WarningImportance
		default:
			l.SetText("已发")
		}
	case 7:
		l.SetText(strings.ReplaceAll(x.Summary, "\n", " "))
	}
}

func (s *Screen) onRowSelected(row int) {
	if row < 0 || row >= len(s.shown) {
		return
	}
	s.selected = s.shown[row].ID
	s.showDetail()
	s.enable()
}

// Select selects session id once the list is loaded (the 今日 home points at it).
func (s *Screen) Select(id uint) { s.selected = id }

// Selected is the selected session's ID, or 0.
func (s *Screen) Selected() uint { return s.selected }

// changed shows what was done and reloads.
func (s *Screen) changed(notice string) {
	if notice != "" {
		s.notice.Show(notice)
	}
	s.Refresh()
}

// move runs a state move off the UI goroutine, then reloads.
func (s *Screen) move(id uint, from, to data.SessionState, notice string, then func()) {
	e := s.env
	e.Tasks.Run(func() {
		err := e.Store.MoveSession(id, from, to)
		fyne.Do(func() {
			if err != nil {
				s.fail(err)
				return
			}
			s.changed(notice)
			if then != nil {
				then()
			}
		})
	})
}

func (s *Screen) onPublish() {
	x := s.current()
	if x == nil {
		return
	}
	id, topic := x.ID, x.Topic
	s.move(id, data.SessionPlanning, data.SessionPublished, "分享会「"+topic+"」已发布，把预告复制到群里吧", func() {
		s.showPost(id, data.PostSessionNotice)
	})
}

func (s *Screen) onEnd() {
	x := s.current()
	if x == nil {
		return
	}
	id, topic := x.ID, x.Topic
	ui.Confirm(s.env.Win, "结束分享会", "结束后「"+topic+"」会留在知识库里。接着记下参加的成员，再给主讲人和参加者发积分。", "结束分享会", func() {
		s.move(id, data.SessionPublished, data.SessionEnded, "分享会「"+topic+"」已结束，记下参加的成员后发积分吧", nil)
	})
}

func (s *Screen) onDelete() {
	x := s.current()
	if x == nil {
		return
	}
	id, topic, e := x.ID, x.Topic, s.env
	ui.Confirm(e.Win, "删除分享会", "「"+topic+"」还在筹备中，删除后就没有了。", "删除", func() {
		e.Tasks.Run(func() {
			err := e.Store.DeleteSession(id)
			fyne.Do(func() {
				if err != nil {
					e.ShowError(err)
				} else {
					s.selected = 0
					s.notice.Show("已删除分享会「" + topic + "」")
				}
				s.Refresh()
			})
		})
	})
}
