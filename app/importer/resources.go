package importer

import (
	"errors"
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
	columns[sheet.ResourceField]
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
	m, catalog := r.mapping.Clone(), r.catalog
	return func(t *sheet.Table, now time.Time, loc *time.Location) (plannedImport, error) {
		p, err := sheet.NewResourcePlan(t, m, catalog, sheet.Options{DefaultCategory: cat, Now: now, Loc: loc})
		return newPlanned(p, err, (*data.Store).SaveResources, resourceRowName)
	}
}
