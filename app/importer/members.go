package importer

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// memberImport brings a member list (from a QQ group tool, or kept in Excel) into one
// group: members are matched by QQ number across all groups, so someone already known
// from another group gets a seat here instead of a second record.
type memberImport struct {
	group    data.Group
	mapping  sheet.MemberMapping
	existing []data.Member
}

func (*memberImport) title() string { return "导入成员" }

func (m *memberImport) load(store *data.Store) error {
	existing, err := store.Members(0)
	m.existing = existing
	return err
}

func (*memberImport) fields() []string {
	opts := []string{sheet.MemberFieldIgnore.Label()}
	for _, f := range sheet.MemberFields {
		opts = append(opts, f.Label())
	}
	return opts
}

func (m *memberImport) detect(t *sheet.Table) {
	mm, err := sheet.DetectMembers(t)
	if err != nil {
		mm = sheet.MapMemberRow(t, 0) // no known column names: the owner maps the first row's
	}
	m.mapping = mm
}

func (m *memberImport) mapRow(t *sheet.Table, row int) { m.mapping = sheet.MapMemberRow(t, row) }
func (m *memberImport) headerRow() int                 { return m.mapping.HeaderRow }
func (m *memberImport) field(col int) string           { return m.mapping.Columns[col].Label() }

func (m *memberImport) setField(col int, label string) {
	f, _ := sheet.MemberFieldByLabel(label)
	m.mapping.Set(col, f)
}

// options says which group the list goes into: the current one.
func (m *memberImport) options(func()) fyne.CanvasObject {
	return widget.NewLabel("  导入到「" + m.group.Name + "」")
}

func (m *memberImport) planner() planFunc {
	mm, existing, groupID := m.mapping, m.existing, m.group.ID
	mm.Columns = slices.Clone(mm.Columns)
	return func(t *sheet.Table, now time.Time, loc *time.Location) (plannedImport, error) {
		p, err := sheet.NewMemberPlan(t, mm, existing, groupID, sheet.Options{Now: now, Loc: loc})
		if err != nil {
			return nil, err
		}
		return memberPlan{p}, nil
	}
}

// memberPlan is a sheet.MemberPlan as the wizard shows and saves it.
type memberPlan struct{ *sheet.MemberPlan }

func (p memberPlan) rows() []plannedRow {
	rows := make([]plannedRow, len(p.Rows))
	for i := range p.Rows {
		r := &p.Rows[i]
		name := r.Name
		if name == "" {
			name = r.QQ
		}
		rows[i] = plannedRow{line: r.Line, kind: r.Kind, name: name, detail: r.Detail()}
	}
	return rows
}

func (p memberPlan) save(store *data.Store) (int, error) {
	ms := p.ToSave()
	return len(ms), store.SaveMembers(ms)
}
