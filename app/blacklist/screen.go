// Package blacklist is the 失效名单 area: the resources marked 失效 (newest first,
// narrowed by supplier and reason) with their history, taking one off the list with a
// note, the 失效资源公示 post, and each supplier's reliability. The dialogs that mark
// and restore are here too; the catalog opens them through its Links. It sees data and
// app/ui only.
package blacklist

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/reliability"
)

const (
	allSuppliers = "全部供应商"
	noSupplier   = "未填供应商"
	allReasons   = "全部原因"
)

// Links are what the blacklist opens in other areas; the shell fills them in.
type Links struct {
	Catalog func() // the 资源库, where resources are marked 失效
}

// listColumns are the blacklist table's columns.
var listColumns = []ui.Column{
	{Title: "名称", Width: 240}, {Title: "原因", Width: 100}, {Title: "标记时间", Width: 140},
	{Title: "供应商", Width: 120}, {Title: "标记人", Width: 70}, {Title: "证据说明", Width: 260},
}

// Screen is the 失效名单 area: two tabs, the list and the suppliers' reliability.
type Screen struct {
	env    *ui.Env
	links  Links
	group  *data.Group
	latest ui.Latest

	entries   []data.BlacklistEntry
	suppliers []reliability.Record // every supplier, for the filter and the reliability tab
	percent   int                  // the warning line in force
	selected  int                  // index into entries, or -1
	loaded    bool

	Tabs       *container.AppTabs
	Supplier   *widget.Select
	Reason     *widget.Select
	Table      *ui.RecordTable
	Detail     *widget.Label
	Count      *widget.Label
	Empty      *ui.EmptyState
	RestoreBtn *widget.Button
	PostBtn    *widget.Button
	Reliab     *reliabilityTab
	Post       *PostDialog // the 公示 last opened
}

// NewScreen builds the screen; Refresh loads it.
func NewScreen(e *ui.Env, links Links) *Screen {
	s := &Screen{env: e, links: links, selected: -1, percent: reliability.DefaultPercent}
	s.Supplier = ui.NewSelect([]string{allSuppliers}, allSuppliers, func(string) { s.Refresh() })
	s.Reason = ui.NewSelect(append([]string{allReasons}, reasonLabels()...), allReasons, func(string) { s.Refresh() })
	s.Table = ui.NewRecordTable(listColumns, func() int { return len(s.entries) }, s.fillCell, s.onSelected)
	s.Table.RememberWidths(e, "column_widths_blacklist")
	s.Detail = widget.NewLabel("")
	s.Detail.Wrapping = fyne.TextWrapBreak
	s.Count = widget.NewLabel("")
	s.Empty = ui.NewEmptyState()
	s.RestoreBtn = widget.NewButtonWithIcon("移出失效名单…", theme.ContentUndoIcon(), s.onRestore)
	s.PostBtn = widget.NewButtonWithIcon("失效资源公示", theme.MailSendIcon(), s.onPost)
	s.PostBtn.Importance = widget.HighImportance
	s.Reliab = newReliabilityTab(s)
	s.showDetail()
	return s
}

// SetGroup follows the current group, which the 公示 is written for.
func (s *Screen) SetGroup(g *data.Group) { s.group = g }

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	filters := container.NewHBox(widget.NewLabel("供应商"), ui.Widen(s.Supplier, 180),
		widget.NewLabel("原因"), ui.Widen(s.Reason, 130))
	top := container.NewBorder(nil, nil, filters, s.PostBtn)
	detail := container.NewBorder(widget.NewSeparator(), nil, nil, nil,
		ui.WithMinHeight(container.NewVScroll(s.Detail), 96))
	bar := container.NewBorder(nil, nil, s.Count, s.RestoreBtn)
	list := container.NewBorder(top, container.NewVBox(detail, bar), nil, nil, s.Empty.OverTable(s.Table))
	s.Tabs = container.NewAppTabs(
		container.NewTabItem("失效名单", list),
		container.NewTabItem("供应商可靠度", s.Reliab.content()),
	)
	return s.Tabs
}

// filter is what the choices narrow the list to.
func (s *Screen) filter() data.BlacklistFilter {
	var f data.BlacklistFilter
	switch sel := s.Supplier.Selected; sel {
	case allSuppliers, "":
	case noSupplier:
		f.NoSupplier = true
	default:
		for _, r := range s.suppliers {
			if r.Name == sel {
				f.SupplierID = r.SupplierID
			}
		}
		if f.SupplierID == 0 {
			f.SupplierID = ^uint(0) // a supplier since deleted: nothing
		}
	}
	if r, ok := data.InvalidReasonByLabel(s.Reason.Selected); ok {
		f.Reason = r
	}
	return f
}

// Refresh reloads the list, the suppliers and the warning line.
func (s *Screen) Refresh() {
	n := s.latest.Next()
	f, e := s.filter(), s.env
	e.Tasks.Run(func() {
		entries, err := e.Store.Blacklist(f)
		sups, err2 := e.Store.SupplierReliability()
		percent, err3 := e.Store.SupplierWarnPercent()
		fyne.Do(func() {
			if !s.latest.Is(n) {
				return
			}
			if err := firstError(err, err2, err3); err != nil {
				e.ShowError(err)
				return
			}
			s.apply(entries, sups, percent)
		})
	})
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Screen) apply(entries []data.BlacklistEntry, sups []reliability.Record, percent int) {
	keep := uint(0)
	if s.selected >= 0 && s.selected < len(s.entries) {
		keep = s.entries[s.selected].Resource.ID
	}
	s.entries, s.suppliers, s.percent, s.loaded = entries, sups, percent, true
	opts := []string{allSuppliers, noSupplier}
	for _, r := range sups {
		opts = append(opts, r.Name)
	}
	s.Supplier.SetOptions(opts)
	s.selected = -1
	s.Table.UnselectAll()
	for i, en := range entries {
		if en.Resource.ID == keep {
			s.selected = i
			s.Table.Select(widget.TableCellID{Row: i, Col: 0})
		}
	}
	s.Table.Refresh()
	s.Count.SetText("共 " + strconv.Itoa(len(entries)) + " 个失效资源")
	s.showEmpty()
	s.showDetail()
	s.Reliab.apply(sups, percent)
}

func (s *Screen) showEmpty() {
	switch {
	case len(s.entries) > 0:
		s.Empty.Hide()
	case s.filter() != (data.BlacklistFilter{}):
		clear := widget.NewButton("显示全部", func() {
			s.Supplier.SetSelected(allSuppliers)
			s.Reason.SetSelected(allReasons)
		})
		s.Empty.Show("没有符合这些条件的失效资源。", clear)
	default:
		open := widget.NewButtonWithIcon("去资源库", theme.StorageIcon(), func() {
			if s.links.Catalog != nil {
				s.links.Catalog()
			}
		})
		s.Empty.Show("失效名单是空的。资源出了问题（卡密无效、过期、与描述不符、供应商失联），在资源库里选中它，点「标为失效…」。", open)
	}
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	en := &s.entries[row]
	switch col {
	case 0:
		l.SetText(en.Resource.Name)
	case 1:
		l.SetText(en.Mark.Reason.Label())
	case 2:
		l.SetText(en.Mark.At.In(s.env.Loc).Format("2006-01-02 15:04"))
	case 3:
		l.SetText(en.Resource.SupplierName())
	case 4:
		l.SetText(en.Mark.ByName)
	case 5:
		l.SetText(en.Mark.Note)
	}
}

func (s *Screen) onSelected(row int) {
	s.selected = row
	s.showDetail()
}

// current is the selected entry, or nil.
func (s *Screen) current() *data.BlacklistEntry {
	if s.selected < 0 || s.selected >= len(s.entries) {
		return nil
	}
	return &s.entries[s.selected]
}

// showDetail shows the selected resource's whole history, loaded when picked.
func (s *Screen) showDetail() {
	en := s.current()
	ui.Enable(s.RestoreBtn, en != nil)
	if en == nil {
		s.Detail.SetText("点选一行，这里显示它的全部失效记录；核实没问题了，可以「移出失效名单…」。")
		return
	}
	id, e := en.Resource.ID, s.env
	head := resourceLine(en.Resource)
	s.Detail.SetText(head)
	e.Tasks.Run(func() {
		evs, err := e.Store.ResourceHistory(id)
		fyne.Do(func() {
			if cur := s.current(); cur == nil || cur.Resource.ID != id {
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			s.Detail.SetText(head + "\n" + HistoryText(evs, e))
		})
	})
}

func (s *Screen) onRestore() {
	if en := s.current(); en != nil {
		ShowRestore(s.env, en.Resource, s.Refresh)
	}
}

func (s *Screen) onPost() {
	s.Post = showPost(s.env, s.group, s.filter())
}

// ShowPost opens the 失效资源公示 of the whole list (the 今日 home's 去公示), the
// filters set back to all.
func (s *Screen) ShowPost() {
	s.Supplier.SetSelected(allSuppliers)
	s.Reason.SetSelected(allReasons)
	s.Tabs.SelectIndex(0)
	s.onPost()
}
