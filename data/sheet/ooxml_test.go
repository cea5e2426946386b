package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/qunhuo/qunhuo/data"
)

// TestExportedWorkbooksFollowOOXML unzips every workbook an export writes and checks
// the rules Excel enforces when it opens a file. Breaking one of them makes Excel say
// the file is damaged and offer to "repair" it, which an owner reads as a broken
// export; excelize reads such files without complaint, so its reader cannot catch them.
func TestExportedWorkbooksFollowOOXML(t *testing.T) {
	s := newStore(t)
	rs := richCatalog(t, s)
	writers := map[string]func(io.Writer, []data.Resource) error{
		"index": func(w io.Writer, rs []data.Resource) error { return WriteIndexXLSX(w, rs, testNow, cst) },
		"catalog": func(w io.Writer, rs []data.Resource) error {
			return WriteCatalogXLSX(w, rs, cst)
		},
	}
	for name, write := range writers {
		for _, size := range []struct {
			name string
			rs   []data.Resource
		}{{"empty", nil}, {"full", rs}} {
			t.Run(name+"/"+size.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := write(&buf, size.rs); err != nil {
					t.Fatal(err)
				}
				for _, p := range ooxmlProblems(buf.Bytes()) {
					t.Error(p)
				}
			})
		}
	}
}

// A big catalog has many rows and still one <cols>; its strings must stay in range.
func TestBigExportFollowsOOXML(t *testing.T) {
	var rs []data.Resource
	until := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	for i := range 500 {
		rs = append(rs, data.Resource{Name: "资源 " + strconv.Itoa(i), Category: data.Category{Name: "游戏类"},
			PriceCents: int64(100 + i), Unlimited: true, Status: data.StatusOnSale, ValidUntil: &until,
			Notes: strings.Repeat("长", i%80)})
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"index":   func(b *bytes.Buffer) error { return WriteIndexXLSX(b, rs, testNow, cst) },
		"catalog": func(b *bytes.Buffer) error { return WriteCatalogXLSX(b, rs, cst) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		for _, p := range ooxmlProblems(buf.Bytes()) {
			t.Errorf("%s: %s", name, p)
		}
	}
}

// ooxmlProblems checks a workbook's package and says what breaks the rules: every
// part well-formed XML, every XML part listed in [Content_Types].xml, every
// relationship pointing at a part, and each worksheet's columns, cells and strings as
// Excel wants them.
func ooxmlProblems(workbook []byte) []string {
	var c ooxmlCheck
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return []string{"not a zip: " + err.Error()}
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		b, err := readZipFile(f)
		if err != nil {
			c.add("read %s: %v", f.Name, err)
			continue
		}
		if _, dup := parts[f.Name]; dup {
			c.add("part %s is in the zip twice", f.Name)
		}
		parts[f.Name] = b
	}
	for name, b := range parts {
		if isXMLPart(name) {
			if err := wellFormed(b); err != nil {
				c.add("%s is not well-formed XML: %v", name, err)
			}
		}
	}
	c.contentTypes(parts)
	c.relationships(parts)
	sharedCount := -1 // no sharedStrings part
	if b, ok := parts["xl/sharedStrings.xml"]; ok {
		sharedCount = c.sharedStrings(b)
	}
	sheets := 0
	for name, b := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") {
			sheets++
			c.worksheet(name, b, sharedCount)
		}
	}
	if sheets == 0 {
		c.add("the workbook has no worksheet")
	}
	return c.problems
}

type ooxmlCheck struct{ problems []string }

func (c *ooxmlCheck) add(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func isXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// wellFormed decodes the whole document, token by token, to its end.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	roots, depth := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 || depth != 0 {
		return errors.New("want exactly one root element, closed")
	}
	return nil
}

// contentTypes: every XML part but [Content_Types].xml itself has its own Override (a
// worksheet typed only by the generic Default application/xml is not opened as a
// worksheet), every other part a Default for its extension, and no Override names a
// part that is missing.
func (c *ooxmlCheck) contentTypes(parts map[string][]byte) {
	var ct struct {
		Defaults []struct {
			Extension string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	b, ok := parts["[Content_Types].xml"]
	if !ok {
		c.add("no [Content_Types].xml")
		return
	}
	if err := xml.Unmarshal(b, &ct); err != nil {
		c.add("[Content_Types].xml: %v", err)
		return
	}
	defaults := map[string]bool{}
	for _, d := range ct.Defaults {
		defaults[strings.ToLower(d.Extension)] = true
	}
	overrides := map[string]bool{}
	for _, o := range ct.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		overrides[strings.ToLower(name)] = true
		if _, ok := parts[name]; !ok {
			c.add("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
	}
	for name := range parts {
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
		switch {
		case name == "[Content_Types].xml" || overrides[strings.ToLower(name)]:
		case strings.HasSuffix(name, ".xml"):
			c.add("[Content_Types].xml does not list %s", name)
		case !defaults[ext]:
			c.add("[Content_Types].xml has no type for %s", name)
		}
	}
}

// relationships: every internal relationship points at a part in the package.
func (c *ooxmlCheck) relationships(parts map[string][]byte) {
	for name, b := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				Target     string `xml:"Target,attr"`
				TargetMode string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rels); err != nil {
			c.add("%s: %v", name, err)
			continue
		}
		// xl/_rels/workbook.xml.rels describes xl/workbook.xml; its targets are relative to xl/.
		base := path.Dir(path.Dir(name))
		for _, r := range rels.Rel {
			if r.TargetMode == "External" {
				continue
			}
			target := path.Join(base, r.Target)
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := parts[target]; !ok {
				c.add("%s points at %s, which is not in the package", name, target)
			}
		}
	}
}

func (c *ooxmlCheck) sharedStrings(b []byte) int {
	var sst struct {
		UniqueCount string     `xml:"uniqueCount,attr"`
		SI          []struct{} `xml:"si"`
	}
	if err := xml.Unmarshal(b, &sst); err != nil {
		c.add("sharedStrings.xml: %v", err)
		return 0
	}
	if sst.UniqueCount != "" && sst.UniqueCount != strconv.Itoa(len(sst.SI)) {
		c.add("sharedStrings.xml says uniqueCount=%s but holds %d strings", sst.UniqueCount, len(sst.SI))
	}
	return len(sst.SI)
}

// worksheetXML is the part of a sheet's XML the checks read.
type worksheetXML struct {
	Cols []struct {
		Col []struct {
			Min string `xml:"min,attr"`
			Max string `xml:"max,attr"`
		} `xml:"col"`
	} `xml:"cols"`
	Rows []struct {
		R     string `xml:"r,attr"`
		Cells []struct {
			R  string    `xml:"r,attr"`
			T  string    `xml:"t,attr"`
			V  *string   `xml:"v"`
			F  *struct{} `xml:"f"`
			Is *struct {
				T *string `xml:"t"`
			} `xml:"is"`
		} `xml:"c"`
	} `xml:"sheetData>row"`
}

func (c *ooxmlCheck) worksheet(name string, b []byte, sharedCount int) {
	var ws worksheetXML
	if err := xml.Unmarshal(b, &ws); err != nil {
		c.add("%s: %v", name, err)
		return
	}
	c.columns(name, ws)
	lastRow := 0
	for _, row := range ws.Rows {
		n, err := strconv.Atoi(row.R)
		if err != nil || n <= lastRow {
			c.add("%s: row %q after row %d: rows must ascend", name, row.R, lastRow)
		}
		lastRow = n
		lastCol := 0
		for _, cell := range row.Cells {
			col, r, err := excelize.CellNameToCoordinates(cell.R)
			if err != nil || r != n || col <= lastCol {
				c.add("%s: cell %q in row %d after column %d: cells must ascend within their row", name, cell.R, n, lastCol)
			}
			lastCol = col
			c.cell(name, cell.R, cell.T, cell.V, cell.F != nil, cell.Is != nil && cell.Is.T != nil, sharedCount)
		}
	}
}

// columns: one <cols>, not empty, its ranges within 1..16384, min ≤ max, ascending and
// not overlapping.
func (c *ooxmlCheck) columns(name string, ws worksheetXML) {
	if len(ws.Cols) > 1 {
		c.add("%s has %d <cols> elements, Excel allows one", name, len(ws.Cols))
	}
	last := 0
	for _, cols := range ws.Cols {
		if len(cols.Col) == 0 {
			c.add("%s: an empty <cols>, which Excel refuses", name)
		}
		for _, col := range cols.Col {
			lo, err1 := strconv.Atoi(col.Min)
			hi, err2 := strconv.Atoi(col.Max)
			switch {
			case err1 != nil || err2 != nil || lo < 1 || hi > 16384:
				c.add("%s: <col min=%q max=%q> out of 1..16384", name, col.Min, col.Max)
			case lo > hi:
				c.add("%s: <col min=%d max=%d> has min above max", name, lo, hi)
			case lo <= last:
				c.add("%s: <col min=%d max=%d> after a range ending at %d: ranges must ascend without overlap", name, lo, hi, last)
			}
			last = max(last, hi)
		}
	}
}

// cell: no formula; a shared string's index in range; an inline string with <is><t>.
func (c *ooxmlCheck) cell(name, ref, typ string, v *string, formula, inlineText bool, sharedCount int) {
	if formula {
		c.add("%s: cell %s holds a formula; an export writes values only", name, ref)
	}
	switch typ {
	case "s":
		if v == nil {
			c.add("%s: shared-string cell %s has no <v>", name, ref)
			return
		}
		i, err := strconv.Atoi(*v)
		if err != nil || i < 0 || i >= sharedCount {
			c.add("%s: cell %s points at shared string %q, the workbook has %d", name, ref, *v, max(sharedCount, 0))
		}
	case "inlineStr":
		if !inlineText {
			c.add("%s: inline-string cell %s has no <is><t>", name, ref)
		}
	case "", "n", "b", "str", "e", "d":
	default:
		c.add("%s: cell %s has unknown type t=%q", name, ref, typ)
	}
}

// TestOOXMLCheckCatches breaks a good workbook in each way the check looks for, so a
// check that silently passes everything cannot hide behind a green test.
func TestOOXMLCheckCatches(t *testing.T) {
	good := mustWorkbook(t)
	if ps := ooxmlProblems(good); len(ps) > 0 {
		t.Fatalf("a plain excelize workbook has problems: %q", ps)
	}
	sheet := "xl/worksheets/sheet1.xml"
	tests := []struct {
		name, part, old, new, want string
	}{
		{"descending cols", sheet, `<cols><col min="1" max="1"`, `<cols><col min="3" max="3" width="9" customWidth="1"/><col min="1" max="1"`, "must ascend"},
		{"overlapping cols", sheet, `<cols><col min="1" max="1"`, `<cols><col min="1" max="2"`, "must ascend"},
		{"min above max", sheet, `<col min="2" max="2"`, `<col min="4" max="3"`, "min above max"},
		{"formula", sheet, `<c r="A2" t="inlineStr"><is><t>x</t></is></c>`, `<c r="A2"><f>SUM(1)</f><v>1</v></c>`, "formula"},
		{"inline without text", sheet, `<c r="A2" t="inlineStr"><is><t>x</t></is></c>`, `<c r="A2" t="inlineStr"></c>`, "<is><t>"},
		{"shared string out of range", sheet, `<c r="A2" t="inlineStr"><is><t>x</t></is></c>`, `<c r="A2" t="s"><v>7</v></c>`, "shared string"},
		{"cells out of order", sheet, `<c r="B2"`, `<c r="A2"`, "must ascend within"},
		{"not well-formed", sheet, `</sheetData>`, `</sheetDat>`, "well-formed"},
		{"unlisted part", "[Content_Types].xml", `<Override PartName="/xl/worksheets/sheet1.xml"`, `<Override PartName="/xl/worksheets/sheetX.xml"`, "does not list xl/worksheets/sheet1.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := rewritePart(t, good, tt.part, tt.old, tt.new)
			ps := strings.Join(ooxmlProblems(bad), "\n")
			if !strings.Contains(ps, tt.want) {
				t.Errorf("problems %q, want one saying %q", ps, tt.want)
			}
		})
	}
}

// mustWorkbook writes a two-column workbook with the stream writer, as exports do.
func mustWorkbook(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	g := grid{sheet: "表", header: []string{"名称", "说明"}, rows: [][]cell{{{text: "x"}, {text: "y"}}}}
	if err := writeXLSX(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rewritePart returns the workbook with old replaced by new in one part.
func rewritePart(t *testing.T, workbook []byte, part, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		b, err := readZipFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s does not contain %q:\n%s", part, old, b)
			}
			b = bytes.Replace(b, []byte(old), []byte(new), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
