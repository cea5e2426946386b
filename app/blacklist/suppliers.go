package blacklist

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// reliabilityColumns are the supplier table's columns.
var reliabilityColumns = []ui.Column{
	{Title: "供应商", Width: 200}, {Title: "资源数", Width: 80}, {Title: "失效过", Width: 80},
	{Title: "失效率", Width: 90}, {Title: "最近一次失效", Width: 150}, {Title: "提醒", Width: 260},
}

// reliabilityTab is each supplier's record: how many resources, how many went 失效,
// the rate and the last time; those above the owner's line are flagged. Picking one
// shows its resources on the blacklist.
type reliabilityTab struct {
	s       *Screen
	rows    []reliability.Record
	percent int

	Table *ui.RecordTable
	Note  *widget.Label
	Empty *ui.EmptyState
}

func newReliabilityTab(s *Screen) *reliabilityTab {
	t := &reliabilityTab{s: s, percent: reliability.DefaultPercent}
	t.Table = ui.NewRecordTable(reliabilityColumns, func() int { return len(t.rows) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_suppliers")
	t.Note = widget.NewLabel("")
	t.Note.Wrapping = fyne.TextWrapBreak
	t.Empty = ui.NewEmptyState()
	return t
}

func (t *reliabilityTab) content() fyne.CanvasObject {
	return container.NewBorder(t.Note, nil, nil, nil, t.Empty.OverTable(t.Table))
}

func (t *reliabilityTab) apply(rows []reliability.Record, percent int) {
	t.rows, t.percent = rows, percent
	t.Note.SetText(fmt.Sprintf("「失效过」算的是曾经标为失效的资源，后来移出名单的也算。点一行，看它在失效名单里的资源。\n"+
		"供过至少 %d 个资源、失效率高于 %d%% 的供应商，新增或编辑它的资源时会提醒；提醒线在「设置」→「失效名单」里改。",
		reliability.MinResources, percent))
	t.Table.UnselectAll()
	t.Table.Refresh()
	if len(rows) == 0 {
		t.Empty.Show("还没有供应商。新增或导入资源时填上「供应商」，这里就会算出每家的失效率。")
	} else {
		t.Empty.Hide()
	}
}

// Verdict is what the last column says about r at percent.
func Verdict(r reliability.Record, percent int) string {
	switch {
	case r.Above(percent):
		return "⚠ 高于提醒线，进货前先核实"
	case !r.Judged():
		return "资源不足 " + strconv.Itoa(reliability.MinResources) + " 个，暂不评判"
	}
	return "正常"
}

func (t *reliabilityTab) fillCell(row, col int, l *widget.Label) {
	r := t.rows[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText(r.Name)
	case 1:
		l.SetText(strconv.Itoa(r.Resources))
	case 2:
		l.SetText(strconv.Itoa(r.Invalid))
	case 3:
		l.SetText(r.RateText())
	case 4:
		if r.LastIncident == nil {
			l.SetText("")
		} else {
			l.SetText(r.LastIncident.In(t.s.env.Loc).Format("2006-01-02 15:04"))
		}
	case 5:
		if r.Above(t.percent) {
			l.Importance = widget.DangerImportance
		}
		l.SetText(Verdict(r, t.percent))
	}
}

// onSelected shows the supplier's resources on the blacklist.
func (t *reliabilityTab) onSelected(row int) {
	name := t.rows[row].Name
	t.s.Reason.SetSelected(allReasons)
	t.s.Supplier.SetSelected(name)
	t.s.Tabs.SelectIndex(0)
}
