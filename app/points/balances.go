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
)

var balanceColumns = []ui.Column{
	{Title: "成员", Width: 140}, {Title: "QQ号", Width: 110}, {Title: "余额", Width: 80}, {Title: "累计获得", Width: 90},
	{Title: "最后变动", Width: 130},
}

// balancesTab lists each member's balance (what they can spend) and what they have
// earned in all, most points first; a member picked opens their entries in the ledger.
type balancesTab struct {
	s        *Screen
	all      []data.PointStanding
	Table    *ui.RecordTable
	empty    *ui.EmptyState
	count    *widget.Label
	emptyAdd *widget.Button
}

func newBalancesTab(s *Screen) *balancesTab {
	t := &balancesTab{s: s}
	t.Table = ui.NewRecordTable(balanceColumns, func() int { return len(t.all) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_point_balances")
	t.empty = ui.NewEmptyState()
	t.count = widget.NewLabel("")
	t.emptyAdd = widget.NewButtonWithIcon("记积分", theme.ContentAddIcon(), s.onAward)
	return t
}

func (t *balancesTab) content() fyne.CanvasObject {
	hint := widget.NewLabel("点一位成员，看TA的积分流水。余额是还能兑换的积分；累计获得不因兑换减少，总榜按它排。")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapBreak
	top := container.NewBorder(nil, nil, t.count, nil, hint)
	return container.NewBorder(top, nil, nil, nil, t.empty.OverTable(t.Table))
}

func (t *balancesTab) apply(ss []data.PointStanding) {
	t.all = ss
	t.Table.UnselectAll()
	t.Table.Refresh()
	t.count.SetText("")
	if len(ss) > 0 {
		var sum int64
		for _, x := range ss {
			sum += x.Balance
		}
		t.count.SetText(fmt.Sprintf("%d 位成员，余额合计 %d 分", len(ss), sum))
	}
	if !t.s.loaded || len(ss) > 0 {
		t.empty.Hide()
		return
	}
	t.empty.Show("还没有成员得到积分。点「记积分」给帮忙的群友加分，TA的余额就会出现在这里。", t.emptyAdd)
}

func (t *balancesTab) fillCell(row, col int, l *widget.Label) {
	x := &t.all[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText(memberName(x.Name, x.QQ))
	case 1:
		l.SetText(x.QQ)
	case 2:
		l.SetText(strconv.FormatInt(x.Balance, 10))
	case 3:
		l.SetText(strconv.FormatInt(x.Earned, 10))
	case 4:
		l.SetText(x.UpdatedAt.In(t.s.env.Loc).Format(data.DateMinLayout))
	}
}

// onSelected shows the member's entries: the ledger searched by their QQ number.
func (t *balancesTab) onSelected(row int) {
	t.s.Ledger.Search.SetText(t.all[row].QQ)
	t.s.Tabs.Select(t.s.ledgerItem)
}
