// Package polls is the 投票 area: polls that let members shape what comes next. The
// owner makes a poll (options typed or picked from the categories and resources),
// copies its post to the group, records the result by typing counts (from QQ's own
// 群投票) or pasting the members' replies (counted one vote per member, the last one
// winning, every unread line shown), closes it and copies the result post. Closed
// polls' counts are the demand weights (data.Store.DemandWeights). It sees data (and
// its pure rules) and app/ui.
package polls

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

var pollColumns = []ui.Column{
	{Title: "编号", Width: 50}, {Title: "状态", Width: 80}, {Title: "问题", Width: 260}, {Title: "截止", Width: 130},
	{Title: "票数", Width: 60}, {Title: "得票最多", Width: 160}, {Title: "结果来源", Width: 130},
}

// Screen is the poll list with the actions on the selected poll.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	all      []data.Poll
	selected uint
	latest   ui.Latest
	loaded   bool

	table    *ui.RecordTable
	empty    *ui.EmptyState
	emptyAdd *widget.Button
	count    *widget.Label
	notice   *ui.Notice
	Demand   *widget.Label // the demand weights of the group's closed polls

	AddButton, PostButton, RecordButton, CloseButton, ResultButton *widget.Button

	form   *pollForm       // the form last opened
	record *recordForm     // the record dialog last opened
	post   *ui.PostPreview // the post last shown
}

// NewScreen builds the poll list; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.table = ui.NewRecordTable(pollColumns, func() int { return len(s.all) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_polls")
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新建投票", theme.ContentAddIcon(), s.onAdd)
	s.count = widget.NewLabel("")
	s.notice = ui.NewNotice(e)
	s.Demand = widget.NewLabel("")
	s.Demand.Wrapping = fyne.TextWrapBreak
	s.AddButton = widget.NewButtonWithIcon("新建投票", theme.ContentAddIcon(), s.onAdd)
	s.AddButton.Importance = widget.HighImportance
	s.PostButton = widget.NewButtonWithIcon("复制投票帖", theme.MailSendIcon(), s.onPost)
	s.RecordButton = widget.NewButtonWithIcon("记录结果", theme.DocumentCreateIcon(), s.onRecord)
	s.CloseButton = widget.NewButtonWithIcon("结束投票", theme.ConfirmIcon(), s.onClose)
	s.ResultButton = widget.NewButtonWithIcon("结果公告", theme.DocumentIcon(), s.onResult)
	s.enable()
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	actions := container.NewHBox(s.PostButton, s.RecordButton, s.CloseButton, s.ResultButton)
	top := container.NewBorder(nil, container.NewBorder(nil, nil, actions, nil), s.count, s.AddButton, s.notice.Content())
	return container.NewBorder(top, s.Demand, nil, nil, s.empty.OverTable(s.table))
}

// Refresh reloads the polls of the current group.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		ps, err := e.Store.Polls(gid)
		var ws []data.DemandWeight
		if err == nil {
			ws, err = e.Store.DemandWeights(gid)
		}
		return func() {
			s.all, s.loaded = ps, true
			s.Demand.SetText(DemandText(ws))
			s.apply()
		}, err
	})
}

func (s *Screen) apply() {
	open, due := 0, 0
	now := s.env.Now()
	for _, p := range s.all {
		if !p.Closed() {
			open++
			if !p.ClosesAt.After(now) {
				due++
			}
		}
	}
	switch {
	case len(s.all) == 0:
		s.count.SetText("")
	case due > 0:
		s.count.SetText(fmt.Sprintf("共 %d 个投票，进行中 %d 个，其中 %d 个已到截止时间", len(s.all), open, due))
	default:
		s.count.SetText(fmt.Sprintf("共 %d 个投票，进行中 %d 个", len(s.all), open))
	}
	s.table.UnselectAll()
	s.table.Refresh()
	if s.loaded && len(s.all) == 0 {
		s.empty.Show("还没有投票。想知道群友下次最想要什么？点「新建投票」列出几个选项，把投票帖复制到群里，"+
			"群友回复编号就算投票；也可以用QQ自带的群投票，结束后把票数填进来。", s.emptyAdd)
	} else {
		s.empty.Hide()
	}
	found := false
	for row, p := range s.all {
		if p.ID == s.selected {
			s.table.Select(widget.TableCellID{Row: row, Col: 0})
			found = true
		}
	}
	if !found {
		s.selected = 0
	}
	s.enable()
}

func (s *Screen) current() *data.Poll {
	for i := range s.all {
		if s.all[i].ID == s.selected {
			return &s.all[i]
		}
	}
	return nil
}

func (s *Screen) enable() {
	p := s.current()
	ui.Enable(s.PostButton, p != nil && !p.Closed())
	ui.Enable(s.RecordButton, p != nil && !p.Closed())
	ui.Enable(s.CloseButton, p != nil && !p.Closed())
	ui.Enable(s.ResultButton, p != nil && p.Source != data.PollUncounted)
}

// maxDemandShown bounds the categories and resources the demand line names.
const maxDemandShown = 8

// DemandText sums up the demand weights of closed polls for the owner: the most wanted
// categories and resources with their votes and share of the votes where offered.
func DemandText(ws []data.DemandWeight) string {
	if len(ws) == 0 {
		return "投票结束后，和分类或资源同名的选项得到的票数会记在这里，作为以后进货和上新的参考。"
	}
	parts := make([]string, 0, min(len(ws), maxDemandShown))
	for _, w := range ws[:min(len(ws), maxDemandShown)] {
		parts = append(parts, fmt.Sprintf("%s %d 票（%.0f%%）", w.Name, w.Votes, w.Share*100))
	}
	text := "群友需求（来自已结束的投票）：" + strings.Join(parts, "、")
	if len(ws) > maxDemandShown {
		text += fmt.Sprintf(" 等 %d 项", len(ws))
	}
	return text + "。"
}

// StatusLabel is a poll's state at now in the owner's words.
func StatusLabel(p data.Poll, now time.Time) string {
	switch {
	case p.Closed():
		return "已结束"
	case !p.ClosesAt.After(now):
		return "该结束了"
	}
	return "进行中"
}

// Leader names the option with the most votes: 游戏类（6 票）, 并列 on a tie.
func Leader(p data.Poll) string {
	best, top, tie := "", 0, false
	for _, o := range p.Options {
		switch {
		case o.Votes > top:
			best, top, tie = o.Label, o.Votes, false
		case o.Votes == top && top > 0:
			tie = true
		}
	}
	switch {
	case top == 0:
		return ""
	case tie:
		return fmt.Sprintf("并列（%d 票）", top)
	}
	return fmt.Sprintf("%s（%d 票）", best, top)
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	p := s.all[row]
	now := s.env.Now()
	l.Importance = widget.MediumImportance
	if !p.Closed() && !p.ClosesAt.After(now) {
		l.Importance = widget.WarningImportance
	}
	switch col {
	case 0:
		l.SetText(fmt.Sprintf("#%d", p.ID))
	case 1:
		l.SetText(StatusLabel(p, now))
	case 2:
		l.SetText(p.Question)
	case 3:
		l.SetText(p.ClosesAt.In(s.env.Loc).Format(data.DateMinLayout))
	case 4:
		if p.Source == data.PollUncounted {
			l.SetText("未记录")
		} else {
			l.SetText(ui.Itoa(p.Total()))
		}
	case 5:
		l.SetText(Leader(p))
	case 6:
		l.SetText(p.Source.Label())
	}
}

func (s *Screen) onRowSelected(row int) {
	if row < 0 || row >= len(s.all) {
		return
	}
	s.selected = s.all[row].ID
	s.enable()
}

// Select selects poll id once the list is loaded (the 今日 home points at it).
func (s *Screen) Select(id uint) { s.selected = id }

// Selected is the selected poll's ID, or 0.
func (s *Screen) Selected() uint { return s.selected }

func (s *Screen) onAdd() {
	if s.Group == nil {
		ui.ShowMessage(s.env.Win, "还没有群", "请先到「群管理」新建一个群，投票是按群记的。")
		return
	}
	s.form = newPollForm(s.env, *s.Group, s.onCreated)
	s.form.show()
}

func (s *Screen) onCreated(p data.Poll) {
	s.selected = p.ID
	s.notice.Show(fmt.Sprintf("已新建投票 #%d，复制投票帖发到群里吧", p.ID))
	s.Refresh()
	s.post = showPost(s.env, "投票帖", qqpost.PollPost(p, s.env.Loc))
}

func (s *Screen) onPost() {
	if p := s.current(); p != nil {
		s.post = showPost(s.env, "投票帖", qqpost.PollPost(*p, s.env.Loc))
	}
}

func (s *Screen) onResult() {
	if p := s.current(); p != nil {
		s.post = showPost(s.env, "投票结果公告", qqpost.PollResultPost(*p, s.env.Loc))
	}
}

func (s *Screen) onRecord() {
	if p := s.current(); p != nil {
		s.record = newRecordForm(s.env, *p, func() {
			s.notice.Show(fmt.Sprintf("已记下投票 #%d 的结果", p.ID))
			s.Refresh()
		})
		s.record.show()
	}
}

func (s *Screen) onClose() {
	p := s.current()
	if p == nil {
		return
	}
	id, e := p.ID, s.env
	text := "结束后票数就定下来，不能再改，并作为群友需求的参考。"
	if p.Source == data.PollUncounted {
		text = "这个投票还没有记录结果，结束后就不能再记了。" + text
	}
	ui.Confirm(e.Win, "结束投票", text, "结束投票", func() {
		e.Tasks.Run(func() {
			err := e.Store.ClosePoll(id)
			fyne.Do(func() {
				if err != nil {
					e.ShowError(err)
				} else {
					s.notice.Show(fmt.Sprintf("投票 #%d 已结束，可以发结果公告了", id))
				}
				s.Refresh()
			})
		})
	})
}

// showPost shows a post in a dialog with its copy button.
func showPost(e *ui.Env, title, text string) *ui.PostPreview {
	p := ui.NewPostPreview(e, nil)
	p.SetParts(qqpost.Split(text, qqpost.MaxPartRunes))
	d := dialog.NewCustom(title, "关闭", p.Content(), e.Win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
	ui.EscCloses(e.Win, d)
	return p
}
