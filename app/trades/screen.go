// Package trades is the 担保交易 area: escrow trades with the owner as third party. The
// list puts the overdue on top; a trade's detail has its audit log and only the moves
// its state allows; the form opens a trade with buyer and seller shown with their trade
// records. It sees data (and its pure rules) and app/ui.
package trades

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

const (
	scopeOpen = "进行中"
	scopeAll  = "全部交易"
)

var tradeColumns = []ui.Column{
	{Title: "编号", Width: 50}, {Title: "状态", Width: 66}, {Title: "期限", Width: 196}, {Title: "交易的东西", Width: 170},
	{Title: "金额", Width: 70}, {Title: "买家", Width: 100}, {Title: "卖家", Width: 100}, {Title: "开单时间", Width: 130},
}

// Screen is the trade list with the selected trade's detail beside it.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	all      []data.Trade
	shown    []int
	selected uint // the trade shown in the detail; 0: none
	latest   ui.Latest
	loaded   bool

	scope     *widget.Select
	table     *ui.RecordTable
	empty     *ui.EmptyState
	emptyAdd  *widget.Button
	count     *widget.Label
	notice    *ui.Notice
	addButton *widget.Button
	guideBtn  *widget.Button
	detail    *detail
	form      *tradeForm      // the form last opened
	post      *ui.PostPreview // the post last shown
}

// NewScreen builds the trade list; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.scope = ui.NewSelect([]string{scopeOpen, scopeAll}, scopeOpen, func(string) { s.apply() })
	s.table = ui.NewRecordTable(tradeColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_trades")
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新开担保单", theme.ContentAddIcon(), s.onAdd)
	s.count = widget.NewLabel("")
	s.notice = ui.NewNotice(e)
	s.addButton = widget.NewButtonWithIcon("新开担保单", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.guideBtn = widget.NewButtonWithIcon("担保交易说明", theme.DocumentIcon(), s.onGuide)
	s.detail = newDetail(e, s.onMoved)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, container.NewHBox(s.scope, s.count),
		container.NewHBox(s.guideBtn, s.addButton), s.notice.Content())
	split := container.NewHSplit(s.empty.OverTable(s.table), s.detail.content())
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// Refresh reloads the trades of the current group.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		ts, err := e.Store.Trades(gid, e.Now())
		return func() {
			s.all, s.loaded = ts, true
			s.apply()
		}, err
	})
}

// apply narrows the loaded trades to the scope, keeps the selected one selected and
// says what to do when there is none.
func (s *Screen) apply() {
	s.shown = s.shown[:0]
	overdue, open := 0, 0
	now := s.env.Now()
	for i := range s.all {
		t := &s.all[i]
		if t.Overdue(now) {
			overdue++
		}
		if !t.State.Final() {
			open++
		}
		if s.scope.Selected == scopeAll || !t.State.Final() {
			s.shown = append(s.shown, i)
		}
	}
	s.count.SetText(countText(len(s.all), open, overdue))
	s.table.UnselectAll()
	s.table.Refresh()
	s.showEmpty()
	for row, i := range s.shown {
		if s.all[i].ID == s.selected {
			s.table.Select(widget.TableCellID{Row: row, Col: 0}) // loads the detail
			return
		}
	}
	for i := range s.all { // finished under 进行中: its detail stays, to see how it ended
		if s.all[i].ID == s.selected {
			s.detail.load(s.selected, s.Group)
			return
		}
	}
	s.selected = 0
	s.detail.clear()
}

func countText(all, open, overdue int) string {
	switch {
	case all == 0:
		return ""
	case overdue > 0:
		return fmt.Sprintf("共 %d 笔，进行中 %d 笔，其中 %d 笔已超时", all, open, overdue)
	}
	return fmt.Sprintf("共 %d 笔，进行中 %d 笔", all, open)
}

func (s *Screen) showEmpty() {
	switch {
	case !s.loaded || len(s.shown) > 0:
		s.empty.Hide()
	case len(s.all) == 0:
		s.empty.Show("还没有担保交易。群友要买卖时找你担保，点「新开担保单」记下买家、卖家和金额；"+
			"「担保交易说明」可以复制到群里，告诉大家怎么找群主担保。", s.emptyAdd)
	default:
		s.empty.Show("没有进行中的交易。已结束的交易在「全部交易」里。")
	}
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	t := &s.all[s.shown[row]]
	now := s.env.Now()
	l.Importance = widget.MediumImportance
	if t.Overdue(now) {
		l.Importance = widget.DangerImportance
	}
	gid := s.GroupID()
	switch col {
	case 0:
		l.SetText(fmt.Sprintf("#%d", t.ID))
	case 1:
		l.SetText(t.State.Label())
	case 2:
		l.SetText(deadlineText(t, now, s.env.Loc))
	case 3:
		l.SetText(t.Item)
	case 4:
		l.SetText("¥" + data.Yuan(t.AmountCents))
	case 5:
		l.SetText(memberName(t.Buyer, gid))
	case 6:
		l.SetText(memberName(t.Seller, gid))
	case 7:
		l.SetText(t.CreatedAt.In(s.env.Loc).Format(data.DateMinLayout))
	}
}

// deadlineText says who the trade waits on and until when: 超时 3小时，等卖家交付.
func deadlineText(t *data.Trade, now time.Time, loc *time.Location) string {
	w := escrow.Waiting(escrow.State(t.State))
	switch {
	case t.DueAt == nil:
		return w
	case t.Overdue(now):
		return "超时 " + data.FormatWait(now.Sub(*t.DueAt)) + "，" + w
	}
	return w + "，" + t.DueAt.In(loc).Format("01-02 15:04") + " 前"
}

// memberName is a member as the group shows TA, or a note when TA is gone.
func memberName(m *data.Member, groupID uint) string {
	if m == nil {
		return "（已删除）"
	}
	return m.DisplayName(groupID)
}

func (s *Screen) onRowSelected(row int) {
	if row < 0 || row >= len(s.shown) {
		return
	}
	s.selected = s.all[s.shown[row]].ID
	s.detail.load(s.selected, s.Group)
}

// ShowTrade selects trade id once the list is loaded (the 今日 home points at it).
func (s *Screen) ShowTrade(id uint) {
	s.scope.SetSelected(scopeAll) // an overdue trade is open, but the owner may have moved it meanwhile
	s.selected = id
}

func (s *Screen) onAdd() {
	s.form = newTradeForm(s.env, s.Group, s.onOpened)
	s.form.show()
}

func (s *Screen) onOpened(t data.Trade) {
	s.selected = t.ID
	s.notice.Show(fmt.Sprintf("已开单 #%d，等买家付款", t.ID))
	s.Refresh()
}

// onMoved reloads the list after a move (or a move refused as stale).
func (s *Screen) onMoved(t data.Trade, done string) {
	if done != "" {
		s.notice.Show(fmt.Sprintf("#%d %s", t.ID, done))
	}
	s.Refresh()
}

// Selected is the trade whose detail is shown, or 0.
func (s *Screen) Selected() uint { return s.selected }
