package sheet

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// RowKind is what an import would do with one row.
type RowKind int

// The kinds of row in a plan.
const (
	RowNew       RowKind = iota // 新增: no resource has this name yet
	RowChanged                  // 变更: updates the resource with this name
	RowUnchanged                // 不变: the resource already looks like this
	RowInvalid                  // 无效: refused, with the reasons; never saved
)

// RowKinds lists the kinds in the order a summary shows them.
var RowKinds = []RowKind{RowNew, RowChanged, RowUnchanged, RowInvalid}

var rowKindLabels = [...]string{"新增", "变更", "不变", "无效"}

// Label is the kind in the owner's words.
func (k RowKind) Label() string {
	if k < 0 || int(k) >= len(rowKindLabels) {
		return ""
	}
	return rowKindLabels[k]
}

// Change is one field an import would change on an existing resource.
type Change struct {
	Field    Field
	Old, New string // as the owner reads them: 12.5, 不限, 无
}

// String shows the change as 价格 12 → 10.5.
func (c Change) String() string { return c.Field.Label() + " " + c.Old + " → " + c.New }

// Row is the plan for one data row of the sheet.
type Row struct {
	Line     int // the row number the owner sees in Excel or WPS
	Kind     RowKind
	Name     string
	Existing *data.Resource // the catalog's resource with this name (points into the catalog given), or nil
	Resource *data.Resource // what would be saved, for new and changed rows; else nil
	Changes  []Change       // for changed rows
	Problems []Problem      // for invalid rows, in column order
}

// Detail is the row's changes or the reasons it is refused on one line, without the
// row number, for a preview list: 价格 12 → 10.5；库存 20 → 15.
func (r *Row) Detail() string { return detail(r.Kind, r.Problems, r.Changes) }

func (r *Row) outcome() (line int, saved bool, problems []Problem) {
	return r.Line, r.Resource != nil, r.Problems
}

// Plan is what importing a sheet would do, row by row. Building it reads nothing from
// the database and saves nothing: the owner reviews it, then the GUI saves ToSave().
type Plan struct {
	Rows   []Row
	counts tally
}

// Count is the number of rows of kind k.
func (p *Plan) Count(k RowKind) int { return p.counts.count(k) }

// Summary counts the rows in the owner's words: 新增 3 条,变更 1 条,不变 20 条,无效 2 条.
func (p *Plan) Summary() string { return p.counts.summary() }

// Problems lists every invalid row's problems in sheet order.
func (p *Plan) Problems() []Problem { return rowProblems(p.Rows) }

// Ready is nil when no row is invalid. A GUI that imports all or nothing calls it
// before saving and shows its message; one that imports the valid rows skips it.
func (p *Plan) Ready() error { return p.counts.ready() }

// ToSave returns the new and changed rows' resources, in sheet order, for
// data.Store.SaveResources. Invalid rows are always left out, so saving imports the
// valid rows only (see Ready for all-or-nothing). Each call returns fresh copies, so
// a save that failed and was rolled back can be retried with a new call.
func (p *Plan) ToSave() []*data.Resource {
	var out []*data.Resource
	for i := range p.Rows {
		if r := p.Rows[i].Resource; r != nil {
			c := *r
			if r.Supplier != nil {
				s := *r.Supplier
				c.Supplier = &s
			}
			out = append(out, &c)
		}
	}
	return out
}

// ExplainSaveError turns what SaveResources returned for ToSave() into a Chinese
// sentence naming the sheet row that was refused. Nothing was saved in either case.
func (p *Plan) ExplainSaveError(err error) string { return explainSaveError(p.Rows, err, "资源") }

// Options are what NewPlan needs besides the sheet and the catalog.
type Options struct {
	// DefaultCategory is the category of new resources when no column is mapped to
	// 分类 or the row's cell is empty.
	DefaultCategory string
	// Now is the store's clock, for refusing deadlines already past and join dates in
	// the future; the zero time means the computer's clock.
	Now time.Time
	Loc *time.Location // dates in the sheet are read in this zone; nil means time.Local
}

// withDefaults fills in the clock and the zone when the caller left them out.
func (o Options) withDefaults() Options {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Loc == nil {
		o.Loc = time.Local
	}
	return o
}

// NewPlan classifies every data row of t under m against the catalog (as from
// data.Store.Resources, with categories and suppliers loaded). A resource is matched
// by name, ignoring case and surrounding spaces. Columns not mapped keep the existing
// resource's values; a mapped but empty cell clears the field, except 分类 and 状态,
// which keep the existing value (or DefaultCategory and 上架 for new rows). Rows with
// nothing in any mapped column are skipped. The error is a *Error when m cannot
// be used.
func NewPlan(t *Table, m Mapping, catalog []data.Resource, opt Options) (*Plan, error) {
	if err := m.Check(t, opt.DefaultCategory); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	pl := planner{t: t, m: m, opt: opt, byName: indexByName(catalog), seen: make(map[string]int)}
	p := &Plan{Rows: make([]Row, 0, len(t.Rows)-m.HeaderRow-1)}
	for i := m.HeaderRow + 1; i < len(t.Rows); i++ {
		if row, ok := pl.row(i); ok {
			p.Rows = append(p.Rows, row)
			p.counts.add(row.Kind)
		}
	}
	return p, nil
}

type planner struct {
	t      *Table
	m      Mapping
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

// row plans Rows[i]; ok is false for a blank row.
func (pl *planner) row(i int) (row Row, ok bool) {
	cells := pl.t.Rows[i]
	if blankRow(pl.m.Columns, cells) {
		return row, false
	}
	row.Line = Line(i)
	row.Name = strings.TrimSpace(cells[pl.m.Column(FieldName)])
	key := nameKey(row.Name)
	row.Existing = pl.byName[key]
	if first, dup := pl.seen[key]; dup && key != "" {
		row.Kind = RowInvalid
		row.Problems = []Problem{{Row: row.Line, Field: FieldName.Label(), Reason: fmt.Sprintf("与第 %d 行重名", first)}}
		return row, true
	}
	pl.seen[key] = row.Line
	base := data.ResourceDraft{Category: pl.opt.DefaultCategory}
	if row.Existing != nil {
		base = data.DraftOf(row.Existing, pl.opt.Loc)
	}
	r, err := pl.overlay(base, cells).Parse(row.Existing, pl.opt.Now, pl.opt.Loc)
	if err != nil {
		row.Kind = RowInvalid
		row.Problems = problems(row.Line, err, fieldLabel)
		return row, true
	}
	classify(&row, &r, base, pl.opt.Loc)
	return row, true
}

// overlay writes the mapped cells over d, the existing resource's draft or an empty
// one in the default category.
func (pl *planner) overlay(d data.ResourceDraft, cells []string) data.ResourceDraft {
	for col, f := range pl.m.Columns {
		if f == FieldIgnore {
			continue
		}
		v := strings.TrimSpace(cells[col])
		if v == "" && (f == FieldCategory || f == FieldStatus) {
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
var cellCleaners = map[Field]func(string) string{
	FieldValidFrom:  dropSeconds,
	FieldValidUntil: dropSeconds,
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
func classify(row *Row, r *data.Resource, old data.ResourceDraft, loc *time.Location) {
	if row.Existing == nil {
		row.Kind, row.Resource = RowNew, r
		return
	}
	row.Changes = diff(old, data.DraftOf(r, loc))
	if len(row.Changes) == 0 {
		row.Kind = RowUnchanged
		return
	}
	row.Kind, row.Resource = RowChanged, r
}

// diff compares two resources as the owner sees them, so that 12.50 and 12.5, or a
// deadline written as a date and stored as its last minute, are the same.
func diff(old, new data.ResourceDraft) []Change {
	var out []Change
	for _, f := range Fields {
		o, n := *draftText[f](&old), *draftText[f](&new)
		if o != n {
			out = append(out, Change{Field: f, Old: shown(f, o), New: shown(f, n)})
		}
	}
	return out
}

// shown is a field's text for a change list: an empty stock is 不限, other empty
// fields are 无.
func shown(f Field, s string) string {
	if s == "" && f == FieldStock {
		return "不限"
	}
	return shownText(s)
}
