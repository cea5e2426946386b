package sheet

import (
	"slices"
	"strings"
)

// headerSearchRows is how far down Detect looks for the header, past a title or a
// note the owner put above the table.
const headerSearchRows = 10

// Mapping says which row of a table is the header and what each column holds, as
// fields of one kind F. The GUI shows it and lets the owner change it before planning
// an import.
type Mapping[F Field] struct {
	HeaderRow int // index in Table.Rows of the header; data starts on the next row
	Columns   []F // one per table column; the zero field for a column not imported
}

// ResourceMapping maps the columns of a price list or an exported catalog.
type ResourceMapping = Mapping[ResourceField]

// MemberMapping maps the columns of a member list.
type MemberMapping = Mapping[MemberField]

// Detect finds the header: the first of the top rows that names at least two known
// fields of kind F. Without one it returns ErrNoHeader and a mapping of no column,
// and the GUI can let the owner pick the header row for MapRow.
func Detect[F Field](t *Table) (Mapping[F], error) {
	for i := 0; i < len(t.Rows) && i < headerSearchRows; i++ {
		if m := MapRow[F](t, i); m.mapped() >= 2 {
			return m, nil
		}
	}
	return Mapping[F]{HeaderRow: -1, Columns: make([]F, t.Width())},
		refuse(ErrNoHeader, "没有在表格前 %d 行找到表头，请确认表格有一行列名（如 %s），或手动指定表头所在的行",
			headerSearchRows, kindOf[F]().example)
}

// MapRow reads row as the header. When two columns name the same field, the first
// one is used and the other ignored; a row outside the table maps no column.
func MapRow[F Field](t *Table, row int) Mapping[F] {
	m := Mapping[F]{HeaderRow: row, Columns: make([]F, t.Width())}
	if row < 0 || row >= len(t.Rows) {
		return m
	}
	for col, header := range t.Rows[row] {
		if f := MatchField[F](header); f != "" && m.Column(f) < 0 {
			m.Columns[col] = f
		}
	}
	return m
}

// Clone copies m, so that the owner can go on changing one while the other plans.
func (m Mapping[F]) Clone() Mapping[F] {
	m.Columns = slices.Clone(m.Columns)
	return m
}

// mapped counts the columns that are imported.
func (m Mapping[F]) mapped() int {
	n := 0
	for _, f := range m.Columns {
		if f != "" {
			n++
		}
	}
	return n
}

// Column is the index of the column mapped to f, or -1.
func (m Mapping[F]) Column(f F) int {
	if f == "" {
		return -1
	}
	return slices.Index(m.Columns, f)
}

// Set maps column col to f (the zero field to leave it out). A field goes into one
// column only, so a column that had f before is ignored from now on.
func (m *Mapping[F]) Set(col int, f F) {
	if col < 0 || col >= len(m.Columns) {
		return
	}
	if prev := m.Column(f); prev >= 0 {
		m.Columns[prev] = ""
	}
	m.Columns[col] = f
}

// Check says whether m can plan an import of t: it fits the table, maps only known
// fields, each once, and maps the field every import of the kind needs (the name of
// a resource, the QQ number of a member). Failures are *Error with ErrMapping.
func (m Mapping[F]) Check(t *Table) error {
	if m.HeaderRow < 0 || m.HeaderRow >= len(t.Rows) || len(m.Columns) != t.Width() {
		return refuse(ErrMapping, "请先指定表头所在的行")
	}
	k := kindOf[F]()
	for i, f := range m.Columns {
		if !k.known(string(f)) {
			return refuse(ErrMapping, "列的用途「%s」无法识别，请重新选择", string(f))
		}
		if f != "" && m.Column(f) != i {
			return refuse(ErrMapping, "有两列都选成了「%s」，请只保留一列", f.Label())
		}
	}
	if m.Column(F(k.required)) < 0 {
		return refuse(ErrMapping, "%s", k.missing)
	}
	return nil
}

// blank reports whether no mapped cell of a row holds anything.
func (m Mapping[F]) blank(cells []string) bool {
	for col, f := range m.Columns {
		if f != "" && strings.TrimSpace(cells[col]) != "" {
			return false
		}
	}
	return true
}
