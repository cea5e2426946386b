package sheet

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// NewResourcePlan classifies every data row of t under m against the catalog (as from
// data.Store.Resources, with categories and suppliers loaded). A resource is matched
// by name, ignoring case and surrounding spaces. Columns not mapped keep the existing
// resource's values; a mapped but empty cell clears the field, except 分类 and 状态,
// which keep the existing value (or opt.DefaultCategory and 上架 for new rows). Rows
// with nothing in any mapped column are skipped. The error is a *Error when m cannot
// be used, or when new resources would have no category.
func NewResourcePlan(t *Table, m ResourceMapping, catalog []data.Resource, opt Options) (*ResourcePlan, error) {
	if err := m.Check(t); err != nil {
		return nil, err
	}
	if m.Column(ResourceFieldCategory) < 0 && strings.TrimSpace(opt.DefaultCategory) == "" {
		return nil, refuse(ErrMapping, "表格里没有分类列，请选择新资源要放进哪个分类")
	}
	pl := resourcePlanner{m: m, opt: opt.withDefaults(), byName: indexByName(catalog), seen: make(map[string]int)}
	return newPlan(t, m, "资源", cloneResource, pl.row), nil
}

type resourcePlanner struct {
	m      ResourceMapping
	opt    Options
	byName map[string]*data.Resource
	seen   map[string]int // name key → line of its first row in the sheet
}

// nameKey is how names are compared: the store's, which refuses two names that differ
// only in case or width, so the import matches them the same way.
func nameKey(name string) string { return data.NameKey(name) }

func indexByName(catalog []data.Resource) map[string]*data.Resource {
	m := make(map[string]*data.Resource, len(catalog))
	for i := range catalog {
		k := nameKey(catalog[i].Name)
		if _, dup := m[k]; !dup {
			m[k] = &catalog[i]
		}
	}
	return m
}

// cloneResource copies r with its own supplier.
func cloneResource(r *data.Resource) *data.Resource {
	c := *r
	if r.Supplier != nil {
		s := *r.Supplier
		c.Supplier = &s
	}
	return &c
}

// row plans one data row.
func (pl *resourcePlanner) row(line int, cells []string) ResourceRow {
	row := ResourceRow{Line: line}
	row.Key = strings.TrimSpace(cells[pl.m.Column(ResourceFieldName)])
	row.Name = row.Key
	key := nameKey(row.Key)
	row.Existing = pl.byName[key]
	if first, dup := pl.seen[key]; dup && key != "" {
		row.Kind = RowInvalid
		row.Problems = []Problem{{Row: line, Field: ResourceFieldName.Label(), Reason: fmt.Sprintf("与第 %d 行重名", first)}}
		return row
	}
	pl.seen[key] = line
	base := data.ResourceDraft{Category: pl.opt.DefaultCategory}
	if row.Existing != nil {
		base = data.DraftOf(row.Existing, pl.opt.Loc)
	}
	r, err := pl.overlay(base, cells).Parse(row.Existing, pl.opt.Now, pl.opt.Loc)
	if err != nil {
		row.Kind = RowInvalid
		row.Problems = problems[ResourceField](line, err)
		return row
	}
	classify(&row, &r, base, pl.opt.Loc)
	row.Actions = append(row.Actions, blacklistActions(&row)...)
	return row
}

// overlay writes the mapped cells over d, the existing resource's draft or an empty
// one in the default category.
func (pl *resourcePlanner) overlay(d data.ResourceDraft, cells []string) data.ResourceDraft {
	for col, f := range pl.m.Columns {
		if f == ResourceFieldIgnore {
			continue
		}
		v := strings.TrimSpace(cells[col])
		if v == "" && (f == ResourceFieldCategory || f == ResourceFieldStatus) {
			continue // an empty category or status keeps what the resource has
		}
		if clean, ok := cellCleaners[f]; ok {
			v = clean(v)
		}
		*draftText[f](&d) = v
	}
	return d
}

// cellCleaners bring cells into the form data.ResourceDraft.Parse reads, for what
// spreadsheets write differently from the app's forms.
var cellCleaners = map[ResourceField]func(string) string{
	ResourceFieldValidFrom:  dropSeconds,
	ResourceFieldValidUntil: dropSeconds,
}

// secondsLayouts are date-times with seconds, as a CSV saved from a cell formatted
// yyyy/m/d h:mm:ss holds them.
var secondsLayouts = []string{"2006-1-2 15:04:05", "2006/1/2 15:04:05", "2006-01-02T15:04:05"}

// dropSeconds rewrites a date-time with seconds to the minute, which is as precise as
// deadlines are kept.
func dropSeconds(s string) string {
	if strings.Count(s, ":") != 2 {
		return s // the common case, checked without parsing
	}
	for _, layout := range secondsLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(data.DateMinLayout)
		}
	}
	return s
}

// classify sets the kind of a valid row, and the changes when it updates a resource
// whose draft was old.
func classify(row *ResourceRow, r *data.Resource, old data.ResourceDraft, loc *time.Location) {
	if row.Existing == nil {
		row.Kind, row.Record = RowNew, r
		return
	}
	row.Changes = diff(old, data.DraftOf(r, loc))
	if len(row.Changes) == 0 {
		row.Kind = RowUnchanged
		return
	}
	row.Kind, row.Record = RowChanged, r
}

// diff compares two resources as the owner sees them, so that 12.50 and 12.5, or a
// deadline written as a date and stored as its last minute, are the same.
func diff(old, new data.ResourceDraft) []Change[ResourceField] {
	var out []Change[ResourceField]
	for _, f := range resourceFields {
		o, n := *draftText[f](&old), *draftText[f](&new)
		if o != n {
			out = append(out, Change[ResourceField]{Field: f, Old: shown(f, o), New: shown(f, n)})
		}
	}
	return out
}

// shown is a field's text for a change list: an empty stock is 不限, other empty
// fields are 无.
func shown(f ResourceField, s string) string {
	if s == "" && f == ResourceFieldStock {
		return "不限"
	}
	return shownText(s)
}
