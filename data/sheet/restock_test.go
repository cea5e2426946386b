package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

var restockLines = []data.DemandLine{
	{ItemKey: "求王者皮肤", Count: 1, MemberIDs: []uint{5}}, // waiting for a reply: not on the list
	{ItemKey: "原神月卡", CategoryName: "游戏类", CategoryID: 1, Count: 4, NoStock: 2, MemberIDs: []uint{1, 2, 3},
		Oldest: time.Date(2026, 11, 24, 17, 30, 0, 0, time.UTC)}, // 11-25 01:30 in Beijing
	{ItemKey: "=星巴克券", Count: 1, NoStock: 1, MemberIDs: []uint{4}, Oldest: time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)},
}

func TestRestockSheets(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRestockXLSX(&buf, restockLines, cst); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(RestockSheetName)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"要的东西", "分类", "等待人数", "求助次数", "最早求助", "报价（元）", "能供数量"},
		{"原神月卡", "游戏类", "3", "4", "2026-11-25"},
		{"=星巴克券", "未分类", "1", "1", "2026-11-26"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	buf.Reset()
	if err := WriteRestockCSV(&buf, restockLines, cst); err != nil {
		t.Fatal(err)
	}
	csv := buf.String()
	if !strings.HasPrefix(csv, "\ufeff要的东西,分类") || !strings.Contains(csv, "原神月卡,游戏类,3,4,2026-11-25") ||
		strings.Contains(csv, "\r\n=星巴克券") {
		t.Fatalf("csv %q (a cell must never start a formula)", csv)
	}
	if got := RestockFileName("星河卡盟", time.Date(2026, 11, 26, 0, 0, 0, 0, cst), ".xlsx"); got != "补货清单-星河卡盟-20261126.xlsx" {
		t.Fatalf("file name %q", got)
	}
}

func TestEverythingHasRequests(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "王者群", Number: "11111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	m := data.Member{QQ: "123456", Nickname: "小王", Memberships: []data.Membership{{GroupID: g.ID, CardName: "广州-小王"}}}
	if err := s.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	r, err := s.CaptureRequest(data.RequestDraft{MemberID: m.ID, GroupID: &g.ID, Text: "求原神月卡"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseRequest(r.ID, data.RequestNoStock); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	rows, err := f.GetRows(AllRequestsSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[1][1:8], "|") != "王者群|123456|广州-小王|求原神月卡|原神月卡|无货|0秒" {
		t.Fatalf("rows %q", rows)
	}
}
