package talent

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var historyColumns = []ui.Column{
	{Title: "月份", Width: 100}, {Title: "资源达人", Width: 140}, {Title: "得分", Width: 60},
	{Title: "前三名", Width: 460}, {Title: "确认于", Width: 130},
}

// historyList is 往期资源达人: the confirmed months of the group, newest first.
type historyList struct {
	env    *ui.Env
	months []data.TalentMonth
	table  *ui.RecordTable
	empty  *ui.EmptyState
}

func newHistoryList(e *ui.Env) *historyList {
	h := &historyList{env: e}
	h.table = ui.NewRecordTable(historyColumns, func() int { return len(h.months) }, h.fillCell, func(int) {})
	h.table.RememberWidths(e, "column_widths_talent_history")
	h.empty = ui.NewEmptyState()
	return h
}

// Content is the list under its heading.
func (h *historyList) Content() fyne.CanvasObject {
	return container.NewBorder(ui.Bold("往期资源达人"), nil, nil, nil, h.empty.OverTable(h.table))
}

func (h *historyList) set(ms []data.TalentMonth) {
	h.months = ms
	h.table.Refresh()
	if len(ms) == 0 {
		h.empty.Show("还没有确认过资源达人。每月初选上个月，确认后会记在这里。")
	} else {
		h.empty.Hide()
	}
}

func (h *historyList) fillCell(row, col int, l *widget.Label) {
	m := h.months[row]
	switch col {
	case 0:
		l.SetText(m.MonthValue().Label())
	case 1:
		l.SetText(m.WinnerName)
	case 2:
		l.SetText(ui.Itoa(m.Score))
	case 3:
		l.SetText(placesText(m.Places()))
	default:
		l.SetText(m.ConfirmedAt.In(h.env.Loc).Format(data.DateMinLayout))
	}
}

// placesText is the top three in one line: 1. 小明 23 分；2. 小刚 11 分.
func placesText(ps []data.TalentPlace) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = fmt.Sprintf("%d. %s %d 分", p.Rank, p.Name, p.Score)
	}
	return strings.Join(parts, "；")
}
