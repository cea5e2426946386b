package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

// richCatalog saves resources that exercise every field an export writes.
func richCatalog(t *testing.T, s *data.Store) []data.Resource {
	t.Helper()
	saveDrafts(t, s,
		data.ResourceDraft{Name: "王者荣耀 点券100", Category: "游戏类", Price: "12", OriginalPrice: "15", Redeem: "卡密",
			Stock: "20", ValidFrom: "2026-05-20 20:00", ValidUntil: "2026-12-31", Supplier: "老王", Tags: "王者,点券",
			Notes: "第一行\n含,逗号和\"引号\""},
		data.ResourceDraft{Name: "爱奇艺月卡", Category: "影音类", Price: "19.99", OriginalPrice: "10", Redeem: "直充"},
		data.ResourceDraft{Name: "午夜截止", Category: "生活类", Price: "2", ValidFrom: "2026-05-30 23:59", ValidUntil: "2026-08-01 00:00"},
		data.ResourceDraft{Name: "007 会员", Category: "影音类", Price: "0", Stock: "0"},
		data.ResourceDraft{Name: "话费50", Category: "话费类", Price: "48.5", Status: "下架"},
		data.ResourceDraft{Name: "=SUM(1) 特价", Category: "生活类", Price: "1", ValidUntil: "2026-07-01 12:30", Status: "失效"},
		data.ResourceDraft{Name: "中秋月饼券", Category: "生活类", Price: "30", ValidFrom: "2026-09-01"},
	)
	past := time.Date(2026, 5, 1, 23, 59, 0, 0, cst).UTC()
	expired := data.Resource{Name: "五一特惠", Category: data.Category{Name: "游戏类"}, PriceCents: 500,
		Unlimited: true, Status: data.StatusOnSale, ValidUntil: &past}
	if err := s.SaveResource(&expired); err != nil {
		t.Fatal(err)
	}
	return catalog(t, s)
}

func TestIndexCSV(t *testing.T) {
	s := newStore(t)
	rs := richCatalog(t, s)
	var buf bytes.Buffer
	if err := WriteIndexCSV(&buf, rs, testNow, cst); err != nil {
		t.Fatal(err)
	}
	// On sale only: not 售罄 (no stock), 下架, 失效, 已过期 or 未开始; 游戏类 before 影音类.
	want := "\xEF\xBB\xBF" +
		"分类,名称,价格（元）,原价（元）,兑换方式,截止时间\r\n" +
		"游戏类,王者荣耀 点券100,12,15,卡密,2026-12-31\r\n" +
		"影音类,爱奇艺月卡,19.99,,直充,\r\n" + // 原价 lower than the price is not shown
		"生活类,午夜截止,2,,,2026-08-01 00:00\r\n"
	if got := buf.String(); got != want {
		t.Errorf("index csv\n%q\nwant\n%q", got, want)
	}
}

func TestIndexXLSX(t *testing.T) {
	s := newStore(t)
	rs := richCatalog(t, s)
	var buf bytes.Buffer
	if err := WriteIndexXLSX(&buf, rs, testNow, cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != IndexSheetName {
		t.Fatalf("sheets %q", got)
	}
	rows, _ := f.GetRows(IndexSheetName)
	want := [][]string{
		{"分类", "名称", "价格（元）", "原价（元）", "兑换方式", "截止时间"},
		{"游戏类", "王者荣耀 点券100", "12", "15", "卡密", "2026-12-31"},
		{"影音类", "爱奇艺月卡", "19.99", "", "直充"},
		{"生活类", "午夜截止", "2", "", "", "2026-08-01 00:00"},
	}
	if !equalRows(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	checkLayout(t, f, IndexSheetName)
}

// checkLayout asserts the bold frozen header and the column widths.
func checkLayout(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	id, _ := f.GetCellStyle(sheet, "A1")
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v %v", st, err)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	nameWidth, _ := f.GetColWidth(sheet, "B")
	catWidth, _ := f.GetColWidth(sheet, "A")
	if nameWidth < 18 || catWidth < minColWidth || nameWidth > maxColWidth {
		t.Errorf("column widths: A %.1f, B %.1f", catWidth, nameWidth)
	}
}

func TestCatalogRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer, []data.Resource, *time.Location) error
	}{
		{"xlsx", WriteCatalogXLSX},
		{"csv", WriteCatalogCSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			rs := richCatalog(t, s)
			var buf bytes.Buffer
			if err := tt.write(&buf, rs, cst); err != nil {
				t.Fatal(err)
			}
			tb, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Detect[ResourceField](tb)
			if err != nil || m.mapped() != len(resourceFields) {
				t.Fatalf("full export maps %d of %d columns: %v", m.mapped(), len(resourceFields), err)
			}
			p, err := NewResourcePlan(tb, m, rs, Options{Now: testNow, Loc: cst})
			if err != nil {
				t.Fatal(err)
			}
			if p.Count(RowUnchanged) != len(rs) || len(p.Rows) != len(rs) {
				for _, row := range p.Rows {
					t.Logf("line %d %s %s: %s", row.Line, row.Kind.Label(), row.Name, row.Detail())
				}
				t.Errorf("round trip: %s, want all %d unchanged", p.Summary(), len(rs))
			}
		})
	}
}

func TestCatalogXLSXLayout(t *testing.T) {
	s := newStore(t)
	var buf bytes.Buffer
	if err := WriteCatalogXLSX(&buf, richCatalog(t, s), cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkLayout(t, f, CatalogSheetName)
	header, _ := f.GetRows(CatalogSheetName)
	if got := strings.Join(header[0], ","); got != "分类,名称,价格,原价,兑换方式,库存,开始时间,截止时间,供应商,状态,标签,备注" {
		t.Errorf("header %s", got)
	}
	// Prices and dates are typed cells, so they sort and sum in Excel. Names are in
	// dictionary order: 王者荣耀 (wang) in row 2, then 五一特惠 (wu).
	raw := excelize.Options{RawCellValue: true}
	for cell, want := range map[string]string{"B2": "王者荣耀 点券100", "B3": "五一特惠", "C3": "5", "H3": "46143", "I3": ""} {
		if got, _ := f.GetCellValue(CatalogSheetName, cell, raw); got != want {
			t.Errorf("cell %s stores %q, want %q", cell, got, want)
		}
	}
	if shown, _ := f.GetCellValue(CatalogSheetName, "H3"); shown != "2026-05-01" {
		t.Errorf("deadline shows as %q", shown)
	}
}

func TestCSVExportsStartWithBOM(t *testing.T) {
	s := newStore(t)
	rs := richCatalog(t, s)
	writers := map[string]func(*bytes.Buffer) error{
		"index":   func(b *bytes.Buffer) error { return WriteIndexCSV(b, rs, testNow, cst) },
		"catalog": func(b *bytes.Buffer) error { return WriteCatalogCSV(b, rs, cst) },
		"empty":   func(b *bytes.Buffer) error { return WriteCatalogCSV(b, nil, cst) },
	}
	for name, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte{0xEF, 0xBB, 0xBF}) || !strings.Contains(buf.String(), "\r\n") {
			t.Errorf("%s: no BOM or CRLF: %q", name, buf.String()[:min(buf.Len(), 20)])
		}
	}
}

func TestGroupByCategory(t *testing.T) {
	mk := func(cat, name string) data.Resource {
		return data.Resource{Name: name, Category: data.Category{Name: cat}}
	}
	got := groupByCategory([]data.Resource{mk("游戏类", "c"), mk("影音类", "b"), mk("游戏类", "a"), mk("话费类", "d"), mk("影音类", "e"),
		mk("游戏类", "王者荣耀 648元"), mk("游戏类", "王者荣耀 6元"), mk("游戏类", "和平精英")})
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	// Categories in the order they came, names in dictionary order within each.
	if want := "a,c,和平精英,王者荣耀 6元,王者荣耀 648元,b,e,d"; strings.Join(names, ",") != want {
		t.Errorf("grouped order %q, want %s", names, want)
	}
}

// formulaNames are resource names that spreadsheets would run as formulas if a CSV
// held them as they are.
var formulaNames = []string{`=HYPERLINK("http://x","y")`, "+1+1", "-2+3", "@SUM(1)", "=cmd|' /C calc'!A0"}

// formulaCatalog is a catalog on sale whose names and texts start like formulas.
func formulaCatalog(t *testing.T) []data.Resource {
	t.Helper()
	var rs []data.Resource
	for i, name := range formulaNames {
		d := data.ResourceDraft{Name: name, Category: "游戏类", Price: "12.5", Redeem: "@卡密", Supplier: "=老王",
			Tags: "-特价", Notes: "+备注", ValidUntil: "2026-12-31"}
		r, err := d.Parse(nil, testNow, cst)
		if err != nil {
			t.Fatalf("parse %q: %v", name, err)
		}
		r.ID = uint(i + 1)
		rs = append(rs, r)
	}
	return rs
}

func TestCSVCellEscapesFormulas(t *testing.T) {
	tests := []struct {
		in   cell
		want string
	}{
		{textCell(`=HYPERLINK("http://x","y")`), `'=HYPERLINK("http://x","y")`},
		{textCell("+1+1"), "'+1+1"},
		{textCell("-2+3"), "'-2+3"},
		{textCell("@SUM(1)"), "'@SUM(1)"},
		{textCell("\t=1"), "'\t=1"},
		{textCell("\r=1"), "'\r=1"},
		{textCell("-5"), "'-5"}, // text that looks like a number is still text
		{textCell("王者 =1"), "王者 =1"},
		{textCell("'=1"), "'=1"}, // already quoted by the owner: left alone
		{textCell(""), ""},
		{priceCell(-1250), "-12.5"}, // a number the exporter typed cannot be a formula
		{priceCell(1250), "12.5"},
		{dateCell("2026-12-31"), "2026-12-31"},
	}
	for _, tt := range tests {
		if got := csvText(tt.in); got != tt.want {
			t.Errorf("csvText(%q) = %q, want %q", tt.in.text, got, tt.want)
		}
	}
}

func TestCSVExportsEscapeFormulas(t *testing.T) {
	rs := formulaCatalog(t)
	writers := map[string]func(*bytes.Buffer) error{
		"index":   func(b *bytes.Buffer) error { return WriteIndexCSV(b, rs, testNow, cst) },
		"catalog": func(b *bytes.Buffer) error { return WriteCatalogCSV(b, rs, cst) },
	}
	for name, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), utf8BOM))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(records) != len(rs)+1 {
			t.Fatalf("%s: %d records, want %d", name, len(records), len(rs)+1)
		}
		for i, rec := range records {
			for j, v := range rec {
				if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
					t.Errorf("%s: row %d column %d starts a formula: %q", name, i+1, j+1, v)
				}
			}
		}
		if !slices.ContainsFunc(records[1:], func(rec []string) bool { return rec[1] == "'"+formulaNames[0] }) {
			t.Errorf("%s: no name written as %q", name, "'"+formulaNames[0])
		}
	}
}

// An escaped catalog still imports back unchanged: reading a CSV takes the quote off.
func TestCSVFormulaRoundTrip(t *testing.T) {
	rs := formulaCatalog(t)
	var buf bytes.Buffer
	if err := WriteCatalogCSV(&buf, rs, cst); err != nil {
		t.Fatal(err)
	}
	tb, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Rows[1][1]; got != formulaNames[0] {
		t.Errorf("read name %q, want %q", got, formulaNames[0])
	}
	m, err := Detect[ResourceField](tb)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewResourcePlan(tb, m, rs, Options{Now: testNow, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	if p.Count(RowUnchanged) != len(rs) {
		for _, row := range p.Rows {
			t.Logf("line %d %s %s: %s", row.Line, row.Kind.Label(), row.Name, row.Detail())
		}
		t.Errorf("round trip: %s, want all %d unchanged", p.Summary(), len(rs))
	}
}

// xlsx exports write text as strings, never as formulas, whatever the text starts with.
func TestXLSXExportsHoldNoFormulas(t *testing.T) {
	rs := formulaCatalog(t)
	writers := map[string]func(*bytes.Buffer) error{
		IndexSheetName:   func(b *bytes.Buffer) error { return WriteIndexXLSX(b, rs, testNow, cst) },
		CatalogSheetName: func(b *bytes.Buffer) error { return WriteCatalogXLSX(b, rs, cst) },
	}
	for sheetName, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			xml, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(xml, []byte("<f>")) || bytes.Contains(xml, []byte("<f ")) {
				t.Errorf("%s: %s holds a formula", sheetName, zf.Name)
			}
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(sheetName)
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheetName, ref); formula != "" {
					t.Errorf("%s!%s is the formula %q", sheetName, ref, formula)
				}
			}
		}
		if !slices.ContainsFunc(rows[1:], func(row []string) bool { return row[1] == formulaNames[0] }) {
			t.Errorf("%s: no name stored as %q", sheetName, formulaNames[0])
		}
		f.Close()
	}
}
