package rewards

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var recordColumns = []ui.Column{
	{Title: "编号", Width: 50}, {Title: "状态", Width: 60}, {Title: "成员", Width: 140}, {Title: "商品", Width: 180},
	{Title: "积分", Width: 60}, {Title: "兑换时间", Width: 130},
}

// recordsTab lists the redemptions, 待发放 first (oldest first); the selected one shows
// its detail, a note and 发放 / 撤销.
type recordsTab struct {
	s        *Screen
	all      []data.Redemption
	selected uint

	Table              *ui.RecordTable
	empty              *ui.EmptyState
	Detail             *widget.Label
	Note               *ui.Entry
	GiveBtn, CancelBtn *widget.Button
	detailBox          fyne.CanvasObject
}

const recordHint = "在左边点选一条兑换，发放后点「发放」；群友不要了就点「撤销」，积分会退回。"

func newRecordsTab(s *Screen) *recordsTab {
	t := &recordsTab{s: s, empty: ui.NewEmptyState()}
	t.Table = ui.NewRecordTable(recordColumns, func() int { return len(t.all) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_redemptions")
	t.Detail = widget.NewLabel(recordHint)
	t.Detail.Wrapping = fyne.TextWrapBreak
	t.Note = ui.NewMultiLineEntry()
	t.Note.SetPlaceHolder("备注（可不填），如：卡密已私聊发给TA")
	t.Note.SetMinRowsVisible(2)
	t.GiveBtn = widget.NewButton("发放", t.confirmGive)
	t.GiveBtn.Importance = widget.HighImportance
	t.CancelBtn = widget.NewButton("撤销", t.confirmCancel)
	t.GiveBtn.Disable()
	t.CancelBtn.Disable()
	// The buttons right under the detail, not at the pane's foot: a short window keeps them in view.
	t.detailBox = container.NewVScroll(container.NewVBox(t.Detail, t.Note, container.NewHBox(t.GiveBtn, t.CancelBtn)))
	return t
}

func (t *recordsTab) content() fyne.CanvasObject {
	split := container.NewHSplit(t.empty.OverTable(t.Table), t.detailBox)
	split.Offset = 0.62
	return split
}

func (t *recordsTab) apply(rs []data.Redemption) {
	t.all = rs
	t.Table.UnselectAll()
	t.Table.Refresh()
	if len(rs) == 0 && t.s.loaded {
		t.empty.Show("还没有兑换。群友攒够积分来找你时，点上面的「兑换」记一笔；商品先在「兑换商品」里添加。")
	} else {
		t.empty.Hide()
	}
	t.reselect()
}

// reselect selects the redemption last selected, if it is still listed.
func (t *recordsTab) reselect() {
	for row := range t.all {
		if t.all[row].ID == t.selected {
			t.Table.Select(widget.TableCellID{Row: row, Col: 0})
			t.showDetail(&t.all[row])
			return
		}
	}
	t.selected = 0
	t.showDetail(nil)
}

func (t *recordsTab) fillCell(row, col int, l *widget.Label) {
	r := &t.all[row]
	switch col {
	case 0:
		l.SetText(fmt.Sprintf("#%d", r.ID))
	case 1:
		l.SetText(r.State.Label())
	case 2:
		l.SetText(r.MemberName(t.s.GroupID()))
	case 3:
		l.SetText(r.ItemName)
	case 4:
		l.SetText(fmt.Sprint(r.Price))
	case 5:
		l.SetText(r.CreatedAt.In(t.s.env.Loc).Format(data.DateMinLayout))
	}
}

func (t *recordsTab) onSelected(row int) {
	if row < 0 || row >= len(t.all) {
		return
	}
	t.selected = t.all[row].ID
	t.showDetail(&t.all[row])
}

func (t *recordsTab) current() *data.Redemption {
	for i := range t.all {
		if t.all[i].ID == t.selected {
			return &t.all[i]
		}
	}
	return nil
}

func (t *recordsTab) showDetail(r *data.Redemption) {
	if r == nil {
		t.Detail.SetText(recordHint)
		t.GiveBtn.Disable()
		t.CancelBtn.Disable()
		return
	}
	loc := t.s.env.Loc
	var b strings.Builder
	fmt.Fprintf(&b, "兑换 #%d：%s\n", r.ID, r.State.Label())
	fmt.Fprintf(&b, "成员：%s\n", r.MemberName(t.s.GroupID()))
	fmt.Fprintf(&b, "商品：%s（%d 分）\n", r.ItemName, r.Price)
	if r.BadgeID != nil && r.Item != nil {
		fmt.Fprintf(&b, "身份标识「%s」已在兑换时授予；发放时可在QQ群里给TA设置同名头衔。\n", r.Item.BadgeName)
	}
	fmt.Fprintf(&b, "兑换时间：%s\n", r.CreatedAt.In(loc).Format(data.DateMinLayout))
	if r.GivenAt != nil {
		fmt.Fprintf(&b, "发放时间：%s\n", r.GivenAt.In(loc).Format(data.DateMinLayout))
	}
	if r.CancelledAt != nil {
		fmt.Fprintf(&b, "撤销时间：%s（已退回 %d 分）\n", r.CancelledAt.In(loc).Format(data.DateMinLayout), r.Price)
	}
	if r.Note != "" {
		b.WriteString("备注：" + r.Note + "\n")
	}
	t.Detail.SetText(strings.TrimSpace(b.String()))
	open := r.State == data.RedemptionPending
	ui.Enable(t.GiveBtn, open)
	ui.Enable(t.CancelBtn, open)
}

func (t *recordsTab) confirmGive() {
	r := t.current()
	if r == nil {
		return
	}
	text := fmt.Sprintf("确认已把「%s」发给 %s 了吗？发放后不能再撤销。", r.ItemName, r.MemberName(t.s.GroupID()))
	ui.Confirm(t.s.env.Win, "发放", text, "已发放", func() { t.Move(data.RedemptionGiven) })
}

func (t *recordsTab) confirmCancel() {
	r := t.current()
	if r == nil {
		return
	}
	text := fmt.Sprintf("撤销 %s 兑换的「%s」吗？%d 分会退回给TA，库存也会加回去。", r.MemberName(t.s.GroupID()), r.ItemName, r.Price)
	if r.BadgeID != nil {
		text += "兑换得到的身份标识会收回。"
	}
	ui.Confirm(t.s.env.Win, "撤销兑换", text, "撤销", func() { t.Move(data.RedemptionCancelled) })
}

// Move gives (已发放) or cancels (已撤销) the selected redemption with the typed note.
func (t *recordsTab) Move(to data.RedemptionState) {
	r := t.current()
	if r == nil {
		return
	}
	e, id, note, name := t.s.env, r.ID, t.Note.Text, r.MemberName(t.s.GroupID())
	price := r.Price
	e.Tasks.Run(func() {
		var err error
		if to == data.RedemptionGiven {
			_, err = e.Store.GiveRedemption(id, note)
		} else {
			_, err = e.Store.CancelRedemption(id, note)
		}
		fyne.Do(func() {
			if ve, ok := ui.IsValidation(err); ok {
				t.s.notice.Show(strings.Join(ui.MessagesOf(ve), "；"))
				return
			}
			switch {
			case errors.Is(err, data.ErrRedemptionMoved):
				t.s.notice.Show("这条兑换已经发放或撤销过了，列表已刷新。")
			case err != nil:
				e.ShowError(err)
				return
			case to == data.RedemptionGiven:
				t.s.notice.Show(fmt.Sprintf("兑换 #%d 已发放", id))
			default:
				t.s.notice.Show(fmt.Sprintf("兑换 #%d 已撤销，%d 分已退回给 %s", id, price, name))
			}
			t.Note.SetText("")
			t.s.changed()
		})
	})
}
