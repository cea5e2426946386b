package sheet

import "strings"

// headerSearchRows is how far down Detect looks for the header, past a title or a
// note the owner put above the table.
const headerSearchRows = 10

// Mapping says which row of a table is the header and what each column holds. The GUI
// shows it and lets the owner change it before planning an import.
type Mapping struct {
	HeaderRow int     // index in Table.Rows of the header; data starts on the next row
	Columns   []Field // one per table column; FieldIgnore for a column not imported
}

// Detect finds the header: the first of the top rows that names at least two known
// fields. Without one it returns ErrNoHeader, and the GUI can let the owner pick the
// header row for MapRow.
func Detect(t *Table) (Mapping, error) {
	for i := 0; i < len(t.Rows) && i < headerSearchRows; i++ {
		m := MapRow(t, i)
		if m.mapped() >= 2 {
			return m, nil
		}
	}
	return Mapping{HeaderRow: -1, Columns: make([]Field, t.Width())},
		refuse(ErrNoHeader, "没有在表格前 %d 行找到表头,请确认表格有一行列名(如 名称、价格),或手动指定表头所在的行", headerSearchRows)
}

// MapRow reads row as the header. When two columns name the same field, the first
// one is used and the other ignored.
func MapRow(t *Table, row int) Mapping {
	m := Mapping{HeaderRow: row, Columns: make([]Field, t.Width())}
	if row < 0 || row >= len(t.Rows) {
		return m
	}
	for col, header := range t.Rows[row] {
		if f := MatchField(header); f != FieldIgnore && m.Column(f) < 0 {
			m.Columns[col] = f
		}
	}
	return m
}

// mapped counts the columns that are imported.
func (m Mapping) mapped() int {
	n := 0
	for _, f := range m.Columns {
		if f != FieldIgnore {
			n++
		}
	}
	return n
}

// Column is the index of the column mapped to f, or -1.
func (m Mapping) Column(f Field) int {
	for i, g := range m.Columns {
		if g == f && f != FieldIgnore {
			return i
		}
	}
	return -1
}

// Set maps column col to f (FieldIgnore to leave it out). A field goes into one
// column only, so a column that had f before is ignored from now on.
func (m *Mapping) Set(col int, f Field) {
	if col < 0 || col >= len(m.Columns) {
		return
	}
	if prev := m.Column(f); prev >= 0 {
		m.Columns[prev] = FieldIgnore
	}
	m.Columns[col] = f
}

// Check says whether m can plan an import of t: it fits the table, maps the name, maps
// each field once, and has a category for new resources, either as a column or as
// defaultCategory. Failures are *Error with ErrMapping.
func (m Mapping) Check(t *Table, defaultCategory string) error {
	if m.HeaderRow < 0 || m.HeaderRow >= len(t.Rows) || len(m.Columns) != t.Width() {
		return refuse(ErrMapping, "请先指定表头所在的行")
	}
	seen := make(map[Field]bool)
	for _, f := range m.Columns {
		if _, known := fieldLabels[f]; !known {
			return refuse(ErrMapping, "列的用途「%s」无法识别,请重新选择", string(f))
		}
		if f != FieldIgnore && seen[f] {
			return refuse(ErrMapping, "有两列都选成了「%s」,请只保留一列", f.Label())
		}
		seen[f] = true
	}
	if !seen[FieldName] {
		return refuse(ErrMapping, "请指定哪一列是资源名称")
	}
	if !seen[FieldCategory] && strings.TrimSpace(defaultCategory) == "" {
		return refuse(ErrMapping, "表格里没有分类列,请选择新资源要放进哪个分类")
	}
	return nil
}
