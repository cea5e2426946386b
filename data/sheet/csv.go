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
// GBK/GB18030 (the default of 「CSV(逗号分隔)」 on Chinese Windows) or UTF-16 with
// or without a BOM (「Unicode 文本」), separated by commas, tabs or semicolons,
// whichever splits the first lines into the same number of columns.
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
	t, err := parseCSV(text, separator(text))
	if err != nil {
		return nil, err
	}
	t.Encoding = enc
	return t, nil
}

// Separator detection looks at the first separatorSampleRecords records of at most
// separatorSampleBytes of text: enough for a title, the header and some data rows.
const (
	separatorSampleRecords = 30
	separatorSampleBytes   = 64 << 10
)

// separators are the ones Excel and WPS write: tab (「Unicode 文本」, and text copied
// out of a sheet), comma (「CSV」) and semicolon (Excel in European locales). On a tie
// the first wins: a tab is almost never inside a cell, while commas (1,000) and
// semicolons (a list of tags) often are.
var separators = []rune{'\t', ',', ';'}

// separator picks the separator that splits the most of the first records into the
// same number of columns, more than one. Counting agreement rather than columns
// keeps a tab-separated file with 1,000 in a cell, or a semicolon one with 1,5, from
// being read with commas; quotes are honoured, so a separator inside a quoted cell
// does not count. With no such separator the file is one column, read with commas.
func separator(text string) rune {
	sample := text[:min(len(text), separatorSampleBytes)]
	best, bestScore := ',', 0
	for _, sep := range separators {
		if score := agreement(sample, sep); score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}

// agreement counts the sampled records that have the most common number of fields
// when split with sep, or 0 when that number is 1.
func agreement(sample string, sep rune) int {
	cr := csv.NewReader(strings.NewReader(sample))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	counts := make(map[int]int)
	for range separatorSampleRecords {
		rec, err := cr.Read()
		if err != nil {
			break // the end of the sample, or what parseCSV will report
		}
		counts[len(rec)]++
	}
	best := 0
	for fields, n := range counts {
		if fields > 1 && n > best {
			best = n
		}
	}
	return best
}

// decodeText turns the file into text. UTF-16 without a BOM is told by its NUL
// bytes (see utf16Order). Bytes that are valid UTF-8 are taken as UTF-8: GBK text of
// any length is almost never valid UTF-8, while the reverse guess would garble every
// UTF-8 file.
func decodeText(b []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		return string(b[len(utf8BOM):]), EncodingUTF8BOM, nil
	case bytes.HasPrefix(b, utf16LEBOM), bytes.HasPrefix(b, utf16BEBOM):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return decodeWith(out, EncodingUTF16, err)
	}
	if order, ok := utf16Order(b); ok {
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
		return decodeWith(out, EncodingUTF16, err)
	}
	if utf8.Valid(b) {
		return string(b), EncodingUTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	return decodeWith(out, EncodingGB18030, err)
}

// utf16SampleBytes is how much of a file utf16Order looks at.
const utf16SampleBytes = 64 << 10

// utf16Order recognizes UTF-16 without a BOM, which some tools write. Text in UTF-8
// or GBK has no NUL bytes, while in UTF-16 every tab, comma, semicolon and line end
// of a sheet is a code unit with a zero high byte: its two bytes are the character
// then NUL in little endian, NUL then the character in big endian. Only those
// characters are counted, not every NUL: Chinese characters such as 一 (U+4E00) and
// 需 (U+9700) have a zero low byte, and a long note is full of them, while code units
// such as U+0900 or U+2C00, which a tab or comma in the other order would be, are in
// scripts a sheet here does not hold. A UTF-8 file padded with zeros has at most one
// such pair, where the text meets the padding, so two are needed.
func utf16Order(b []byte) (unicode.Endianness, bool) {
	sample := b[:min(len(b), utf16SampleBytes)&^1]
	var le, be int
	for i := 0; i < len(sample); i += 2 {
		lo, hi := sample[i], sample[i+1]
		switch {
		case hi == 0 && isStructural(lo):
			le++
		case lo == 0 && isStructural(hi):
			be++
		}
	}
	switch {
	case le >= 2 && be*4 <= le:
		return unicode.LittleEndian, true
	case be >= 2 && le*4 <= be:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// isStructural reports whether c separates cells or rows.
func isStructural(c byte) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';'
}

func decodeWith(b []byte, encoding string, err error) (string, string, error) {
	if err != nil {
		return "", "", refuseWith(ErrUnreadable, err, "认不出这个文件的文字编码，请在 Excel 或 WPS 里另存为「CSV UTF-8」后再导入")
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
	c := rowCollector{given: []int{}}
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
		return refuseWith(ErrUnreadable, err, fmt.Sprintf("CSV 文件第 %d 行格式有误，请用 Excel 或 WPS 打开后重新「另存为」CSV 再导入", pe.StartLine))
	}
	return refuseWith(ErrUnreadable, err, "读取 CSV 文件失败，请用 Excel 或 WPS 打开后重新「另存为」CSV 再导入")
}
