package tickets

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sla"
)

// statsMonths is how many months the statistics show, this one included.
const statsMonths = 12

// statsRow is one line of the statistics: a month's total, or one category of it.
type statsRow struct {
	month    string // 2026年11月, or "" on a category line
	category string // "" on a month's total
	sum      sla.Summary
}

// Stats sums up each month's tickets, newest first, with a line per category under
// each month that had tickets.
type Stats struct {
	env    *ui.Env
	latest ui.Latest
	rows   []statsRow

	Table *ui.RecordTable
	Note  *widget.Label
}

func newStats(e *ui.Env) *Stats {
	s := &Stats{env: e}
	s.Table = ui.NewRecordTable([]ui.Column{
		{Title: "月份", Width: 110}, {Title: "问题类型", Width: 90}, {Title: "开单", Width: 60},
		{Title: "按时首次回复", Width: 150}, {Title: "首次回复用时（中位数）", Width: 180}, {Title: "解决用时（中位数）", Width: 160},
	}, func() int { return len(s.rows) }, s.fillCell, func(int) { s.Table.UnselectAll() })
	s.Note = widget.NewLabel("最近 12 个月，按开单时间所在月份统计（本机时区）。按时首次回复：已回复或已超时的工单里，在承诺时间内首次回复的占比；还没到期的不算。")
	s.Note.Wrapping = fyne.TextWrapBreak
	return s
}

func (s *Stats) content() fyne.CanvasObject {
	return container.NewBorder(s.Note, nil, nil, nil, s.Table)
}

func (s *Stats) refresh(groupID uint) {
	e := s.env
	e.Load(&s.latest, func() (func(), error) {
		ms, err := e.Store.TicketMonths(groupID, e.Now(), e.Loc, statsMonths)
		rows := statsRows(ms)
		return func() {
			s.rows = rows
			s.Table.Refresh()
		}, err
	})
}

// statsRows flattens months into lines: each month, then its categories.
func statsRows(ms []sla.Month) []statsRow {
	var rows []statsRow
	for _, m := range ms {
		rows = append(rows, statsRow{month: fmt.Sprintf("%d年%d月", m.Start.Year(), m.Start.Month()), sum: m.Total})
		for _, c := range m.Categories {
			rows = append(rows, statsRow{category: data.TicketCategory(c.Category).Label(), sum: c.Summary})
		}
	}
	return rows
}

func (s *Stats) fillCell(row, col int, l *widget.Label) {
	r := s.rows[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText(r.month)
	case 1:
		if r.category == "" {
			l.SetText("全部")
		} else {
			l.SetText(r.category)
		}
	case 2:
		l.SetText(ui.Itoa(r.sum.Opened))
	case 3:
		l.SetText(KeptText(r.sum))
	case 4:
		l.SetText(medianText(r.sum.MedianResponse, r.sum.Responded))
	case 5:
		l.SetText(medianText(r.sum.MedianResolve, r.sum.Resolved))
	}
}

// KeptText says the share answered within the promise: 92%（12/13）, or — when
// nothing is judged yet.
func KeptText(s sla.Summary) string {
	pct, ok := s.KeptPercent()
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.0f%%（%d/%d）", pct, s.Kept, s.Judged)
}

func medianText(d time.Duration, n int) string {
	if n == 0 {
		return "—"
	}
	return data.FormatWait(d)
}
