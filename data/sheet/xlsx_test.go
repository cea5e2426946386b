package sheet

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestCellText(t *testing.T) {
	tests := []struct {
		name, raw, shown, want string
	}{
		{"text", "王者荣耀", "王者荣耀", "王者荣耀"},
		{"leading zeros in text", "007", "007", "007"},
		{"general number", "12.5", "12.5", "12.5"},
		{"float noise", "0.30000000000000004", "0.3", "0.3"},
		{"currency format", "12.5", "¥12.50", "12.5"},
		{"thousands", "1234", "1,234", "1234"},
		{"short date mm-dd-yy", "46387", "12-31-26", "2026-12-31"},
		{"chinese date", "46387", "2026年12月31日", "2026-12-31"},
		{"date and time", "46387.833333333336", "12/31/26 20:00", "2026-12-31 20:00"},
		{"hidden time keeps the day shown", "46387.75", "2026/12/31", "2026-12-31"},
		{"midnight shown with its time", "46387", "2026-12-31 00:00", "2026-12-31 00:00"},
		{"chinese time", "46387.5", "2026年12月31日 12时00分", "2026-12-31 12:00"},
		{"time only keeps its text", "0.5", "12:00", "12:00"},
		{"negative number", "-3", "(3.00)", "-3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cellText(tt.raw, tt.shown, false); got != tt.want {
				t.Errorf("cellText(%q, %q) = %q, want %q", tt.raw, tt.shown, got, tt.want)
			}
		})
	}
}

// workbook builds an .xlsx the way an owner's Excel might: an empty first sheet, a
// title row, typed numbers and dates in several formats.
func workbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		must(err)
		return id
	}
	cnDate := `yyyy"年"m"月"d"日"`
	money := `"¥"#,##0.00`
	shortDate, dateTime := style(&excelize.Style{NumFmt: 14}), style(&excelize.Style{NumFmt: 22})
	cn, yuan := style(&excelize.Style{CustomNumFmt: &cnDate}), style(&excelize.Style{CustomNumFmt: &money})
	_, err := f.NewSheet("资源")
	must(err)
	sh := "资源"
	rows := [][]any{
		{"2026 年 6 月资源表"},
		{"名称", "价格(元)", "库存", "截止时间", "开始时间"},
		{"王者荣耀 点券100", 12.5, 20, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 20, 0, 0, 0, time.UTC)},
		{"007 会员", 0.1 + 0.2, nil, time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)},
		{},
		{"话费50", 1234.5},
	}
	for i, row := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow(sh, ref, &row))
	}
	must(f.SetCellStyle(sh, "D3", "D3", shortDate))
	must(f.SetCellStyle(sh, "E3", "E3", dateTime))
	must(f.SetCellStyle(sh, "D4", "D4", cn))
	must(f.SetCellStyle(sh, "B6", "B6", yuan))
	must(f.SetCellStyle(sh, "A20", "E20", yuan)) // formatted but empty rows at the end
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	tb, err := Read(bytes.NewReader(workbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"2026 年 6 月资源表", "", "", "", ""},
		{"名称", "价格(元)", "库存", "截止时间", "开始时间"},
		{"王者荣耀 点券100", "12.5", "20", "2026-12-31", "2026-06-01 20:00"},
		{"007 会员", "0.3", "", "2026-09-30", ""},
		{"", "", "", "", ""},
		{"话费50", "1234.5", "", "", ""},
	}
	if tb.Sheet != "资源" || !equalRows(tb.Rows, want) {
		t.Errorf("sheet %q rows\n%q\nwant\n%q", tb.Sheet, tb.Rows, want)
	}
	m, err := Detect[ResourceField](tb)
	if err != nil || m.HeaderRow != 1 {
		t.Fatalf("detect: %+v %v", m, err)
	}
	p, err := NewResourcePlan(tb, m, nil, Options{DefaultCategory: "游戏类", Now: testNow, Loc: cst})
	if err != nil || p.Count(RowNew) != 3 {
		t.Fatalf("plan: %v, %s %q", err, p.Summary(), p.Problems())
	}
}

func TestReadXLSXAllSheetsEmpty(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadXLSX(&buf); err == nil || !hasHan(err.Error()) {
		t.Errorf("empty workbook: %v", err)
	}
}
