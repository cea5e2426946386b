// Package catalog is the 资源库 area: the searchable, filterable table of every
// resource, its add/edit form, categories, and the actions on one resource. It sees data
// and app/ui; what it opens elsewhere (imports, 上新 posts) comes in through Links.
package catalog

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

const (
	allCategories = "全部分类"
	allStates     = "全部状态"
	stateExpiring = "3天内到期"
	stateLowStock = "库存不足"
)

// attentionStates are the state choices that show what the 今日 home counts.
var attentionStates = map[string]data.Attention{
	stateExpiring: data.AttentionExpiring,
	stateLowStock: data.AttentionLowStock,
}

// resourceColumns are the catalog table's columns: title and width.
var resourceColumns = []ui.Column{
	{Title: "名称", Width: 260}, {Title: "分类", Width: 80}, {Title: "价格", Width: 80}, {Title: "原价", Width: 80}, {Title: "兑换方式", Width: 100},
	{Title: "库存", Width: 70}, {Title: "截止", Width: 140}, {Title: "状态", Width: 70},
}

// Screen is the catalog (资源库): a searchable, filterable table of every
// resource, with add, edit, 下架 and delete.
type Screen struct {
	env        *ui.Env
	links      Links
	group      *data.Group
	all        []data.Resource
	shown      []int // indexes into all, in table order
	categories []data.Category
	filter     data.ResourceFilter
	selected   int           // index into all, or -1
	latest     ui.Latest     // the newest load; an older one that arrives late is dropped
	form       *resourceForm // the add/edit form last opened
	loaded     bool          // the first load arrived: an empty list now means an empty catalog
	savedID    uint          // the resource just saved: the reload selects it

	search      *ui.Entry
	category    *widget.Select
	state       *widget.Select
	table       *ui.RecordTable
	detail      *ui.RecordDetail // the selected resource in full: cells clip long values
	empty       *ui.EmptyState   // what to do when the table shows nothing
	emptyAdd    *widget.Button
	emptyImport *widget.Button
	clearFilter *widget.Button
	count       *widget.Label
	notice      *ui.Notice // 已保存 for a moment after a save
	addButton   *widget.Button
	importBtn   *widget.Button
	exportBtn   *widget.Button
	catsButton  *widget.Button
	selection   *widget.Label
	editButton  *widget.Button
	postButton  *widget.Button
	matchBtn    *widget.Button // 适合的成员
	shelfButton *widget.Button
	invalidBtn  *widget.Button // 标为失效… or 移出失效名单… (see blacklist.go)
	deleteBtn   *widget.Button
	Award       *ui.AwardButton // 分享资源 points for the member who shared the selected resource
	awardFor    uint            // the resource Award was set for
}

// Links are what the catalog opens in other areas; the shell fills them in, so the
// catalog depends on no other area.
type Links struct {
	ImportResources func(onDone func())                  // the import wizard for a price list
	NewStockPost    func(g *data.Group, r data.Resource) // the 上新 post of one resource
	Matching        func(g *data.Group, r data.Resource) // the members one resource fits (精准匹配)
	MarkInvalid     func(r data.Resource, done func())   // put one resource on the blacklist, with a reason
	RestoreInvalid  func(r data.Resource, done func())   // take one off it, with a note
}

// NewScreen builds the catalog screen; Refresh loads it.
func NewScreen(e *ui.Env, links Links) *Screen {
	s := &Screen{env: e, links: links, selected: -1}
	s.search = ui.NewEntry()
	s.search.SetPlaceHolder("搜索名称、标签、拼音或首字母，如 wzry")
	s.search.OnChanged = s.onSearchChanged
	s.category = ui.NewSelect([]string{allCategories}, allCategories, s.onCategoryChanged)
	s.state = ui.NewSelect(stateOptions(), allStates, s.onStateChanged)
	s.table = ui.NewRecordTable(resourceColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.table.RememberWidths(e, "column_widths_catalog")
	s.detail = ui.NewRecordDetail("点选一行，这里显示它的全部内容。拖动表头里两列之间的分隔线，可以调整列宽。")
	s.newEmptyState()
	s.count = widget.NewLabel("")
	s.notice = ui.NewNotice(e)
	s.addButton = widget.NewButtonWithIcon("新增资源", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon("导入表格", theme.UploadIcon(), s.onImport)
	s.exportBtn = widget.NewButtonWithIcon("导出", theme.DownloadIcon(), s.onExport)
	s.catsButton = widget.NewButtonWithIcon("分类管理", theme.ListIcon(), s.onCategories)
	s.selection = widget.NewLabel("点选一行，可以编辑、发上新公告、下架或删除")
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.postButton = widget.NewButtonWithIcon("上新公告", theme.MailSendIcon(), s.onNewStockPost)
	s.matchBtn = widget.NewButtonWithIcon("适合的成员", theme.AccountIcon(), s.onMatch)
	s.shelfButton = widget.NewButtonWithIcon("下架", theme.VisibilityOffIcon(), s.onToggleShelf)
	s.invalidBtn = widget.NewButtonWithIcon("标为失效…", theme.ErrorIcon(), s.onInvalid)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.Award = ui.NewAwardButton(e, s.notice.Show)
	s.updateActions()
	return s
}

func stateOptions() []string {
	opts := []string{allStates}
	for _, st := range data.ResourceStates {
		opts = append(opts, string(st))
	}
	return append(opts, stateExpiring, stateLowStock)
}

func (s *Screen) Content() fyne.CanvasObject {
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.category, s.state), s.search)
	buttons := container.NewHBox(s.addButton, s.importBtn, s.exportBtn, s.catsButton)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, filters))
	actions := container.NewHBox(s.editButton, s.postButton, s.matchBtn, s.shelfButton, s.invalidBtn, s.Award.Button, s.deleteBtn)
	bar := container.NewBorder(nil, nil, s.count, actions, container.NewHBox(s.notice.Content(), s.selection))
	bottom := container.NewVBox(s.detail.Content(), bar)
	return container.NewBorder(top, bottom, nil, nil, s.empty.OverTable(s.table))
}

// Refresh reloads the catalog and categories from the store.
func (s *Screen) Refresh() {
	n := s.latest.Next()
	s.env.Tasks.Run(func() {
		rs, err := s.env.Store.Resources()
		cats, err2 := s.env.Store.Categories()
		low, err3 := s.env.Store.LowStockThreshold()
		fyne.Do(func() {
			if !s.latest.Is(n) {
				return
			}
			if err = errors.Join(err, err2, err3); err != nil {
				s.env.ShowError(err)
				return
			}
			s.filter.LowStock = low
			s.apply(rs, cats)
		})
	})
}

func (s *Screen) apply(rs []data.Resource, cats []data.Category) {
	var keepID uint
	if s.selected >= 0 && s.selected < len(s.all) {
		keepID = s.all[s.selected].ID
	}
	s.all, s.categories = rs, cats
	s.loaded = true
	s.selected = -1
	for i := range rs {
		if rs[i].ID == keepID && keepID != 0 {
			s.selected = i
		}
	}
	opts := []string{allCategories}
	for _, c := range cats {
		opts = append(opts, c.Name)
	}
	s.category.SetOptions(opts)
	s.applyFilter()
	s.showSaved()
}

// applyFilter recomputes the shown rows; it only compares precomputed keys, so it
// runs on every keystroke.
func (s *Screen) applyFilter() {
	s.shown = data.FilterResources(s.all, s.filter, s.env.Now(), s.shown)
	s.count.SetText(fmt.Sprintf("共 %d 条，显示 %d 条", len(s.all), len(s.shown)))
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateActions()
	s.showDetail(s.current())
	s.updateEmptyState()
}

func (s *Screen) onSearchChanged(text string) {
	s.filter.Query = data.ParseQuery(text)
	s.applyFilter()
}

func (s *Screen) onCategoryChanged(name string) {
	s.filter.CategoryID = 0
	for _, c := range s.categories {
		if c.Name == name {
			s.filter.CategoryID = c.ID
		}
	}
	s.applyFilter()
}

func (s *Screen) onStateChanged(label string) {
	s.filter.State, s.filter.Attention = "", attentionStates[label]
	if label != allStates && s.filter.Attention == data.AttentionNone {
		s.filter.State = data.ResourceState(label)
	}
	s.applyFilter()
}

// ShowNeeding narrows the catalog to what the 今日 home pointed at: resources in state
// st, or (st empty) those needing attention a; search and category are cleared.
func (s *Screen) ShowNeeding(st data.ResourceState, a data.Attention) {
	s.search.SetText("")
	s.category.SetSelected(allCategories)
	label := string(st)
	for l, at := range attentionStates {
		if st == "" && at == a {
			label = l
		}
	}
	s.state.SetSelected(label)
}

func (s *Screen) fillCell(row, col int, l *widget.Label) {
	text, importance := resourceCell(&s.all[s.shown[row]], col, s.env)
	l.Importance = importance
	l.SetText(text)
}

// resourceCell is the text of one catalog cell and how loudly to show it.
func resourceCell(r *data.Resource, col int, e *ui.Env) (string, widget.Importance) {
	switch col {
	case 0:
		return r.Name, widget.MediumImportance
	case 1:
		return r.Category.Name, widget.MediumImportance
	case 2:
		return "¥" + data.Yuan(r.PriceCents), widget.MediumImportance
	case 3:
		if r.OriginalPriceCents == 0 {
			return "", widget.MediumImportance
		}
		return "¥" + data.Yuan(r.OriginalPriceCents), widget.LowImportance
	case 4:
		return r.Redeem, widget.MediumImportance
	case 5:
		return r.StockText(), widget.MediumImportance
	case 6:
		return data.FormatDate(r.ValidUntil, e.Loc), widget.MediumImportance
	}
	st := r.StateAt(e.Now())
	return string(st), stateImportance(st)
}

func stateImportance(st data.ResourceState) widget.Importance {
	switch st {
	case data.StateOnSale:
		return widget.SuccessImportance
	case data.StateSoldOut, data.StateUpcoming:
		return widget.WarningImportance
	case data.StateInvalid, data.StateExpired:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func (s *Screen) onRowSelected(row int) {
	s.selected = s.shown[row]
	s.updateActions()
	s.showDetail(s.current())
}

// All is every resource the screen loaded; Shown counts those the filters let through.
func (s *Screen) All() []data.Resource { return s.all }

// Shown counts the rows the table shows.
func (s *Screen) Shown() int { return len(s.shown) }

// Search types text into the search box, as the owner does.
func (s *Screen) Search(text string) { s.search.SetText(text) }
