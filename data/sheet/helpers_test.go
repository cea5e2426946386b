package sheet

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

// cst is the owners' zone; testNow is the fixed clock of these tests.
var (
	cst     = time.FixedZone("CST", 8*3600)
	testNow = time.Date(2026, 6, 1, 10, 0, 0, 0, cst)
)

// newStore opens a fresh database in the test's temp folder.
func newStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"), data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// saveDrafts saves resources as the catalog form would, then returns the catalog.
func saveDrafts(t testing.TB, s *data.Store, drafts ...data.ResourceDraft) []data.Resource {
	t.Helper()
	for _, d := range drafts {
		r, err := d.Parse(nil, testNow, cst)
		if err != nil {
			t.Fatalf("parse %q: %v", d.Name, err)
		}
		if err := s.SaveResource(&r); err != nil {
			t.Fatalf("save %q: %v", d.Name, err)
		}
	}
	return catalog(t, s)
}

func catalog(t testing.TB, s *data.Store) []data.Resource {
	t.Helper()
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// csvTable reads CSV text given as lines.
func csvTable(t testing.TB, lines ...string) *Table {
	t.Helper()
	tb, err := ReadCSV(strings.NewReader(strings.Join(lines, "\r\n")))
	if err != nil {
		t.Fatalf("read csv: %v", err)
	}
	return tb
}

// mustPlan detects the header of tb and plans its import.
func mustPlan(t testing.TB, tb *Table, cat []data.Resource, defaultCategory string) *ResourcePlan {
	t.Helper()
	m, err := Detect[ResourceField](tb)
	if err != nil {
		t.Fatalf("detect: %v", err)
	}
	p, err := NewResourcePlan(tb, m, cat, Options{DefaultCategory: defaultCategory, Now: testNow, Loc: cst})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return p
}

// rowByLine finds the planned row for a sheet line.
func rowByLine(t testing.TB, p *ResourcePlan, line int) *ResourceRow { return rowAt(t, p, line) }

// rowAt finds the row of any plan for a sheet line.
func rowAt[F Field, R any](t testing.TB, p *Plan[F, R], line int) *Row[F, R] {
	t.Helper()
	for i := range p.Rows {
		if p.Rows[i].Line == line {
			return &p.Rows[i]
		}
	}
	t.Fatalf("no planned row for line %d", line)
	return nil
}

// everythingWorkbook loads every record of s and writes the whole-database workbook,
// read back for the test; it is closed when the test ends.
func everythingWorkbook(t *testing.T, s *data.Store) *excelize.File {
	t.Helper()
	all, err := LoadEverything(s)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteEverythingXLSX(&buf, all, cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}
