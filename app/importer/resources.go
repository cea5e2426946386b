package importer

import (
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// resourceImport brings a price list or an exported catalog into the catalog:
// resources are matched by name; new ones go into the chosen default category when
// the sheet has no 分类 column.
type resourceImport struct {
	mapping    sheet.Mapping
	catalog    []data.Resource
	categories []data.Category
	defaultCat *widget.Select
}

func (*resourceImport) title() string { return "导入资源" }

func (r *resourceImport) load(store *data.Store) error {
	catalog, err := store.Resources()
	cats, err2 := store.Categories()
	r.catalog, r.categories = catalog, cats
	return errors.Join(err, err2)
}

func (*resourceImport) fields() []string {
	opts := []string{sheet.FieldIgnore.Label()}
	for _, f := range sheet.Fields {
		opts = append(opts, f.Label())
	}
	return opts
}

func (r *resourceImport) detect(t *sheet.Table) {
	m, err := sheet.Detect(t)
	if err != nil {
		m = sheet.MapRow(t, 0) // no known column names: the owner maps the first row's
	}
	r.mapping = m
}

func (r *resourceImport) mapRow(t *sheet.Table, row int) { r.mapping = sheet.MapRow(t, row) }
func (r *resourceImport) headerRow() int                 { return r.mapping.HeaderRow }
func (r *resourceImport) field(col int) string           { return r.mapping.Columns[col].Label() }

func (r *resourceImport) setField(col int, label string) {
	f, _ := sheet.FieldByLabel(label)
	r.mapping.Set(col, f)
}

// options offers the category new resources go into.
func (r *resourceImport) options(onChange func()) fyne.CanvasObject {
	var names []string
	for _, c := range r.categories {
		names = append(names, c.Name)
	}
	first := ""
	if len(names) > 0 {
		first = names[0]
	}
	r.defaultCat = ui.NewSelect(names, first, func(string) { onChange() })
	return container.NewHBox(widget.NewLabel("  新资源默认分类"), r.defaultCat)
}

func (r *resourceImport) planner() planFunc {
	cat := ""
	if r.defaultCat != nil {
		cat = r.defaultCat.Selected
	}
	m, catalog := r.mapping, r.catalog
	m.Columns = slices.Clone(m.Columns)
	return func(t *sheet.Table, now time.Time, loc *time.Location) (plannedImport, error) {
		p, err := sheet.NewPlan(t, m, catalog, sheet.Options{DefaultCategory: cat, Now: now, Loc: loc})
		if err != nil {
			return nil, err
		}
		return resourcePlan{p}, nil
	}
}

// resourcePlan is a sheet.Plan as the wizard shows and saves it.
type resourcePlan struct{ *sheet.Plan }

func (p resourcePlan) rows() []plannedRow {
	rows := make([]plannedRow, len(p.Rows))
	for i := range p.Rows {
		r := &p.Rows[i]
		rows[i] = plannedRow{line: r.Line, kind: r.Kind, name: r.Name, detail: r.Detail()}
	}
	return rows
}

func (p resourcePlan) save(store *data.Store) (int, error) {
	rs := p.ToSave()
	return len(rs), store.SaveResources(rs)
}
