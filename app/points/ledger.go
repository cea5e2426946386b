package points

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// anyReason is the reason choice that lists every entry.
const anyReason = "全部原因"

// ledgerReasons are the reasons the list can be narrowed to, in the order offered.
var ledgerReasons = append(append([]points.Reason{}, points.Awards...), points.Reversal, points.Redeem, points.Refund)

var ledgerColumns = []ui.Column{
	{Title: "编号", Width: 56}, {Title: "时间", Width: 130}, {Title: "成员", Width: 120}, {Title: "QQ号", Width: 100},
	{Title: "积分", Width: 60}, {Title: "原因", Width: 90}, {Title: "备注", Width: 220}, {Title: "记录人", Width: 70},
	{Title: "更正", Width: 110},
}

// ledgerLoad is one read of the ledger list.
type ledgerLoad struct {
	lines []data.PointLine
	more  bool // older entries left out
}

// ledgerTab is the ledger, newest first, narrowed by a member search and a reason; the
// entry picked can be reversed.
type ledgerTab struct {
	s      *Screen
	latest ui.Latest
	lines  []data.PointLine
	picked int // in lines; -1: none

	Search        *ui.Entry
	Reason        *widget.Select
	Table         *ui.RecordTable
	empty         *ui.EmptyState
	count         *widget.Label
	ReverseButton *widget.Button
	emptyAward    *widget.Button
	clearFilter   *widget.Button
}

func newLedgerTab(s *Screen) *ledgerTab {
	t := &ledgerTab{s: s, picked: -1}
	t.Search = ui.NewEntry()
	t.Search.SetPlaceHolder("搜成员：QQ号、昵称、群名片或拼音")
	t.Search.OnChanged = func(string) { t.reload() }
	opts := []string{anyReason}
	for _, r := range ledgerReasons {
		opts = append(opts, r.Label())
	}
	t.Reason = ui.NewSelect(opts, anyReason, func(string) { t.reload() })
	t.Table = ui.NewRecordTable(ledgerColumns, func() int { return len(t.lines) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_points")
	t.empty = ui.NewEmptyState()
	t.count = widget.NewLabel("")
	t.ReverseButton = widget.NewButtonWithIcon("更正", theme.ContentUndoIcon(), t.onReverse)
	t.ReverseButton.Disable()
	t.emptyAward = widget.NewButtonWithIcon("记积分", theme.ContentAddIcon(), s.onAward)
	t.clearFilter = widget.NewButton("清除筛选", func() {
		t.Search.SetText("")
		t.Reason.SetSelected(anyReason)
	})
	return t
}

func (t *ledgerTab) content() fyne.CanvasObject {
	left := container.NewHBox(ui.Widen(t.Search, 260), t.Reason, t.count)
	top := container.NewBorder(nil, nil, left, t.ReverseButton)
	return container.NewBorder(top, nil, nil, nil, t.empty.OverTable(t.Table))
}

// filter is what the search and the reason select now.
func (t *ledgerTab) filter() data.PointFilter {
	f := data.PointFilter{GroupID: t.s.GroupID(), Search: t.Search.Text}
	if r, ok := points.ByLabel(t.Reason.Selected); ok {
		f.Reason = r
	}
	return f
}

// reload reads the list again as the filter says; a newer read wins.
func (t *ledgerTab) reload() {
	e, f := t.s.env, t.filter()
	e.Load(&t.latest, func() (func(), error) {
		var ld ledgerLoad
		var err error
		ld.lines, ld.more, err = e.Store.PointEntries(f)
		return func() {
			t.apply(ld)
		}, err
	})
}

func (t *ledgerTab) apply(ld ledgerLoad) {
	t.lines = ld.lines
	t.picked = -1
	t.ReverseButton.Disable()
	t.Table.UnselectAll()
	t.Table.Refresh()
	filtered := t.Search.Text != "" || t.Reason.Selected != anyReason
	switch {
	case len(ld.lines) == 0:
		t.count.SetText("")
	case ld.more:
		t.count.SetText(fmt.Sprintf("最新 %d 条；更早的请搜成员或选原因", len(ld.lines)))
	default:
		t.count.SetText(fmt.Sprintf("共 %d 条", len(ld.lines)))
	}
	switch {
	case !t.s.loaded || len(t.lines) > 0:
		t.empty.Hide()
	case filtered:
		t.empty.Show("没有符合筛选的积分记录。换个成员或原因试试，或者清除筛选看全部。", t.clearFilter)
	default:
		t.empty.Show("还没有积分记录。群友帮忙解答、分享资源或体验时，点「记积分」给TA加分；"+
			"可以一次选好几位成员，比如参加分享会的每个人。", t.emptyAward)
	}
}

func (t *ledgerTab) fillCell(row, col int, l *widget.Label) {
	x := &t.lines[row]
	l.Importance = widget.MediumImportance
	if x.ReversedBy != nil || x.Reason == points.Reversal {
		l.Importance = widget.LowImportance
	}
	switch col {
	case 0:
		l.SetText("#" + strconv.FormatUint(uint64(x.ID), 10))
	case 1:
		l.SetText(x.At.In(t.s.env.Loc).Format(data.DateMinLayout))
	case 2:
		l.SetText(memberName(x.Name, x.QQ))
	case 3:
		l.SetText(x.QQ)
	case 4:
		if x.Amount < 0 && l.Importance == widget.MediumImportance {
			l.Importance = widget.DangerImportance // set before the text, which refreshes
		}
		l.SetText(signed(x.Amount))
	case 5:
		l.SetText(x.Reason.Label())
	case 6:
		l.SetText(x.Note)
	case 7:
		l.SetText(x.ByName)
	case 8:
		l.SetText(correction(*x))
	}
}

// correction says how an entry stands with reversals: reversed by which, or reversing which.
func correction(x data.PointLine) string {
	switch {
	case x.ReversedBy != nil:
		return "已被 #" + strconv.FormatUint(uint64(*x.ReversedBy), 10) + " 更正"
	case x.ReversesID != nil:
		return "更正 #" + strconv.FormatUint(uint64(*x.ReversesID), 10)
	}
	return ""
}

// signed is an amount with its sign: +5, -3.
func signed(n int64) string {
	if n > 0 {
		return "+" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// memberName is a member as lists name them; one no longer there says so.
func memberName(name, qq string) string {
	if qq == "" {
		return "（已不在成员列表）"
	}
	return name
}

func (t *ledgerTab) onSelected(row int) {
	t.picked = row
	ui.Enable(t.ReverseButton, t.lines[row].Reversible())
}

func (t *ledgerTab) onReverse() {
	if t.picked < 0 || t.picked >= len(t.lines) || !t.lines[t.picked].Reversible() {
		return
	}
	t.s.Reverse = showReverse(t.s, t.lines[t.picked])
}
