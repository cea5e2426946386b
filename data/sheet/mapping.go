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
	row, cols, err := detectHeader(t, MatchField, "名称、价格")
	return Mapping{HeaderRow: row, Columns: cols}, err
}

// MapRow reads row as the header. When two columns name the same field, the first
// one is used and the other ignored.
func MapRow(t *Table, row int) Mapping {
	return Mapping{HeaderRow: row, Columns: mapColumns(t, row, MatchField)}
}

// mapped counts the columns that are imported.
func (m Mapping) mapped() int { return countMapped(m.Columns) }

// Column is the index of the column mapped to f, or -1.
func (m Mapping) Column(f Field) int { return columnOf(m.Columns, f) }

// Set maps column col to f (FieldIgnore to leave it out). A field goes into one
// column only, so a column that had f before is ignored from now on.
func (m *Mapping) Set(col int, f Field) { setColumn(m.Columns, col, f) }

// Check says whether m can plan an import of t: it fits the table, maps the name, maps
// each field once, and has a category for new resources, either as a column or as
// defaultCategory. Failures are *Error with ErrMapping.
func (m Mapping) Check(t *Table, defaultCategory string) error {
	seen, err := checkColumns(t, m.HeaderRow, m.Columns, fieldLabels)
	if err != nil {
		return err
	}
	if !seen[FieldName] {
		return refuse(ErrMapping, "请指定哪一列是资源名称")
	}
	if !seen[FieldCategory] && strings.TrimSpace(defaultCategory) == "" {
		return refuse(ErrMapping, "表格里没有分类列,请选择新资源要放进哪个分类")
	}
	return nil
}

// The helpers below serve Mapping and MemberMapping alike: F is the kind of field a
// column holds, and its zero value means the column is not imported.

// detectHeader finds the first of the top rows whose headers match at least two
// fields. Without one it gives row -1, no column mapped and ErrNoHeader, whose
// message shows example, a few column names the owner would know.
func detectHeader[F ~string](t *Table, match func(string) F, example string) (int, []F, error) {
	for i := 0; i < len(t.Rows) && i < headerSearchRows; i++ {
		if cols := mapColumns(t, i, match); countMapped(cols) >= 2 {
			return i, cols, nil
		}
	}
	return -1, make([]F, t.Width()),
		refuse(ErrNoHeader, "没有在表格前 %d 行找到表头,请确认表格有一行列名(如 %s),或手动指定表头所在的行", headerSearchRows, example)
}

// mapColumns reads row as the header; a field named twice goes to the first column.
func mapColumns[F ~string](t *Table, row int, match func(string) F) []F {
	cols := make([]F, t.Width())
	if row < 0 || row >= len(t.Rows) {
		return cols
	}
	for col, header := range t.Rows[row] {
		if f := match(header); f != "" && columnOf(cols, f) < 0 {
			cols[col] = f
		}
	}
	return cols
}

// countMapped counts the columns that are imported.
func countMapped[F ~string](cols []F) int {
	n := 0
	for _, f := range cols {
		if f != "" {
			n++
		}
	}
	return n
}

// columnOf is the index of the column mapped to f, or -1.
func columnOf[F ~string](cols []F, f F) int {
	for i, g := range cols {
		if g == f && f != "" {
			return i
		}
	}
	return -1
}

// setColumn maps column col to f, ignoring the column that had f before.
func setColumn[F ~string](cols []F, col int, f F) {
	if col < 0 || col >= len(cols) {
		return
	}
	if prev := columnOf(cols, f); prev >= 0 {
		cols[prev] = ""
	}
	cols[col] = f
}

// checkColumns refuses a mapping that does not fit t, holds a field without a label,
// or maps a field twice. It returns the fields that are mapped.
func checkColumns[F ~string](t *Table, row int, cols []F, labels map[F]string) (map[F]bool, error) {
	if row < 0 || row >= len(t.Rows) || len(cols) != t.Width() {
		return nil, refuse(ErrMapping, "请先指定表头所在的行")
	}
	seen := make(map[F]bool)
	for _, f := range cols {
		if _, known := labels[f]; !known {
			return nil, refuse(ErrMapping, "列的用途「%s」无法识别,请重新选择", string(f))
		}
		if f != "" && seen[f] {
			return nil, refuse(ErrMapping, "有两列都选成了「%s」,请只保留一列", labels[f])
		}
		seen[f] = true
	}
	return seen, nil
}

// blankRow reports whether no mapped cell holds anything.
func blankRow[F ~string](cols []F, cells []string) bool {
	for col, f := range cols {
		if f != "" && strings.TrimSpace(cells[col]) != "" {
			return false
		}
	}
	return true
}
