package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Sheet names of the exports, also used as the suggested file names.
const (
	IndexSheetName   = "资源索引表"
	CatalogSheetName = "资源库"
)

// cellKind says how a value is written to .xlsx; .csv always writes the text.
type cellKind int

const (
	kindText cellKind = iota
	kindNumber
	kindDate     // a day: yyyy-mm-dd
	kindDateTime // a day and a time: yyyy-mm-dd hh:mm
)

// cell is one exported value: its text, and for numbers and dates the typed value
// Excel can sort and sum. A date's time is its local wall clock, held in UTC,
// because Excel dates have no zone.
type cell struct {
	text string
	kind cellKind
	num  float64
	date time.Time
}

// grid is an export before it is written in one format or the other.
type grid struct {
	sheet  string
	header []string
	rows   [][]cell
}

// WriteIndexXLSX writes the 资源索引表 as .xlsx: the resources on sale at now, grouped
// by category in the catalog's order, with the same content as the QQ index post.
func WriteIndexXLSX(w io.Writer, rs []data.Resource, now time.Time, loc *time.Location) error {
	return writeXLSX(w, indexGrid(rs, now, loc))
}

// WriteIndexCSV writes the 资源索引表 as UTF-8 CSV with a BOM, which Excel and WPS
// open without garbling the Chinese.
func WriteIndexCSV(w io.Writer, rs []data.Resource, now time.Time, loc *time.Location) error {
	return writeCSV(w, indexGrid(rs, now, loc))
}

// WriteCatalogXLSX writes every resource with every field as .xlsx, in a layout that
// imports back unchanged, so an owner can edit the catalog in Excel.
func WriteCatalogXLSX(w io.Writer, rs []data.Resource, loc *time.Location) error {
	return writeXLSX(w, catalogGrid(rs, loc))
}

// WriteCatalogCSV writes every resource with every field as UTF-8 CSV with a BOM, in a
// layout that imports back unchanged.
func WriteCatalogCSV(w io.Writer, rs []data.Resource, loc *time.Location) error {
	return writeCSV(w, catalogGrid(rs, loc))
}

func indexGrid(rs []data.Resource, now time.Time, loc *time.Location) grid {
	g := grid{sheet: IndexSheetName, header: []string{"分类", "名称", "价格（元）", "原价（元）", "兑换方式", "截止时间"}}
	for _, r := range groupByCategory(rs) {
		if r.StateAt(now) != data.StateOnSale {
			continue
		}
		original := cell{}
		if r.Discounted() { // as in the index post: an original price only when it is higher
			original = priceCell(r.OriginalPriceCents)
		}
		g.rows = append(g.rows, []cell{
			textCell(r.Category.Name), textCell(r.Name), priceCell(r.PriceCents),
			original, textCell(r.Redeem), dateCell(data.DraftOf(r, loc).ValidUntil),
		})
	}
	return g
}

// catalogGrid writes each field as the resource form shows it (data.DraftOf), which
// is what data.ResourceDraft.Parse reads back unchanged.
func catalogGrid(rs []data.Resource, loc *time.Location) grid {
	g := grid{sheet: CatalogSheetName}
	for _, f := range resourceFields {
		g.header = append(g.header, f.Label())
	}
	for i := range rs {
		r := &rs[i]
		d := data.DraftOf(r, loc)
		original := cell{}
		if r.OriginalPriceCents > 0 {
			original = priceCell(r.OriginalPriceCents)
		}
		g.rows = append(g.rows, []cell{
			textCell(d.Category), textCell(d.Name), priceCell(r.PriceCents),
			original, textCell(d.Redeem), stockCell(r),
			dateCell(d.ValidFrom), dateCell(d.ValidUntil), textCell(d.Supplier),
			textCell(d.Status), textCell(d.Tags), textCell(d.Notes),
		})
	}
	return g
}

// groupByCategory keeps the catalog's order of categories but brings each category's
// resources together, in case the slice was not sorted by category, in dictionary
// order of their names (data.CompareNames), as the catalog and the posts list them.
func groupByCategory(rs []data.Resource) []*data.Resource {
	order := make(map[string]int)
	var groups [][]*data.Resource
	for i := range rs {
		name := rs[i].Category.Name
		g, ok := order[name]
		if !ok {
			g = len(groups)
			order[name] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], &rs[i])
	}
	out := make([]*data.Resource, 0, len(rs))
	for _, g := range groups {
		data.SortByName(g, func(r **data.Resource) string { return (*r).Name }, nil)
		out = append(out, g...)
	}
	return out
}

func textCell(s string) cell { return cell{text: s} }

func priceCell(cents int64) cell {
	return cell{text: data.Yuan(cents), kind: kindNumber, num: float64(cents) / data.CentsPerYuan}
}

// stockCell writes 不限 rather than an empty cell, which an owner might take for zero.
func stockCell(r *data.Resource) cell {
	if r.Unlimited {
		return textCell("不限")
	}
	return cell{text: fmt.Sprint(r.Stock), kind: kindNumber, num: float64(r.Stock)}
}

// dateCell types a date written as data.DraftOf writes it (2006-01-02, or with the
// time when it matters), keeping the text so that Excel shows what the app shows.
func dateCell(text string) cell {
	for _, layout := range []struct {
		layout string
		kind   cellKind
	}{{data.DateLayout, kindDate}, {data.DateMinLayout, kindDateTime}} {
		if t, err := time.Parse(layout.layout, text); err == nil {
			return cell{text: text, kind: layout.kind, date: t}
		}
	}
	return textCell(text)
}

// writeCSV writes g with a UTF-8 BOM and CRLF line ends, as Excel itself does. Every
// CSV the app writes goes through here, so that no cell can start a formula (csvText).
func writeCSV(w io.Writer, g grid) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	record := make([]string, len(g.header))
	for i, h := range g.header {
		record[i] = csvText(textCell(h))
	}
	if err := cw.Write(record); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, row := range g.rows {
		for i, c := range row {
			record[i] = csvText(c)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// formulaStarts are the first characters that make Excel, WPS or LibreOffice run a
// CSV cell as a formula (OWASP's list for CSV injection). A resource named
// =HYPERLINK(…) in a file shared in 群文件 would otherwise become a live link.
const formulaStarts = "=+-@\t\r"

// csvText is c as a CSV cell: text that starts like a formula gets a leading ' , which
// spreadsheets show as text and readCSV takes off again. Numbers the exporter typed are
// written as they are: they come from integers (data.Yuan, a stock count), so they
// cannot hold a formula, and a quote would stop Excel summing them. Prices and stocks
// are never negative today; if one were, -12.5 would still be a plain number.
func csvText(c cell) string {
	if c.kind == kindNumber || !startsFormula(c.text) {
		return c.text
	}
	return "'" + c.text
}

// startsFormula reports whether a spreadsheet would read s as a formula.
func startsFormula(s string) bool {
	return s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0
}
