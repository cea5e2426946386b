// Package talent is the 资源达人 area: the month's ranking of members by what they did
// for the group (resources shared, swaps completed, answers that helped, experiences
// shared, sessions led), with the formula and its weights beside it — change a weight
// and the ranking follows — the owner's confirmation (the winner gets the 资源达人
// badge and 优先获取 for the next month), the announcement post, and the past months.
// It sees data (and its pure rules) and app/ui.
package talent

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/talent"
)

var rankColumns = []ui.Column{
	{Title: "排名", Width: 50}, {Title: "成员", Width: 140}, {Title: "得分", Width: 60},
	{Title: "贡献", Width: 500}, {Title: "同分说明", Width: 200},
}

// monthsShown is how many months the picker offers, this one included.
const monthsShown = 13

// Screen is the month's ranking with the weights beside it, the actions and the history.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	month     talent.Month
	proposal  data.TalentProposal
	standings []talent.Standing
	history   []data.TalentMonth
	selected  int // row of standings, or -1
	loaded    bool
	latest    ui.Latest

	Month         *widget.Select
	status        *widget.Label
	notice        *ui.Notice
	table         *ui.RecordTable
	empty         *ui.EmptyState
	detail        *ui.RecordDetail // the picked member's contributions in full: cells clip them
	weights       *weightsPanel
	ConfirmButton *widget.Button
	PostButton    *widget.Button
	hist          *historyList

	months []talent.Month  // the picker's, newest first
	post   *ui.PostPreview // the announcement last shown
}

// NewScreen builds the screen; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e, selected: -1}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapBreak
	s.notice = ui.NewNotice(e)
	s.table = ui.NewRecordTable(rankColumns, func() int { return len(s.standings) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_talent")
	s.empty = ui.NewEmptyState()
	s.detail = ui.NewRecordDetail("点选一位成员，这里显示TA的全部贡献；要选TA当资源达人，再点「确认本月资源达人」。")
	s.weights = newWeightsPanel(e, s.onWeightsChanged)
	s.ConfirmButton = widget.NewButtonWithIcon("确认本月资源达人", theme.ConfirmIcon(), s.onConfirm)
	s.ConfirmButton.Importance = widget.HighImportance
	s.PostButton = widget.NewButtonWithIcon("复制公告", theme.MailSendIcon(), s.onPost)
	s.hist = newHistoryList(e)
	s.setMonths(talent.MonthOf(e.Now(), e.Loc))
	s.enable()
	return s
}

// setMonths fills the picker with the months up to now and picks last month.
func (s *Screen) setMonths(now talent.Month) {
	s.months = s.months[:0]
	labels := make([]string, 0, monthsShown)
	m := now
	for range monthsShown {
		s.months = append(s.months, m)
		labels = append(labels, monthLabel(m, now))
		m = m.Prev()
	}
	s.month = now.Prev()
	s.Month = ui.NewSelect(labels, labels[1], s.onMonthPicked)
}

func monthLabel(m, now talent.Month) string {
	if m == now {
		return m.Label() + "（本月，进行中）"
	}
	return m.Label()
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("月份"), ui.Widen(s.Month, 220)), nil, s.status),
		s.notice.Content())
	actions := container.NewHBox(s.ConfirmButton, s.PostButton)
	ranking := container.NewBorder(nil, container.NewVBox(s.detail.Content(), actions), nil, nil, s.empty.OverTable(s.table))
	split := container.NewHSplit(ranking, s.weights.Content())
	split.Offset = 0.75
	body := container.NewVSplit(split, s.hist.Content())
	body.Offset = 0.68
	return container.NewBorder(top, nil, nil, nil, body)
}

// ShowMonth picks month m (the 今日 card points at last month); Refresh loads it.
func (s *Screen) ShowMonth(m talent.Month) {
	for i, pm := range s.months {
		if pm == m {
			s.month = m
			s.Month.Selected = s.Month.Options[i]
			s.Month.Refresh()
		}
	}
}

// MonthShown is the month on screen.
func (s *Screen) MonthShown() talent.Month { return s.month }

func (s *Screen) onMonthPicked(label string) {
	for i, l := range s.Month.Options {
		if l == label {
			s.month = s.months[i]
		}
	}
	s.weights.edited = false
	s.Refresh()
}

// Refresh loads the month's proposal and the history of the current group.
func (s *Screen) Refresh() {
	e, gid, m := s.env, s.GroupID(), s.month
	e.Load(&s.latest, func() (func(), error) {
		p, err := e.Store.ProposeTalent(gid, m, e.Loc)
		var hist []data.TalentMonth
		if err == nil {
			hist, err = e.Store.TalentHistory(gid)
		}
		return func() {
			s.proposal, s.history, s.loaded = p, hist, true
			s.apply()
		}, err
	})
}

func (s *Screen) apply() {
	p := s.proposal
	if !s.weights.edited {
		w := p.Weights
		if p.Confirmed != nil {
			w = p.Confirmed.WeightsValue()
		}
		s.weights.set(w)
	}
	s.hist.set(s.history)
	s.rerank()
}

// rerank ranks the month's evidence with the weights as typed.
func (s *Screen) rerank() {
	w, ok := s.weights.current()
	if ok {
		s.standings = talent.Rank(s.proposal.Evidence, w)
	}
	s.selected = -1
	s.detail.Clear()
	s.table.UnselectAll()
	s.table.Refresh()
	s.showStatus()
	if s.loaded && len(s.standings) == 0 {
		s.empty.Show(s.emptyText())
	} else {
		s.empty.Hide()
	}
	s.enable()
}

func (s *Screen) emptyText() string {
	if len(s.proposal.Evidence) > 0 {
		return "按现在的权重，" + s.month.Label() + "没有人得分。把右边至少一项权重调到大于 0。"
	}
	return s.month.Label() + "还没有记录到贡献。群友帮忙解答、分享资源时，在「互助积分」给TA记一笔；" +
		"完成的置换和资源盲盒里分享的体验会自动算进来。"
}

func (s *Screen) showStatus() {
	p, m := s.proposal, s.month
	switch {
	case s.Group == nil:
		s.status.SetText("请先在顶部选择一个群，资源达人是按群评的。")
	case p.Confirmed != nil:
		c := p.Confirmed
		s.status.SetText(fmt.Sprintf("%s的资源达人已确认：「%s」（%d 分），%s享有「资源达人」和「优先获取」。",
			m.Label(), c.WinnerName, c.Score, nextMonthText(m)))
	case !p.Over:
		s.status.SetText(m.Label() + "还没有结束，排名会随记录变化；月底之后再确认。")
	case len(s.standings) > 0:
		s.status.SetText(fmt.Sprintf("按现在的公式，%s的资源达人是「%s」（%d 分）。点选另一行可改选，再点「确认本月资源达人」。",
			m.Label(), s.standings[0].Name, s.standings[0].Score))
	default:
		s.status.SetText("")
	}
}

func nextMonthText(m talent.Month) string { return fmt.Sprintf("%d月", int(m.Next().Month)) }

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	st := s.standings[row]
	switch col {
	case 0:
		l.SetText(ui.Itoa(st.Rank))
	case 1:
		l.SetText(st.Name)
	case 2:
		l.SetText(ui.Itoa(st.Score))
	case 3:
		l.SetText(st.Contributions())
	default:
		l.SetText(st.TieNote())
	}
}

func (s *Screen) onRowSelected(row int) {
	if row < 0 || row >= len(s.standings) {
		return
	}
	s.selected = row
	st := s.standings[row]
	s.detail.Show([]ui.Field{{Label: "成员", Value: st.Name}, {Label: "得分", Value: ui.Itoa(st.Score)},
		{Label: "贡献", Value: st.Contributions()}, {Label: "同分说明", Value: st.TieNote()}})
	s.enable()
}

// winner is the member the owner would confirm: the picked row, else the first.
func (s *Screen) winner() *talent.Standing {
	switch {
	case s.selected >= 0 && s.selected < len(s.standings):
		return &s.standings[s.selected]
	case len(s.standings) > 0:
		return &s.standings[0]
	}
	return nil
}

func (s *Screen) enable() {
	p := s.proposal
	_, weightsOK := s.weights.current()
	can := s.Group != nil && p.Over && p.Confirmed == nil && weightsOK && len(s.standings) > 0
	ui.Enable(s.ConfirmButton, can)
	if w := s.winner(); can && w != nil {
		s.ConfirmButton.SetText("确认本月资源达人：" + w.Name)
	} else {
		s.ConfirmButton.SetText("确认本月资源达人")
	}
	ui.Enable(s.PostButton, p.Confirmed != nil && s.Group != nil)
}

func (s *Screen) onWeightsChanged() {
	s.rerank()
}

// expiryText is the last day of the month after m.
func expiryText(m talent.Month, loc *time.Location) string {
	last := m.Next().End(loc).Add(-time.Second)
	return fmt.Sprintf("%d月%d日", last.Month(), last.Day()) // 11月30日
}
