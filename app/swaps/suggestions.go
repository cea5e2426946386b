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
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// suggestionsTab lists the swaps the matching found, each with its reasons, a 撮合
// button that turns it into a deal and a button for the post to its members.
type suggestionsTab struct {
	s     *Screen
	all   []data.SwapSuggestion
	List  *widget.List
	empty *ui.EmptyState
	hint  *widget.Label
}

func newSuggestionsTab(s *Screen) *suggestionsTab {
	t := &suggestionsTab{s: s, empty: ui.NewEmptyState()}
	t.List = widget.NewList(func() int { return len(t.all) }, newSuggestionRow, t.updateRow)
	t.hint = widget.NewLabel("两人互换排在前，三人循环换在后；同一资源的配对排在只是同类或同名的前面。点「撮合」后这几条挂单转为撮合中。")
	t.hint.Wrapping = fyne.TextWrapBreak
	return t
}

func (t *suggestionsTab) content() fyne.CanvasObject {
	return container.NewBorder(t.hint, nil, nil, nil, t.empty.Over(t.List))
}

// newSuggestionRow is a title, up to three reason lines and the row's buttons.
func newSuggestionRow() fyne.CanvasObject {
	title := ui.Bold("")
	reasons := widget.NewLabel("\n\n")
	mediate := widget.NewButton("撮合", nil)
	mediate.Importance = widget.HighImportance
	post := widget.NewButton("配对公告", nil)
	return container.NewBorder(nil, nil, nil, container.NewVBox(mediate, post), container.NewVBox(title, reasons))
}

func (t *suggestionsTab) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(t.all) {
		return
	}
	sg := t.all[i]
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	buttons := row.Objects[1].(*fyne.Container)
	kind := "两人互换"
	if sg.Cycle {
		kind = "三人循环换"
	}
	if sg.New {
		kind += " · 新"
	}
	texts.Objects[0].(*widget.Label).SetText(kind)
	lines := append([]string(nil), sg.Reasons...)
	for len(lines) < 3 {
		lines = append(lines, "")
	}
	texts.Objects[1].(*widget.Label).SetText(strings.Join(lines, "\n"))
	buttons.Objects[0].(*widget.Button).OnTapped = func() { t.Mediate(i) }
	buttons.Objects[1].(*widget.Button).OnTapped = func() { t.Post(i) }
}

func (t *suggestionsTab) apply(ss []data.SwapSuggestion) {
	t.all = ss
	t.List.UnselectAll()
	t.List.Refresh()
	switch {
	case len(ss) > 0:
		t.empty.Hide()
	case len(t.s.Listings.all) == 0:
		t.empty.Show("还没有挂单，也就没有可配对的。先到「挂单」里记下群友有什么、想换什么。")
	default:
		t.empty.Show("暂时没有能换成的配对。挂单越多越容易配上：可以发「置换区公告」请大家来挂单。")
	}
}

// Mediate turns suggestion i into a deal the owner mediates (撮合中).
func (t *suggestionsTab) Mediate(i int) {
	if i < 0 || i >= len(t.all) {
		return
	}
	e, sg, gid := t.s.env, t.all[i], t.s.groupPtr()
	e.Tasks.Run(func() {
		d, err := e.Store.StartSwapDeal(gid, sg, "")
		fyne.Do(func() {
			switch {
			case errors.Is(err, data.ErrSwapTaken):
				t.s.notice.Show("这组配对里有挂单已经过期、撤下或在别的撮合里了，配对建议已刷新。")
			case err != nil:
				e.ShowError(err)
				return
			default:
				t.s.notice.Show(fmt.Sprintf("已开始撮合 #%d，可以在「撮合记录」里记下进展", d.ID))
				t.s.Deals.selected = d.ID
				t.s.Tabs.Select(t.s.dealsItem)
			}
			t.s.Refresh()
		})
	})
}

// Post shows the post that tells suggestion i's members about their swap.
func (t *suggestionsTab) Post(i int) {
	if i < 0 || i >= len(t.all) {
		return
	}
	e, sg := t.s.env, t.all[i]
	var g data.Group
	if t.s.Group != nil {
		g = *t.s.Group
	}
	e.Tasks.Run(func() {
		qqs, err := e.Store.MemberQQs()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			t.s.post = showPost(e, "配对公告", qqpost.SwapMatch(g, sg, qqs))
		})
	})
}
