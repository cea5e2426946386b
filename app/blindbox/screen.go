// Package blindbox is the 资源盲盒 area under 活动: boxes of resources drawn among the
// members who enter with a demand, by a draw anyone can verify (data/draw). The list of
// boxes sits beside the chosen box's detail — contents, entries (one by one or pasted
// from QQ chat lines), close and draw, winners with redraw and shares — and the 验证
// tab recomputes any published draw from its seed and list. It sees data (and its pure
// rules) and app/ui.
package blindbox

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var boxColumns = []ui.Column{
	{Title: "盲盒", Width: 170}, {Title: "状态", Width: 66}, {Title: "报名截止", Width: 130}, {Title: "中奖人数", Width: 70},
}

// Screen is the box list with the chosen box's detail, and the 验证 tab.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	boxes    []data.BlindBox
	selected uint
	latest   ui.Latest
	loaded   bool

	Tabs      *container.AppTabs
	table     *ui.RecordTable
	empty     *ui.EmptyState
	emptyAdd  *widget.Button
	AddButton *widget.Button
	notice    *ui.Notice
	Detail    *Detail
	Verify    *VerifyPane
	Form      *boxForm // the form last opened
}

// NewScreen builds the area; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.table = ui.NewRecordTable(boxColumns, func() int { return len(s.boxes) }, s.fillCell, s.onRowSelected)
	s.empty = ui.NewEmptyState()
	s.emptyAdd = widget.NewButtonWithIcon("新建盲盒", theme.ContentAddIcon(), s.onAdd)
	s.AddButton = widget.NewButtonWithIcon("新建盲盒", theme.ContentAddIcon(), s.onAdd)
	s.AddButton.Importance = widget.HighImportance
	s.notice = ui.NewNotice(e)
	s.Detail = newDetail(e, s.onChanged)
	s.Verify = newVerifyPane()
	top := container.NewBorder(nil, nil, nil, s.AddButton, s.notice.Content())
	split := container.NewHSplit(s.empty.OverTable(s.table), s.Detail.content())
	split.Offset = 0.4
	s.Tabs = container.NewAppTabs(
		container.NewTabItem("盲盒", container.NewBorder(top, nil, nil, nil, split)),
		container.NewTabItem("验证", s.Verify.content()),
	)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject { return s.Tabs }

// Refresh reloads the boxes of the current group.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		bs, err := e.Store.Boxes(gid)
		return func() {
			s.boxes, s.loaded = bs, true
			s.apply()
		}, err
	})
}

func (s *Screen) apply() {
	s.table.UnselectAll()
	s.table.Refresh()
	if s.loaded && len(s.boxes) == 0 {
		s.empty.Show("还没有资源盲盒。点「新建盲盒」放进几样资源、定好中奖人数和报名时间；"+
			"开始报名后把开盒公告发到群里，群友发“参加盲盒 求…”即可报名，开奖结果人人可验证。", s.emptyAdd)
	} else {
		s.empty.Hide()
	}
	for row := range s.boxes {
		if s.boxes[row].ID == s.selected {
			s.table.Select(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
	s.selected = 0
	s.Detail.clear()
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	b := &s.boxes[row]
	l.Importance = widget.MediumImportance
	switch col {
	case 0:
		l.SetText(b.Title)
	case 1:
		l.SetText(b.State.Label())
		if b.State == data.BoxOpen && !s.env.Now().Before(b.ClosesAt) || b.State == data.BoxClosed {
			l.Importance = widget.DangerImportance
		}
	case 2:
		l.SetText(b.ClosesAt.In(s.env.Loc).Format(data.DateMinLayout))
	case 3:
		l.SetText(fmt.Sprint(b.Winners))
	}
}

func (s *Screen) onRowSelected(row int) {
	if row < 0 || row >= len(s.boxes) {
		return
	}
	s.selected = s.boxes[row].ID
	s.Detail.load(s.selected, s.Group)
}

// ShowBox selects box id once the list is loaded (the 今日 home points at it).
func (s *Screen) ShowBox(id uint) {
	s.Tabs.SelectIndex(0)
	s.selected = id
}

func (s *Screen) onAdd() {
	s.Form = newBoxForm(s.env, s.Group, func(b data.BlindBox) {
		s.selected = b.ID
		s.notice.Show("已新建盲盒「" + b.Title + "」，准备好后点「开始报名」")
		s.Refresh()
	})
	s.Form.show()
}

func (s *Screen) onChanged(done string) {
	if done != "" {
		s.notice.Show(done)
	}
	s.Refresh()
}

// showErr says why an action failed; a move the box's state no longer allows is told
// plainly.
func showErr(e *ui.Env, err error) {
	switch {
	case errors.Is(err, data.ErrBoxState):
		ui.ShowMessage(e.Win, "没有完成", "盲盒的状态已经变了（可能已截止或已开奖），请看刷新后的状态再操作。")
	case errors.Is(err, data.ErrNoneLeft):
		ui.ShowMessage(e.Win, "没有完成", "所有报名的人都已抽过，没有人可以补抽了。")
	default:
		e.ShowError(err)
	}
}
