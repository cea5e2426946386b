// Package importer is the import wizard: a sheet (Excel or CSV) of resources or of
// members is read, its columns are mapped, every row is previewed, and all of it is saved
// in one transaction. A group's member list also comes straight from QQ (pasted page by
// page, or saved as .json): it needs no columns and has its own preview, with the members
// no longer in a complete list (members_source.go, qqlist_preview.go). It sees data,
// data/sheet, data/qqlist and app/ui, and no other area.
package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

const allRowKinds = "全部行"

// importer is what a sheet is imported into: the catalog (a supplier's price list, an
// exported catalog) or the current group's members (a member list from a QQ tool).
// The wizard is the same for both; the importer knows the columns and the rules.
type importer interface {
	title() string
	load(store *data.Store) error // what planning compares against, off the UI goroutine
	fields() []string             // what a column can hold, 不导入 first
	detect(t *sheet.Table)        // find the header row, else take the first row
	mapRow(t *sheet.Table, row int)
	headerRow() int
	field(col int) string
	setField(col int, label string)
	options(onChange func()) fyne.CanvasObject // choices beside the header row, or nil
	// planner copies the mapping and the options' choices, on the UI goroutine, into
	// work that plans off it: the owner may change a column while the plan is made.
	planner() planFunc
}

// planFunc plans an import from a copy of the owner's choices; it touches no widget.
type planFunc func(t *sheet.Table, now time.Time, loc *time.Location) (plannedImport, error)

// plannedImport is what importing would do, row by row, and how to do it.
type plannedImport interface {
	Summary() string
	Count(sheet.RowKind) int
	Ready() error
	ExplainSaveError(error) string
	rows() []plannedRow
	save(store *data.Store) (int, error) // all or nothing
}

// plannedRow is one row of a plan as the preview lists it.
type plannedRow struct {
	line   int
	kind   sheet.RowKind
	name   string
	detail string
}

// importWizard imports a sheet: the owner checks what each column holds, reviews
// every row (new, changed, unchanged, invalid with reasons), and commits all of it in
// one transaction.
type importWizard struct {
	env      *ui.Env
	into     importer
	fileName string
	table    *sheet.Table
	plan     plannedImport
	all      []plannedRow
	shown    []int // indexes into all
	onDone   func()
	latest   ui.Latest // the newest plan; an older one that arrives late is dropped

	headerRow   *widget.Select
	columns     []*widget.Select
	summary     *widget.Label
	kindFilter  *widget.Select
	rows        *widget.List
	skipInvalid *widget.Check
	importBtn   *widget.Button
	cancelBtn   *widget.Button
	dlg         dialog.Dialog
}

// Resources imports a supplier's price list or an exported catalog into the catalog;
// onDone runs after a successful import.
func Resources(e *ui.Env, onDone func()) { start(e, &resourceImport{}, onDone) }

// start asks for the file, reads it off the UI goroutine and opens the wizard.
func start(e *ui.Env, into importer, onDone func()) {
	// .xls is listed too: the reader tells the owner how to save it as .xlsx, where a
	// chooser that hid it would leave them looking for their price list.
	c := ui.NewFileChooser(e, ui.PurposeImport, ui.ChooseOpen, []string{".xlsx", ".csv", ".xls"}, func(path string) {
		e.Tasks.Run(func() { readImport(e, into, path, onDone) })
	})
	c.Show(into.title()+"：选择表格（Excel 或 CSV）", "", "")
}

// readImport reads the chosen file and what it is compared against, then opens the
// wizard (returned for tests; nil when the file was refused).
func readImport(e *ui.Env, into importer, path string, onDone func()) *importWizard {
	t, err := readTable(path)
	return openWizard(e, into, filepath.Base(path), t, err, onDone)
}

// openWizard loads what the sheet t (or the error reading it) is compared against and
// opens the wizard, off the UI goroutine; nil when the sheet was refused.
func openWizard(e *ui.Env, into importer, name string, t *sheet.Table, err error, onDone func()) *importWizard {
	var loadErr error
	if err == nil {
		loadErr = into.load(e.Store)
	}
	var w *importWizard
	fyne.DoAndWait(func() {
		switch {
		case err != nil:
			ui.ShowMessage(e.Win, "无法导入这个文件", sheetProblem(err))
		case loadErr != nil:
			e.ShowError(loadErr)
		default:
			w = &importWizard{env: e, into: into, fileName: name, table: t, onDone: onDone}
			w.show()
		}
	})
	return w
}

func readTable(path string) (*sheet.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &sheet.Error{Message: "打不开这个文件，请确认它没有被删除、移动或在别的程序里打开。", Err: err}
	}
	defer f.Close()
	return sheet.Read(f)
}

// sheetProblem is the sheet package's Chinese message, or a general one.
func sheetProblem(err error) string {
	if se, ok := err.(*sheet.Error); ok {
		return se.Message
	}
	return "读取文件时出错了。请确认它是 Excel（.xlsx）或 CSV 文件，并且没有在别的程序里打开。"
}

func (w *importWizard) show() {
	w.into.detect(w.table)
	w.buildWidgets()
	header := container.NewHBox(widget.NewLabel("表头在第"), w.headerRow, widget.NewLabel("行"))
	if opts := w.into.options(w.replan); opts != nil {
		header.Add(opts)
	}
	mapping := container.NewVBox(header, container.NewGridWithColumns(3, w.columnCells()...))
	preview := container.NewBorder(container.NewBorder(nil, nil, nil, w.kindFilter, w.summary), nil, nil, nil, w.rows)
	buttons := container.NewHBox(w.skipInvalid, ui.LayoutSpacer(), w.cancelBtn, w.importBtn)
	body := container.NewBorder(
		container.NewVBox(ui.Bold("1. 确认每一列是什么"), ui.WithMinHeight(container.NewVScroll(mapping), 170),
			widget.NewSeparator(), ui.Bold("2. 检查每一行")),
		buttons, nil, nil, preview)
	w.dlg = dialog.NewCustomWithoutButtons(w.into.title()+"："+w.fileName, body, w.env.Win)
	w.dlg.Resize(fyne.NewSize(1000, 700))
	w.dlg.Show()
	ui.EscCloses(w.env.Win, w.dlg)
	w.replan()
}

func (w *importWizard) buildWidgets() {
	var rowsOpts []string
	for i := 0; i < len(w.table.Rows) && i < 10; i++ {
		rowsOpts = append(rowsOpts, ui.Itoa(sheet.Line(i)))
	}
	header := ""
	if r := w.into.headerRow(); r >= 0 {
		header = ui.Itoa(sheet.Line(r))
	}
	w.headerRow = ui.NewSelect(rowsOpts, header, w.onHeaderRowChanged)
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapBreak
	w.kindFilter = ui.NewSelect(rowKindOptions(), allRowKinds, func(string) { w.applyFilter() })
	w.rows = widget.NewList(func() int { return len(w.shown) }, newImportRow, w.updateRow)
	w.skipInvalid = widget.NewCheck("跳过无效的行，只导入有效的", func(bool) { w.updateButton() })
	w.importBtn = widget.NewButton("导入", w.onImport)
	w.importBtn.Importance = widget.HighImportance
	w.cancelBtn = widget.NewButton("取消", func() { w.dlg.Hide() })
	w.columns = nil
	for col := 0; col < w.table.Width(); col++ {
		w.columns = append(w.columns, ui.NewSelect(w.into.fields(), w.into.field(col), func(label string) { w.onColumnChanged(col, label) }))
	}
}

func rowKindOptions() []string {
	opts := []string{allRowKinds}
	for _, k := range sheet.RowKinds {
		opts = append(opts, k.Label())
	}
	return opts
}

func (w *importWizard) onColumnChanged(col int, label string) {
	w.into.setField(col, label)
	w.syncColumns()
	w.replan()
}

// columnCells shows each column as 「A 列 商品名称」 beside its field picker.
func (w *importWizard) columnCells() []fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for col, s := range w.columns {
		header := ""
		if r := w.into.headerRow(); r >= 0 && r < len(w.table.Rows) {
			header = w.table.Rows[r][col]
		}
		label := widget.NewLabel(sheet.ColumnName(col) + " 列 " + header)
		label.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, container.NewBorder(nil, nil, nil, s, label))
	}
	return cells
}

// syncColumns shows the mapping in the pickers, after a field moved away from another
// column or a new header row was read, without firing their handlers.
func (w *importWizard) syncColumns() {
	for col, s := range w.columns {
		if want := w.into.field(col); s.Selected != want {
			s.Selected = want
			s.Refresh()
		}
	}
}

func (w *importWizard) onHeaderRowChanged(string) {
	w.into.mapRow(w.table, w.headerRow.SelectedIndex())
	w.syncColumns()
	w.replan()
}

// replan classifies every row again off the UI goroutine; it reads nothing from the
// database. Only the newest plan is applied, so the plan that is saved is always the
// one of the mapping on screen.
func (w *importWizard) replan() {
	if w.summary == nil {
		return
	}
	n, plan, t, e := w.latest.Next(), w.into.planner(), w.table, w.env
	w.importBtn.Disable() // until the plan of the mapping on screen is there
	e.Tasks.Run(func() {
		p, err := plan(t, e.Now(), e.Loc)
		fyne.Do(func() {
			if w.latest.Is(n) {
				w.applyPlan(p, err)
			}
		})
	})
}

func (w *importWizard) applyPlan(plan plannedImport, err error) {
	w.plan, w.all = plan, nil
	if err != nil {
		w.plan = nil
		w.summary.Importance = widget.DangerImportance
		w.summary.SetText(sheetProblem(err))
	} else {
		w.summary.Importance = widget.MediumImportance
		w.all = plan.rows()
	}
	w.applyFilter()
}

func (w *importWizard) applyFilter() {
	w.shown = w.shown[:0]
	for i, r := range w.all {
		if w.kindFilter.Selected == allRowKinds || r.kind.Label() == w.kindFilter.Selected {
			w.shown = append(w.shown, i)
		}
	}
	w.rows.Refresh()
	w.updateButton()
}

func newImportRow() fyne.CanvasObject {
	kind := widget.NewLabel("")
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, kind, nil, detail)
}

func (w *importWizard) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(w.shown) {
		return
	}
	r := w.all[w.shown[id]]
	c := o.(*fyne.Container)
	detail, kind := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
	kind.SetText(fmt.Sprintf("第 %d 行 %s", r.line, r.kind.Label()))
	kind.Importance = rowKindImportance(r.kind)
	kind.Refresh()
	text := r.name
	switch {
	case text == "":
		text = r.detail
	case r.detail != "":
		text += "：" + r.detail // the row number is already in front, in kind
	}
	detail.SetText(text)
}

func rowKindImportance(k sheet.RowKind) widget.Importance {
	switch k {
	case sheet.RowNew:
		return widget.SuccessImportance
	case sheet.RowChanged:
		return widget.WarningImportance
	case sheet.RowInvalid:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

func (w *importWizard) toSave() int {
	if w.plan == nil {
		return 0
	}
	return w.plan.Count(sheet.RowNew) + w.plan.Count(sheet.RowChanged)
}

func (w *importWizard) updateButton() {
	n := w.toSave()
	w.importBtn.SetText(fmt.Sprintf("导入 %d 条", n))
	invalid := w.plan != nil && w.plan.Count(sheet.RowInvalid) > 0
	blocked := invalid && !w.skipInvalid.Checked
	ui.Enable(w.importBtn, n > 0 && !blocked)
	if w.plan != nil {
		summary := w.plan.Summary()
		if blocked {
			summary += "。有无效的行时不导入：请改正表格后重新导入，或勾选下方「跳过无效的行」。"
		}
		w.summary.SetText(summary)
	}
}

// onImport saves every new and changed row in one transaction: all or none.
func (w *importWizard) onImport() {
	plan := w.plan
	if plan == nil {
		return
	}
	if !w.skipInvalid.Checked {
		if err := plan.Ready(); err != nil {
			ui.ShowMessage(w.env.Win, "还不能导入", sheetProblem(err))
			return
		}
	}
	w.importBtn.Disable()
	e := w.env
	e.RunWithProgress(w.into.title(), fmt.Sprintf("正在保存 %d 条，全部保存好之前可以取消，取消后什么都不会改变。", w.toSave()),
		func(ctx context.Context, _ ui.Report) error {
			_, err := plan.save(e.Store.WithContext(ctx))
			return err
		},
		func(err error) { w.saved(plan, err) })
}

// saved tells the owner how the import went; a failed or cancelled one saved nothing.
func (w *importWizard) saved(plan plannedImport, err error) {
	switch {
	case ui.Cancelled(err):
		w.updateButton()
		ui.ShowMessage(w.env.Win, "已取消导入", "这次导入已取消，没有保存任何一条，原有数据不变。")
	case err != nil:
		w.updateButton()
		w.env.Log.Error("import", "err", err)
		ui.ShowMessage(w.env.Win, "没有导入", plan.ExplainSaveError(err))
	default:
		w.dlg.Hide()
		ui.ShowMessage(w.env.Win, "导入完成", fmt.Sprintf("已导入 %d 条（%s）。", w.toSave(), plan.Summary()))
		if w.onDone != nil {
			w.onDone()
		}
	}
}
