package members

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// suggestions lists the need tags members' requests suggest; the owner accepts
// (采纳: the member gets the tag) or dismisses (忽略) each, and a dismissed one never
// comes back. Nothing is tagged without the owner's answer.
type suggestions struct {
	s      *Screen
	items  []data.TagSuggestion
	latest ui.Latest

	summary *widget.Label
	list    *widget.List
	empty   *ui.EmptyState
	dlg     dialog.Dialog
}

func (s *Screen) onSuggestions() {
	g := &suggestions{s: s}
	g.summary = widget.NewLabel("正在根据成员的求购找建议…")
	g.summary.Wrapping = fyne.TextWrapBreak
	g.list = widget.NewList(func() int { return len(g.items) }, g.newRow, g.updateRow)
	g.empty = ui.NewEmptyState()
	body := container.NewBorder(g.summary, nil, nil, nil, g.empty.Over(g.list))
	g.dlg = dialog.NewCustom("建议标签", "关闭", body, s.env.Win)
	g.dlg.Resize(fyne.NewSize(820, 560))
	g.dlg.Show()
	ui.EscCloses(s.env.Win, g.dlg)
	s.profile.sugDlg = g
	g.load()
}

func (g *suggestions) load() {
	e, gid := g.s.env, g.s.groupID()
	e.Load(&g.latest, func() (func(), error) {
		items, err := e.Store.SuggestedTags(gid)
		return func() {
			g.items = items
			g.show()
		}, err
	})
}

func (g *suggestions) show() {
	g.list.Refresh()
	if len(g.items) == 0 {
		g.summary.SetText("现在没有建议。")
		g.empty.Show("成员多次求同一款游戏或应用、经常来求资源或专找便宜时，这里会建议给TA加上对应的标签。先在「需求」里记下群友的求购。")
		return
	}
	g.empty.Hide()
	g.summary.SetText(fmt.Sprintf("根据成员的求购，有 %d 条标签建议。点「采纳」给TA加上，点「忽略」以后不再建议。", len(g.items)))
}

// suggestionRow is one suggestion: what and why, with its two answers.
type suggestionRow struct {
	widget.BaseWidget
	text    *widget.Label
	accept  *widget.Button
	dismiss *widget.Button
}

func (g *suggestions) newRow() fyne.CanvasObject {
	r := &suggestionRow{text: widget.NewLabel(""), accept: widget.NewButton("采纳", nil), dismiss: widget.NewButton("忽略", nil)}
	r.text.Truncation = fyne.TextTruncateClip
	r.accept.Importance = widget.HighImportance
	r.ExtendBaseWidget(r)
	return r
}

func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(r.accept, r.dismiss), r.text))
}

func (g *suggestions) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*suggestionRow)
	it := g.items[i]
	r.text.SetText(it.Member + "：" + kindLabel(it.Kind) + "「" + it.Value + "」  —  " + it.Reason)
	r.accept.OnTapped = func() { g.decide(it, true) }
	r.dismiss.OnTapped = func() { g.decide(it, false) }
}

func kindLabel(k data.TagKind) string {
	for _, b := range bulkKinds {
		if b.kind == k {
			return b.label
		}
	}
	return ""
}

// decide keeps the owner's answer, then takes the suggestion off the list.
func (g *suggestions) decide(it data.TagSuggestion, accept bool) {
	e, s := g.s.env, g.s
	e.Tasks.Run(func() {
		err := e.Store.DecideTag(it.MemberID, it.Kind, it.Value, accept)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			for i, x := range g.items {
				if x == it {
					g.items = append(g.items[:i:i], g.items[i+1:]...)
					break
				}
			}
			g.show()
			if accept {
				s.Refresh()
			}
		})
	})
}
