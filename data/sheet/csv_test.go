package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const chineseCSV = "分类,名称,价格(元)\r\n游戏类,王者荣耀 点券100,12.5\r\n影音类,爱奇艺「黄金」月卡,9.9\r\n"

var chineseRows = [][]string{
	{"分类", "名称", "价格(元)"},
	{"游戏类", "王者荣耀 点券100", "12.5"},
	{"影音类", "爱奇艺「黄金」月卡", "9.9"},
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadCSVDetectsEncoding(t *testing.T) {
	tests := []struct {
		name  string
		bytes []byte
		want  string
	}{
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, chineseCSV...), EncodingUTF8BOM},
		{"UTF-8", []byte(chineseCSV), EncodingUTF8},
		{"GBK", encode(t, simplifiedchinese.GBK, chineseCSV), EncodingGB18030},
		{"GB18030", encode(t, simplifiedchinese.GB18030, chineseCSV), EncodingGB18030},
		{"UTF-16 LE (Unicode 文本)", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), chineseCSV), EncodingUTF16},
		{"UTF-16 BE", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), chineseCSV), EncodingUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := Read(bytes.NewReader(tt.bytes))
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != tt.want || !equalRows(tb.Rows, chineseRows) {
				t.Errorf("got %s %q, want %s %q", tb.Encoding, tb.Rows, tt.want, chineseRows)
			}
		})
	}
}

func TestReadCSVShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want [][]string
	}{
		{"semicolon", "名称;价格\n甲;1.5\n", [][]string{{"名称", "价格"}, {"甲", "1.5"}}},
		{"tab", "名称\t价格\r\n甲\t1\r\n", [][]string{{"名称", "价格"}, {"甲", "1"}}},
		{"one column stays one column", "名称\n甲\n", [][]string{{"名称"}, {"甲"}}},
		{"trailing empty rows and columns", "名称,价格,,\r\n甲,1,,\r\n,,,\r\n,,\r\n\r\n", [][]string{{"名称", "价格"}, {"甲", "1"}}},
		{"ragged rows are padded", "名称,价格,备注\n甲\n乙,2\n", [][]string{{"名称", "价格", "备注"}, {"甲", "", ""}, {"乙", "2", ""}}},
		{"blank lines keep row numbers", "标题\n\n名称,价格\n\n甲,1\n", [][]string{{"标题", ""}, {"", ""}, {"名称", "价格"}, {"", ""}, {"甲", "1"}}},
		{"quoted newline is one row", "名称,备注\n甲,\"第一行\r\n第二行\"\n乙,x\n", [][]string{{"名称", "备注"}, {"甲", "第一行\n第二行"}, {"乙", "x"}}},
		{"stray quote", "名称,备注\n甲,12\"寸\n", [][]string{{"名称", "备注"}, {"甲", "12\"寸"}}},
		{"quote before a formula is taken off", "名称,价格\n'=1+1,'-5\n'普通,''=x\n", [][]string{{"名称", "价格"}, {"=1+1", "-5"}, {"'普通", "''=x"}}},
		{"no final newline", "名称,价格\n甲,1", [][]string{{"名称", "价格"}, {"甲", "1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ReadCSV(strings.NewReader(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if !equalRows(tb.Rows, tt.want) {
				t.Errorf("rows %q, want %q", tb.Rows, tt.want)
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name  string
		bytes []byte
		want  error
	}{
		{"empty file", nil, ErrEmpty},
		{"only separators", []byte(",,,\r\n,,\r\n"), ErrEmpty},
		{"over 20 MB", bytes.Repeat([]byte("a,b\n"), MaxFileSize/4+1), ErrTooLarge},
		{"over 50,000 rows", bytes.Repeat([]byte("a\n"), MaxRows+1), ErrTooManyRows},
		{"over 256 columns", []byte(strings.Repeat("a,", MaxColumns) + "a\n"), ErrTooManyColumns},
		{"legacy xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, ErrOldExcel},
		{"zip that is not a workbook", []byte("PK\x03\x04 not really"), ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tt.bytes))
			var se *Error
			if !errors.Is(err, tt.want) || !errors.As(err, &se) || !hasHan(se.Message) {
				t.Errorf("err = %v, want %v with a Chinese message", err, tt.want)
			}
			checkPunctuation(t, se.Message)
		})
	}
}

func TestReadCSVAcceptsLimits(t *testing.T) {
	b := bytes.Repeat([]byte("a\n"), MaxRows)
	b = append(b, bytes.Repeat([]byte(",,\n"), 1000)...) // empty rows past the limit do not count
	tb, err := ReadCSV(bytes.NewReader(b))
	if err != nil || len(tb.Rows) != MaxRows {
		t.Fatalf("%d rows: %v", len(tb.Rows), err)
	}
}

func TestReadCSVFixtures(t *testing.T) {
	tests := []struct {
		file     string
		encoding string
		header   int
		names    []string
	}{
		{"wps_title_crlf.csv", EncodingUTF8BOM, 1, []string{"王者荣耀 点券100", "爱奇艺月卡", "", "话费50"}},
		{"semicolon.csv", EncodingUTF8, 0, []string{"Steam 充值卡", "QQ 会员"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			tb, err := Read(f)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Detect[ResourceField](tb)
			if err != nil || tb.Encoding != tt.encoding || m.HeaderRow != tt.header {
				t.Fatalf("encoding %s header %d err %v", tb.Encoding, m.HeaderRow, err)
			}
			var names []string
			for _, row := range tb.Rows[m.HeaderRow+1:] {
				names = append(names, row[m.Column(ResourceFieldName)])
			}
			if !slices.Equal(names, tt.names) {
				t.Errorf("names %q, want %q", names, tt.names)
			}
		})
	}
}

func FuzzReadCSV(f *testing.F) {
	seeds := []string{
		chineseCSV, "名称;价格\n甲;1\n", "名称\t价格\n", "\xEF\xBB\xBF名称,价格\r\n甲,1\r\n",
		"\"a\"\"b\",c\n\"\n\"", "a,\"b\nc\"\n\n\nd", ",,,\n,\n", "\xff\xfe\x00\x00", "\xd0\xcf\x11\xe0",
		string(encodeNoT(simplifiedchinese.GBK, chineseCSV)), "\r\r\n\n\"", "a\"b,c\n",
		string(encodeNoT(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), excelUnicodeText)),
		string(encodeNoT(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), excelUnicodeText)),
		string(encodeNoT(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), chineseCSV)),
		"a\x00b\x00\t\x00", "\x00a\x00,\x00\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := ReadCSV(bytes.NewReader(b))
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Message == "" {
				t.Fatalf("error without a message for the owner: %v", err)
			}
			return
		}
		checkTable(t, tb)
	})
}

// checkTable asserts what every table ReadCSV accepts promises.
func checkTable(t *testing.T, tb *Table) {
	t.Helper()
	w := tb.Width()
	if w == 0 || w > MaxColumns || len(tb.Rows) > MaxRows {
		t.Fatalf("accepted table of %d rows × %d columns", len(tb.Rows), w)
	}
	for i, row := range tb.Rows {
		if len(row) != w {
			t.Fatalf("row %d has %d cells, want %d", i, len(row), w)
		}
	}
	if len(trimRow(slices.Clone(tb.Rows[len(tb.Rows)-1]))) == 0 {
		t.Fatal("trailing empty row kept")
	}
	if m, err := Detect[ResourceField](tb); len(m.Columns) != w || (err == nil && m.mapped() < 2) {
		t.Fatalf("Detect gave %+v, %v for width %d", m, err, w)
	}
}

// encodeNoT encodes a fuzz seed; seeds are fixed text, so failure is a bug here.
func encodeNoT(enc encoding.Encoding, s string) []byte {
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func equalRows(a, b [][]string) bool {
	return slices.EqualFunc(a, b, func(x, y []string) bool { return slices.Equal(x, y) })
}

// checkPunctuation fails when a Chinese sentence uses ASCII punctuation where the
// owner should read full-width ，；：（）; a colon between digits (20:00) is a time.
func checkPunctuation(t *testing.T, s string) {
	t.Helper()
	for i, r := range s {
		switch r {
		case ',', ';', '(', ')':
			t.Errorf("ASCII %q in %q", r, s)
		case ':':
			if i == 0 || i+1 >= len(s) || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
				t.Errorf("ASCII ':' in %q", s)
			}
		}
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// utf16 encodes s as UTF-16 in the given byte order, with or without a BOM.
func utf16(t *testing.T, order unicode.Endianness, bom bool, s string) []byte {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	return encode(t, unicode.UTF16(order, policy), s)
}

// excelUnicodeText is what Excel's 「Unicode 文本」 writes for a price list: tabs,
// CRLF, quotes only around a cell holding a quote, and a thousands comma in a number.
const excelUnicodeText = "商品名称\t价格\t库存\t备注\r\n" +
	"王者荣耀 点券100\t12.5\t1,000\t\"12\"\"寸\"\r\n" +
	"爱奇艺月卡\t9.9\t20\t\r\n" +
	"话费50\t1,048.5\t\t含,逗号\r\n"

var excelUnicodeRows = [][]string{
	{"商品名称", "价格", "库存", "备注"},
	{"王者荣耀 点券100", "12.5", "1,000", "12\"寸"},
	{"爱奇艺月卡", "9.9", "20", ""},
	{"话费50", "1,048.5", "", "含,逗号"},
}

func TestReadCSVUnicodeText(t *testing.T) {
	tests := []struct {
		name  string
		bytes []byte
	}{
		{"UTF-16 LE with BOM", utf16(t, unicode.LittleEndian, true, excelUnicodeText)},
		{"UTF-16 BE with BOM", utf16(t, unicode.BigEndian, true, excelUnicodeText)},
		{"UTF-16 LE without BOM", utf16(t, unicode.LittleEndian, false, excelUnicodeText)},
		{"UTF-16 BE without BOM", utf16(t, unicode.BigEndian, false, excelUnicodeText)},
		{"UTF-8 tabs", []byte(excelUnicodeText)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := Read(bytes.NewReader(tt.bytes))
			if err != nil {
				t.Fatal(err)
			}
			if !equalRows(tb.Rows, excelUnicodeRows) {
				t.Errorf("%s rows %q, want %q", tb.Encoding, tb.Rows, excelUnicodeRows)
			}
			m, err := Detect[ResourceField](tb)
			if err != nil || m.HeaderRow != 0 || m.Column(ResourceFieldStock) != 2 {
				t.Errorf("header %d, stock in column %d: %v", m.HeaderRow, m.Column(ResourceFieldStock), err)
			}
		})
	}
}

func TestReadCSVUTF16WithoutBOM(t *testing.T) {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		// Only ASCII: valid UTF-8 too, but the NUL bytes give it away.
		// A long Chinese note leaves few ASCII code units to find the NULs in.
		longNote := "名称\t备注\r\n王者荣耀 点券\t" + strings.Repeat("这张卡需要在游戏内的充值页面输入卡密兑换，兑换后二十四小时内到账", 6) + "\r\n"
		for _, text := range []string{chineseCSV, "name,price\r\nA,1\r\n", longNote} {
			tb, err := Read(bytes.NewReader(utf16(t, order, false, text)))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := ReadCSV(strings.NewReader(text))
			if tb.Encoding != EncodingUTF16 || !equalRows(tb.Rows, want.Rows) {
				t.Errorf("order %v: %s %q, want UTF-16 %q", order, tb.Encoding, tb.Rows, want.Rows)
			}
		}
	}
}

func TestReadCSVZeroPaddedIsNotUTF16(t *testing.T) {
	// The second has its last line end at an even offset, right before the zeros.
	for _, text := range []string{"名称,价格\r\n甲,1\r\n", "名称,价格\r\n甲,12\r\n"} {
		b := append([]byte(text), make([]byte, 16)...)
		if tb, err := Read(bytes.NewReader(b)); err != nil || tb.Encoding != EncodingUTF8 {
			t.Errorf("zero-padded UTF-8 read as %v: %v", tb, err)
		}
	}
}

func TestReadCSVGBKWithTitleRow(t *testing.T) {
	text := "我的资源表(2026年6月),,,\r\n商品名称,售价(元),库存,有效期至\r\n王者荣耀 点券100,12.5,20,2026-12-31\r\n话费50,48.5,,\r\n"
	tb, err := Read(bytes.NewReader(encode(t, simplifiedchinese.GBK, text)))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Detect[ResourceField](tb)
	if err != nil || tb.Encoding != EncodingGB18030 || m.HeaderRow != 1 || tb.Width() != 4 {
		t.Fatalf("%s width %d header %d: %v", tb.Encoding, tb.Width(), m.HeaderRow, err)
	}
	if got := tb.Rows[2][m.Column(ResourceFieldName)]; got != "王者荣耀 点券100" {
		t.Errorf("name %q", got)
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct {
		name string
		text string
		want rune
	}{
		{"comma", "名称,价格\n甲,1\n", ','},
		{"tab with a thousands comma", "名称\t价格\n甲\t1,000\n乙\t2\n", '\t'},
		{"tab with commas in every row", "名称\t价格\n甲\t1,000\n乙\t2,000\n", '\t'},
		{"semicolon with decimal commas", "名称;价格;库存\n甲;1,5;3\n乙;2,5;4\n", ';'},
		{"comma with a tab quoted", "名称,备注\n甲,\"a\tb\"\n乙,\"c\td\"\n", ','},
		{"tab with a comma quoted", "名称\t备注\n甲\t\"a,b\"\n", '\t'},
		{"tab ties with commas in every row", "名,称\t价格\n甲,乙\t1\n", '\t'},
		{"title row above the header", "我的资源表,,\n名称,价格,库存\n甲,1,2\n", ','},
		{"ragged comma rows", "名称,价格,备注\n甲\n乙,2\n", ','},
		{"one column", "名称\n甲\n", ','},
		{"empty", "", ','},
	}
	for _, tt := range tests {
		if got := separator(tt.text); got != tt.want {
			t.Errorf("%s: separator %q, want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzSeparator writes a table with each separator and reads it back. It comes back
// as written when no cell holds a separator that wins a tie over the one written
// (tab before comma before semicolon): a comma file may have semicolons in its cells,
// a tab file anything.
func FuzzSeparator(f *testing.F) {
	f.Add("名称|价格|甲|1", uint8(0))
	f.Add("名称|库存|甲|1,000|乙|2,000", uint8(2))
	f.Add("名称|价格|备注|甲|1,5|a;b", uint8(3))
	f.Add("a\"b|\"c|d,e|f", uint8(1))
	f.Fuzz(func(t *testing.T, cells string, shape uint8) {
		width := 2 + int(shape)%3
		var fields []string
		for _, c := range strings.Split(cells, "|") {
			// Drop what a cell of a real sheet does not start or end with, or that
			// reading treats on purpose: line ends, NULs, BOMs, a leading quote.
			c = strings.Map(func(r rune) rune {
				if r == '\r' || r == '\n' || r == 0 || r == '\ufeff' || r == utf8.RuneError {
					return -1
				}
				return r
			}, strings.ToValidUTF8(c, ""))
			c = strings.TrimLeft(c, "'")
			if strings.TrimSpace(c) == "" {
				c = "空"
			}
			fields = append(fields, c)
		}
		if len(fields) < width {
			return
		}
		var rows [][]string
		for i := 0; i+width <= len(fields) && len(rows) < 20; i += width {
			rows = append(rows, fields[i:i+width])
		}
		for k, sep := range separators {
			clean := make([][]string, len(rows))
			for i, row := range rows {
				clean[i] = make([]string, width)
				for j, c := range row {
					for _, earlier := range separators[:k+1] {
						c = strings.ReplaceAll(c, string(earlier), "")
					}
					clean[i][j] = c
					if strings.TrimSpace(clean[i][j]) == "" {
						clean[i][j] = "空"
					}
				}
			}
			var buf bytes.Buffer
			w := csv.NewWriter(&buf)
			w.Comma = sep
			if err := w.WriteAll(clean); err != nil {
				t.Fatal(err)
			}
			tb, err := ReadCSV(&buf)
			if err != nil {
				t.Fatalf("sep %q: %v", sep, err)
			}
			if !equalRows(tb.Rows, clean) {
				t.Fatalf("sep %q: read %q, wrote %q", sep, tb.Rows, clean)
			}
		}
	})
}
