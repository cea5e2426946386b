package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

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
			m, err := Detect(tb)
			if err != nil || tb.Encoding != tt.encoding || m.HeaderRow != tt.header {
				t.Fatalf("encoding %s header %d err %v", tb.Encoding, m.HeaderRow, err)
			}
			var names []string
			for _, row := range tb.Rows[m.HeaderRow+1:] {
				names = append(names, row[m.Column(FieldName)])
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
	if m, err := Detect(tb); len(m.Columns) != w || (err == nil && m.mapped() < 2) {
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

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
