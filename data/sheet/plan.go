package sheet

import (
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// RowKind is what an import would do with one row.
type RowKind int

// The kinds of row in a plan.
const (
	RowNew       RowKind = iota // 新增: no known record matches the row
	RowChanged                  // 变更: updates the record the row matches
	RowUnchanged                // 不变: the record already looks like this
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

// Change is one field an import would change on a known record.
type Change[F Field] struct {
	Field    F
	Old, New string // as the owner reads them: 12.5, 不限, 管理员, 无
}

// String shows the change as 价格 12 → 10.5.
func (c Change[F]) String() string { return c.Field.Label() + " " + c.Old + " → " + c.New }

// Row is the plan for one data row of a sheet that imports records R (data.Resource,
// data.Member) from columns mapped to fields F.
type Row[F Field, R any] struct {
	Line int // the row number the owner sees in Excel or WPS
	Kind RowKind
	// Key is what matches the row to a known record, as the sheet has it, trimmed: a
	// resource's name, a member's QQ number.
	Key string
	// Name is what the owner calls the record: a resource's name; a member's group
	// card, else nickname, or empty when neither is known.
	Name     string
	Existing *R // the known record the row matches (points into the list given), or nil
	Record   *R // what would be saved, for new and changed rows; else nil
	// Actions are what a changed row does besides changing fields, in the owner's
	// words: 加入本群 when a known member gets a seat in the group.
	Actions  []string
	Changes  []Change[F] // for changed rows
	Problems []Problem   // for invalid rows, in column order
}

// ResourceRow is a row of a price list or an exported catalog.
type ResourceRow = Row[ResourceField, data.Resource]

// MemberRow is a row of a member list.
type MemberRow = Row[MemberField, data.Member]

// Detail is the row's actions and changes, or the reasons it is refused, on one line
// without the row number, for a preview list: 加入本群；群名片 无 → 广州-橘猫.
func (r *Row[F, R]) Detail() string {
	var parts []string
	if r.Kind == RowInvalid {
		for _, p := range r.Problems {
			parts = append(parts, p.Reason)
		}
		return strings.Join(parts, detailSep)
	}
	parts = append(parts, r.Actions...)
	for _, c := range r.Changes {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, detailSep)
}

// detailSep separates the parts of a row's detail.
const detailSep = "；"

// Plan is what importing a sheet of records R would do, row by row. Building it
// (NewResourcePlan, NewMemberPlan) reads nothing from the database and saves nothing:
// the owner reviews it, then the GUI saves ToSave().
type Plan[F Field, R any] struct {
	Rows   []Row[F, R]
	counts tally
	noun   string      // what is imported, for messages: 资源, 成员
	clone  func(*R) *R // a copy ToSave can hand out without sharing anything with the plan
}

// ResourcePlan imports a price list or an exported catalog into the catalog.
type ResourcePlan = Plan[ResourceField, data.Resource]

// MemberPlan imports a member list into one group.
type MemberPlan = Plan[MemberField, data.Member]

// newPlan plans every data row of t under m with planRow, skipping rows with nothing
// in any mapped column and refusing CSV rows that stop before a mapped column.
func newPlan[F Field, R any](t *Table, m Mapping[F], noun string, clone func(*R) *R,
	planRow func(line int, cells []string) Row[F, R]) *Plan[F, R] {
	p := &Plan[F, R]{Rows: make([]Row[F, R], 0, len(t.Rows)-m.HeaderRow-1), noun: noun, clone: clone}
	for i := m.HeaderRow + 1; i < len(t.Rows); i++ {
		if cells := t.Rows[i]; !m.blank(cells) {
			row := planRow(Line(i), cells)
			refuseShort(&row, t, m, i)
			p.Rows = append(p.Rows, row)
			p.counts.add(row.Kind)
		}
	}
	return p
}

// Count is the number of rows of kind k.
func (p *Plan[F, R]) Count(k RowKind) int { return p.counts.count(k) }

// Summary counts the rows in the owner's words: 新增 3 条，变更 1 条，不变 20 条，无效 2 条.
func (p *Plan[F, R]) Summary() string { return p.counts.summary() }

// Problems lists every invalid row's problems in sheet order.
func (p *Plan[F, R]) Problems() []Problem {
	var out []Problem
	for i := range p.Rows {
		out = append(out, p.Rows[i].Problems...)
	}
	return out
}

// Ready is nil when no row is invalid. A GUI that imports all or nothing calls it
// before saving and shows its message; one that imports the valid rows skips it.
func (p *Plan[F, R]) Ready() error { return p.counts.ready() }

// ToSave returns the new and changed rows' records in sheet order, for the store's
// Save… (data.Store.SaveResources, SaveMembers). Invalid rows are always left out, so
// saving imports the valid rows only (see Ready for all-or-nothing). Each call returns
// fresh copies, so a save that failed and was rolled back can be retried with a new
// call.
func (p *Plan[F, R]) ToSave() []*R {
	var out []*R
	for i := range p.Rows {
		r := p.Rows[i].Record
		switch {
		case r == nil:
		case p.clone != nil:
			out = append(out, p.clone(r))
		default:
			c := *r
			out = append(out, &c)
		}
	}
	return out
}

// ExplainSaveError turns what the store's Save… returned for ToSave() into a Chinese
// sentence naming the sheet row that was refused. Nothing was saved in either case.
func (p *Plan[F, R]) ExplainSaveError(err error) string {
	return explainSaveError(err, p.noun, func(index int) int {
		for i := range p.Rows {
			if p.Rows[i].Record == nil {
				continue
			}
			if index == 0 {
				return p.Rows[i].Line
			}
			index--
		}
		return 0
	})
}

// Options are what planning needs besides the sheet and the known records.
type Options struct {
	// DefaultCategory is the category of new resources when no column is mapped to
	// 分类 or the row's cell is empty; a member list does not use it.
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

// sameSet reports whether a and b hold the same values, in any order.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
