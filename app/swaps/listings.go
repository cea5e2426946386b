package swaps

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

const (
	scopeOpen = "开放中"
	scopeAll  = "全部挂单"
)

var listingColumns = []ui.Column{
	{Title: "编号", Width: 50}, {Title: "状态", Width: 60}, {Title: "成员", Width: 110}, {Title: "手上有", Width: 170},
	{Title: "想换", Width: 170}, {Title: "到期", Width: 140}, {Title: "备注", Width: 160},
}

// listingsTab lists the listings; a new one comes from the form.
type listingsTab struct {
	s        *Screen
	all      []data.SwapListing
	shown    []int
	selected uint

	Scope                           *widget.Select
	Table                           *ui.RecordTable
	empty                           *ui.EmptyState
	count                           *widget.Label
	AddButton, WithdrawBtn, PostBtn *widget.Button
	emptyAdd                        *widget.Button
	Form                            *listingForm // the form last opened
}

func newListingsTab(s *Screen) *listingsTab {
	t := &listingsTab{s: s}
	t.Scope = ui.NewSelect([]string{scopeOpen, scopeAll}, scopeOpen, func(string) { t.narrow() })
	t.Table = ui.NewRecordTable(listingColumns, func() int { return len(t.shown) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_swaps")
	t.empty = ui.NewEmptyState()
	t.count = widget.NewLabel("")
	t.AddButton = widget.NewButtonWithIcon("新挂单", theme.ContentAddIcon(), t.onAdd)
	t.AddButton.Importance = widget.HighImportance
	t.emptyAdd = widget.NewButtonWithIcon("新挂单", theme.ContentAddIcon(), t.onAdd)
	t.WithdrawBtn = widget.NewButtonWithIcon("撤下挂单", theme.ContentRemoveIcon(), t.onWithdraw)
	t.WithdrawBtn.Disable()
	t.PostBtn = widget.NewButtonWithIcon("置换区公告", theme.MailSendIcon(), t.onPost)
	return t
}

func (t *listingsTab) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, container.NewHBox(t.Scope, t.count),
		container.NewHBox(t.WithdrawBtn, t.PostBtn, t.AddButton))
	return container.NewBorder(top, nil, nil, nil, t.empty.OverTable(t.Table))
}

func (t *listingsTab) apply(ls []data.SwapListing) {
	t.all = ls
	t.narrow()
}

func (t *listingsTab) narrow() {
	now := t.s.env.Now()
	t.shown = t.shown[:0]
	open := 0
	for i := range t.all {
		l := &t.all[i]
		isOpen := l.State == data.SwapListingOpen && !l.Expired(now)
		if isOpen {
			open++
		}
		if isOpen || t.Scope.Selected == scopeAll {
			t.shown = append(t.shown, i)
		}
	}
	t.count.SetText("")
	if len(t.all) > 0 {
		t.count.SetText(fmt.Sprintf("共 %d 条，开放中 %d 条", len(t.all), open))
	}
	t.Table.UnselectAll()
	t.Table.Refresh()
	t.WithdrawBtn.Disable()
	switch {
	case !t.s.loaded || len(t.shown) > 0:
		t.empty.Hide()
	case len(t.all) == 0:
		t.empty.Show("置换区还没有挂单。群友说「我有…想换…」时，点「新挂单」记下TA有什么、想换什么；"+
			"挂单多了，「配对建议」会自动找出能换成的人。", t.emptyAdd)
	default:
		t.empty.Show("没有开放中的挂单：过期、撤下和已成交的在「全部挂单」里。")
	}
}

func (t *listingsTab) fillCell(row, col int, l *widget.Label) {
	x := &t.all[t.shown[row]]
	now := t.s.env.Now()
	l.Importance = widget.MediumImportance
	if x.Expired(now) || x.State == data.SwapListingWithdrawn {
		l.Importance = widget.LowImportance
	}
	switch col {
	case 0:
		l.SetText(fmt.Sprintf("#%d", x.ID))
	case 1:
		l.SetText(x.StateLabel(now))
	case 2:
		l.SetText(x.MemberName(t.s.GroupID()))
	case 3:
		l.SetText(x.HasLabel())
	case 4:
		l.SetText(x.WantLabel())
	case 5:
		l.SetText(x.ExpiresAt.In(t.s.env.Loc).Format(data.DateMinLayout))
	case 6:
		l.SetText(x.Note)
	}
}

func (t *listingsTab) onSelected(row int) {
	if row < 0 || row >= len(t.shown) {
		return
	}
	x := &t.all[t.shown[row]]
	t.selected = x.ID
	ui.Enable(t.WithdrawBtn, x.State == data.SwapListingOpen)
}

func (t *listingsTab) onAdd() {
	t.Form = newListingForm(t.s.env, t.s.Group, t.onSaved)
	t.Form.show()
}

func (t *listingsTab) onSaved(l data.SwapListing) {
	t.s.notice.Show(fmt.Sprintf("已挂单 #%d，%s 前有效", l.ID, l.ExpiresAt.In(t.s.env.Loc).Format("01-02 15:04")))
	t.s.Refresh()
}

func (t *listingsTab) onWithdraw() {
	id, e := t.selected, t.s.env
	if id == 0 {
		return
	}
	ui.Confirm(e.Win, "撤下挂单", fmt.Sprintf("撤下挂单 #%d？撤下后不再参与配对。", id), "撤下", func() {
		e.Tasks.Run(func() {
			err := e.Store.WithdrawSwapListing(id)
			fyne.Do(func() {
				if err != nil {
					t.s.notice.Show("这条挂单已经不是开放状态了（可能已在撮合中或已成交），列表已刷新。")
				} else {
					t.s.notice.Show(fmt.Sprintf("已撤下挂单 #%d", id))
				}
				t.s.Refresh()
			})
		})
	})
}

// onPost shows the swap board: the open listings by category.
func (t *listingsTab) onPost() {
	e, ls := t.s.env, t.all
	var g data.Group
	if t.s.Group != nil {
		g = *t.s.Group
	}
	e.Tasks.Run(func() {
		cats, err := e.Store.Categories()
		var qqs []string
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			t.s.post = showPost(e, "置换区公告", qqpost.SwapBoard(g, ls, cats, e.Now(), e.Loc, qqs))
		})
	})
}
