package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// ReadCSV reads a CSV file as Excel or WPS writes it: UTF-8 with or without a BOM,
// GBK/GB18030 (the default of 「CSV(逗号分隔)」 on Chinese Windows) or UTF-16
// (「Unicode 文本」), separated by commas, or by tabs or semicolons when commas give
// a single column.
func ReadCSV(r io.Reader) (*Table, error) {
	b, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	return readCSV(b)
}

func readCSV(b []byte) (*Table, error) {
	text, enc, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	t, err := parseCSV(text, ',')
	if err == nil && t.Width() == 1 {
		t = otherSeparator(text, t)
	}
	if err != nil {
		return nil, err
	}
	t.Encoding = enc
	return t, nil
}

// otherSeparator tries the separators Excel uses in other locales (tab for 「Unicode
// 文本」, semicolon in Europe) when commas found a single column; if neither gives
// more columns, the single column stands.
func otherSeparator(text string, single *Table) *Table {
	for _, sep := range []rune{'\t', ';'} {
		if t, err := parseCSV(text, sep); err == nil && t.Width() > 1 {
			return t
		}
	}
	return single
}

// decodeText turns the file into text. Bytes that are valid UTF-8 are taken as UTF-8:
// GBK text of any length is almost never valid UTF-8, while the reverse guess would
// garble every UTF-8 file.
func decodeText(b []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		return string(b[len(utf8BOM):]), EncodingUTF8BOM, nil
	case bytes.HasPrefix(b, utf16LEBOM), bytes.HasPrefix(b, utf16BEBOM):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return decodeWith(out, EncodingUTF16, err)
	case utf8.Valid(b):
		return string(b), EncodingUTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return decodeWith(out, EncodingGB18030, err)
}

func decodeWith(b []byte, encoding string, err error) (string, string, error) {
	if err != nil {
		return "", "", refuseWith(ErrUnreadable, err, "认不出这个文件的文字编码,请在 Excel 或 WPS 里另存为「CSV UTF-8」后再导入")
	}
	return string(b), encoding, nil
}

// parseCSV splits text into rows with sep. Quotes are read leniently (LazyQuotes)
// because hand-edited files often hold a stray " inside a cell.
func parseCSV(text string, sep rune) (*Table, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var c rowCollector
	lastLine := 0 // the physical line the previous record ended on
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		// encoding/csv skips blank lines, but Excel shows each as an empty row.
		line, _ := cr.FieldPos(0)
		c.skip(line - lastLine - 1)
		lastLine = recordEnd(cr, rec)
		unescapeFormulas(rec)
		if err := c.add(rec); err != nil {
			return nil, err
		}
	}
	return c.table()
}

// unescapeFormulas takes off the ' that csvText puts before a cell starting like a
// formula, so that an exported catalog imports back unchanged. Spreadsheets do the
// same when an owner types '=1 into a cell, so an .xlsx never holds such a quote.
func unescapeFormulas(rec []string) {
	for i, v := range rec {
		if len(v) > 1 && v[0] == '\'' && startsFormula(v[1:]) {
			rec[i] = v[1:]
		}
	}
}

// recordEnd is the physical line a record ends on: the line its last field starts on
// plus the line breaks quoted inside that field.
func recordEnd(cr *csv.Reader, rec []string) int {
	last := len(rec) - 1
	line, _ := cr.FieldPos(last)
	return line + strings.Count(rec[last], "\n")
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return refuseWith(ErrUnreadable, err, fmt.Sprintf("CSV 文件第 %d 行格式有误,请用 Excel 或 WPS 打开后重新「另存为」CSV 再导入", pe.StartLine))
	}
	return refuseWith(ErrUnreadable, err, "读取 CSV 文件失败,请用 Excel 或 WPS 打开后重新「另存为」CSV 再导入")
}
