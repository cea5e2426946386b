package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

const (
	allCategories = "全部分类"
	allStates     = "全部状态"
)

// resourceColumns are the catalog table's columns: title and width.
var resourceColumns = []column{
	{"名称", 260}, {"分类", 80}, {"价格", 80}, {"原价", 80}, {"兑换方式", 100},
	{"库存", 70}, {"截止", 140}, {"状态", 70},
}

// resourcesScreen is the catalog (资源库): a searchable, filterable table of every
// resource, with add, edit, 下架 and delete.
type resourcesScreen struct {
	env        *env
	group      *data.Group
	all        []data.Resource
	shown      []int // indexes into all, in table order
	categories []data.Category
	filter     data.ResourceFilter
	selected   int           // index into all, or -1
	form       *resourceForm // the add/edit form last opened

	search      *widget.Entry
	category    *widget.Select
	state       *widget.Select
	table       *widget.Table
	count       *widget.Label
	addButton   *widget.Button
	importBtn   *widget.Button
	exportBtn   *widget.Button
	catsButton  *widget.Button
	selection   *widget.Label
	editButton  *widget.Button
	postButton  *widget.Button
	shelfButton *widget.Button
	deleteBtn   *widget.Button
}

func newResourcesScreen(e *env) *resourcesScreen {
	s := &resourcesScreen{env: e, selected: -1}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("搜索名称、标签、拼音或首字母,如 wzry")
	s.search.OnChanged = s.onSearchChanged
	s.category = newSelect([]string{allCategories}, allCategories, s.onCategoryChanged)
	s.state = newSelect(stateOptions(), allStates, s.onStateChanged)
	s.table = newRecordTable(resourceColumns, func() int { return len(s.shown) }, s.fillCell, s.onRowSelected)
	s.count = widget.NewLabel("")
	s.addButton = widget.NewButtonWithIcon("新增资源", theme.ContentAddIcon(), s.onAdd)
	s.addButton.Importance = widget.HighImportance
	s.importBtn = widget.NewButtonWithIcon("导入表格", theme.UploadIcon(), s.onImport)
	s.exportBtn = widget.NewButtonWithIcon("导出", theme.DownloadIcon(), s.onExport)
	s.catsButton = widget.NewButtonWithIcon("分类管理", theme.ListIcon(), s.onCategories)
	s.selection = widget.NewLabel("点选一行,可以编辑、发上新公告、下架或删除")
	s.editButton = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), s.onEdit)
	s.postButton = widget.NewButtonWithIcon("上新公告", theme.MailSendIcon(), s.onNewStockPost)
	s.shelfButton = widget.NewButtonWithIcon("下架", theme.VisibilityOffIcon(), s.onToggleShelf)
	s.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.updateActions()
	return s
}

func stateOptions() []string {
	opts := []string{allStates}
	for _, st := range data.ResourceStates {
		opts = append(opts, string(st))
	}
	return opts
}

func (s *resourcesScreen) content() fyne.CanvasObject {
	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.category, s.state), s.search)
	buttons := container.NewHBox(s.addButton, s.importBtn, s.exportBtn, s.catsButton)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, filters))
	actions := container.NewHBox(s.editButton, s.postButton, s.shelfButton, s.deleteBtn)
	bottom := container.NewBorder(nil, nil, s.count, actions, s.selection)
	return container.NewBorder(top, bottom, nil, nil, s.table)
}

// refresh reloads the catalog and categories from the store.
func (s *resourcesScreen) refresh() {
	s.env.tasks.run(func() {
		rs, err := s.env.store.Resources()
		cats, err2 := s.env.store.Categories()
		fyne.Do(func() {
			if err = errors.Join(err, err2); err != nil {
				showError(s.env.win, err)
				return
			}
			s.apply(rs, cats)
		})
	})
}

func (s *resourcesScreen) apply(rs []data.Resource, cats []data.Category) {
	var keepID uint
	if s.selected >= 0 && s.selected < len(s.all) {
		keepID = s.all[s.selected].ID
	}
	s.all, s.categories = rs, cats
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
}

// applyFilter recomputes the shown rows; it only compares precomputed keys, so it
// runs on every keystroke.
func (s *resourcesScreen) applyFilter() {
	s.shown = data.FilterResources(s.all, s.filter, s.env.now(), s.shown)
	s.count.SetText(fmt.Sprintf("共 %d 条,显示 %d 条", len(s.all), len(s.shown)))
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateActions()
}

func (s *resourcesScreen) onSearchChanged(text string) {
	s.filter.Query = data.ParseQuery(text)
	s.applyFilter()
}

func (s *resourcesScreen) onCategoryChanged(name string) {
	s.filter.CategoryID = 0
	for _, c := range s.categories {
		if c.Name == name {
			s.filter.CategoryID = c.ID
		}
	}
	s.applyFilter()
}

func (s *resourcesScreen) onStateChanged(label string) {
	s.filter.State = ""
	if label != allStates {
		s.filter.State = data.ResourceState(label)
	}
	s.applyFilter()
}

func (s *resourcesScreen) fillCell(row, col int, l *widget.Label) {
	text, importance := resourceCell(&s.all[s.shown[row]], col, s.env)
	l.Importance = importance
	l.SetText(text)
}

// resourceCell is the text of one catalog cell and how loudly to show it.
func resourceCell(r *data.Resource, col int, e *env) (string, widget.Importance) {
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
		return data.FormatDate(r.ValidUntil, e.loc), widget.MediumImportance
	}
	st := r.StateAt(e.now())
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

func (s *resourcesScreen) onRowSelected(row int) {
	s.selected = s.shown[row]
	s.updateActions()
}
