package swaps

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

var dealColumns = []ui.Column{
	{Title: "编号", Width: 50}, {Title: "状态", Width: 60}, {Title: "成员", Width: 200}, {Title: "开始时间", Width: 130},
}

// dealsTab lists the deals; the selected one shows its listings, its log, a note and
// the moves its state allows.
type dealsTab struct {
	s        *Screen
	all      []data.SwapDeal
	selected uint

	Table                  *ui.RecordTable
	empty                  *ui.EmptyState
	Detail                 *widget.Label
	Note                   *ui.Entry
	CompleteBtn, CancelBtn *widget.Button
	Award                  *ui.AwardButton // 完成置换 points for everyone in a completed deal
	detailBox              fyne.CanvasObject
}

func newDealsTab(s *Screen) *dealsTab {
	t := &dealsTab{s: s, empty: ui.NewEmptyState()}
	t.Table = ui.NewRecordTable(dealColumns, func() int { return len(t.all) }, t.fillCell, t.onSelected)
	t.Detail = widget.NewLabel("在左边点选一条撮合，看它的挂单和记录。")
	t.Detail.Wrapping = fyne.TextWrapBreak
	t.Note = ui.NewMultiLineEntry()
	t.Note.SetPlaceHolder("备注（可不填），如：两人已在群里确认")
	t.Note.SetMinRowsVisible(2)
	t.CompleteBtn = widget.NewButton("已完成", func() { t.Move(data.SwapDealCompleted) })
	t.CompleteBtn.Importance = widget.HighImportance
	t.CancelBtn = widget.NewButton("已取消", func() { t.Move(data.SwapDealCancelled) })
	t.CompleteBtn.Disable()
	t.CancelBtn.Disable()
	t.Award = ui.NewAwardButton(s.env, s.notice.Show)
	t.detailBox = container.NewBorder(nil, container.NewVBox(t.Note, container.NewHBox(t.CompleteBtn, t.CancelBtn, t.Award.Button)),
		nil, nil, container.NewVScroll(t.Detail))
	return t
}

func (t *dealsTab) content() fyne.CanvasObject {
	split := container.NewHSplit(t.empty.OverTable(t.Table), t.detailBox)
	split.Offset = 0.5
	return split
}

func (t *dealsTab) apply(ds []data.SwapDeal) {
	t.all = ds
	t.Table.UnselectAll()
	t.Table.Refresh()
	if len(ds) == 0 && t.s.loaded {
		t.empty.Show("还没有撮合。在「配对建议」里点「撮合」，就会在这里记下这次置换，完成或取消时再来标记。")
	} else {
		t.empty.Hide()
	}
	for row := range t.all {
		if t.all[row].ID == t.selected {
			t.Table.Select(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
	t.selected = 0
	t.showDetail(nil)
}

func (t *dealsTab) members(d *data.SwapDeal) string {
	names := make([]string, 0, len(d.Listings))
	for _, dl := range d.Listings {
		if dl.Listing != nil {
			names = append(names, dl.Listing.MemberName(t.s.GroupID()))
		}
	}
	return strings.Join(names, "、")
}

func (t *dealsTab) fillCell(row, col int, l *widget.Label) {
	d := &t.all[row]
	switch col {
	case 0:
		l.SetText(fmt.Sprintf("#%d", d.ID))
	case 1:
		l.SetText(d.State.Label())
	case 2:
		l.SetText(t.members(d))
	case 3:
		l.SetText(d.CreatedAt.In(t.s.env.Loc).Format(data.DateMinLayout))
	}
}

func (t *dealsTab) onSelected(row int) {
	if row < 0 || row >= len(t.all) {
		return
	}
	t.selected = t.all[row].ID
	t.showDetail(&t.all[row])
}

func (t *dealsTab) showDetail(d *data.SwapDeal) {
	if d == nil {
		t.Detail.SetText("在左边点选一条撮合，看它的挂单和记录。")
		t.CompleteBtn.Disable()
		t.CancelBtn.Disable()
		t.Award.Clear()
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "撮合 #%d：%s\n", d.ID, d.State.Label())
	for _, dl := range d.Listings {
		if l := dl.Listing; l != nil {
			fmt.Fprintf(&b, "· %s：有「%s」，想换「%s」\n", l.MemberName(t.s.GroupID()), l.HasLabel(), l.WantLabel())
		}
	}
	if d.Reason != "" {
		b.WriteString("配对理由：" + strings.ReplaceAll(d.Reason, "；", "\n") + "\n")
	}
	b.WriteString("记录：\n")
	for _, ev := range d.Events {
		fmt.Fprintf(&b, "%s  %s\n", ev.At.In(t.s.env.Loc).Format("01-02 15:04"), ev.Note)
	}
	t.Detail.SetText(strings.TrimSpace(b.String()))
	open := d.State == data.SwapDealMediating
	ui.Enable(t.CompleteBtn, open)
	ui.Enable(t.CancelBtn, open)
	t.showAward(d)
}

// showAward offers 完成置换 points to everyone in a completed deal, in one click.
func (t *dealsTab) showAward(d *data.SwapDeal) {
	if d.State != data.SwapDealCompleted {
		t.Award.Clear()
		return
	}
	members := make([]uint, 0, len(d.Listings))
	for _, dl := range d.Listings {
		members = append(members, dl.MemberID)
	}
	t.Award.Set(ui.Deed{Kind: data.LinkSwapDeal, ID: d.ID, Reason: points.Swap, GroupID: t.s.GroupID(),
		What: fmt.Sprintf("撮合 #%d", d.ID), Members: members})
}

// Move moves the selected deal to 已完成 or 已取消 with the typed note.
func (t *dealsTab) Move(to data.SwapDealState) {
	var d *data.SwapDeal
	for i := range t.all {
		if t.all[i].ID == t.selected {
			d = &t.all[i]
		}
	}
	if d == nil {
		return
	}
	e, id, from, note := t.s.env, d.ID, d.State, t.Note.Text
	e.Tasks.Run(func() {
		_, err := e.Store.MoveSwapDeal(id, from, to, note)
		fyne.Do(func() {
			if ve, ok := ui.IsValidation(err); ok {
				t.s.notice.Show(strings.Join(ui.MessagesOf(ve), "；"))
				return
			}
			switch {
			case errors.Is(err, data.ErrSwapMoved):
				t.s.notice.Show("这条撮合已经被标记过了，列表已刷新。")
			case err != nil:
				e.ShowError(err)
				return
			case to == data.SwapDealCompleted:
				t.s.notice.Show(fmt.Sprintf("撮合 #%d 已完成，几条挂单已成交", id))
			default:
				t.s.notice.Show(fmt.Sprintf("撮合 #%d 已取消，几条挂单重新开放配对", id))
			}
			t.Note.SetText("")
			t.s.Refresh()
		})
	})
}
