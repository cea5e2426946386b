package importer

import (
	"cmp"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// columns is the half of an importer that every kind of sheet shares: the mapping the
// owner edits, over the kind's fields F (sheet.ResourceField, sheet.MemberField).
type columns[F sheet.Field] struct {
	mapping sheet.Mapping[F]
}

// fields lists what a column can hold, 不导入 first, in the form's order.
func (*columns[F]) fields() []string {
	var ignore F
	opts := []string{ignore.Label()}
	for _, f := range sheet.Fields[F]() {
		opts = append(opts, f.Label())
	}
	return opts
}

func (c *columns[F]) detect(t *sheet.Table) {
	m, err := sheet.Detect[F](t)
	if err != nil {
		m = sheet.MapRow[F](t, 0) // no known column names: the owner maps the first row's
	}
	c.mapping = m
}

func (c *columns[F]) mapRow(t *sheet.Table, row int) { c.mapping = sheet.MapRow[F](t, row) }
func (c *columns[F]) headerRow() int                 { return c.mapping.HeaderRow }
func (c *columns[F]) field(col int) string           { return c.mapping.Columns[col].Label() }

func (c *columns[F]) setField(col int, label string) {
	f, _ := sheet.FieldByLabel[F](label)
	c.mapping.Set(col, f)
}

// planned is a sheet plan of records R as the wizard shows and saves it; saveAll is
// the store's all-or-nothing save for R ((*data.Store).SaveResources, SaveMembers),
// rowName what the preview calls a row from its name and key (resourceRowName,
// memberRowName).
type planned[F sheet.Field, R any] struct {
	*sheet.Plan[F, R]
	saveAll func(*data.Store, []*R) error
	rowName func(name, key string) string
}

// newPlanned wraps what a sheet.New…Plan returned for the wizard.
func newPlanned[F sheet.Field, R any](p *sheet.Plan[F, R], err error, saveAll func(*data.Store, []*R) error,
	rowName func(name, key string) string) (plannedImport, error) {
	if err != nil {
		return nil, err
	}
	return planned[F, R]{p, saveAll, rowName}, nil
}

// rows lists the plan for the preview.
func (p planned[F, R]) rows() []plannedRow {
	rows := make([]plannedRow, len(p.Rows))
	for i := range p.Rows {
		r := &p.Rows[i]
		rows[i] = plannedRow{line: r.Line, kind: r.Kind, name: p.rowName(r.Name, r.Key), detail: r.Detail()}
	}
	return rows
}

// resourceRowName is a resource's name: its key is the name as the sheet spells it.
func resourceRowName(name, key string) string { return cmp.Or(name, key) }

// memberRowName is a member's group card or nickname with the QQ number in full, as
// 温柔的西瓜（QQ 1029266057）: nicknames repeat, the number tells members apart, and
// this preview is the owner's own screen, not a post.
func memberRowName(name, qq string) string {
	switch {
	case qq == "":
		return name
	case name == "":
		return "QQ " + qq
	}
	return name + "（QQ " + qq + "）"
}

func (p planned[F, R]) save(store *data.Store) (int, error) {
	records := p.ToSave()
	return len(records), p.saveAll(store, records)
}
