package sheet

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/xuri/excelize/v2"
)

// Rows of a CSV shorter than its header. Excel and WPS write every row as wide as the
// sheet (empty cells as bare commas), so a shorter row lost a separator or was cut
// off: it is refused with its row number when a column being imported is among the
// cells it lacks, and accepted when only columns not imported are.
func TestShortCSVRowsAreRefused(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	tb := csvTable(t,
		"QQ号,昵称,群名片,备注,性别,,",
		"12345678,小明,小明-王者,老客户,男,,", // as Excel writes it, trailing empty cells and all
		"23456789,小红,,,,,",          // empty cells written as commas
		"34567890,小刚",               // lost 群名片 and 备注
		"45678901,小李,李子,老客户",        // lacks only 性别 and the unnamed columns, which are not imported
		"56789012,小王,王子",            // lacks 备注
	)
	p := mustMemberPlan(t, tb, members(t, s), g.here)
	want := map[int]string{
		2: "新增", 3: "新增", 5: "新增",
		4: "无效：这一行只有 2 格，表头有 7 格，「群名片」「备注」列在这一行没有：可能少了分隔的逗号，或者这一行被截断了，请用 Excel 或 WPS 打开检查后重新保存",
		6: "无效：这一行只有 3 格，表头有 7 格，「备注」列在这一行没有：可能少了分隔的逗号，或者这一行被截断了，请用 Excel 或 WPS 打开检查后重新保存",
	}
	for line, w := range want {
		row := memberRowByLine(t, p, line)
		got := row.Kind.Label()
		if row.Kind == RowInvalid {
			got += "：" + row.Detail()
		}
		if got != w {
			t.Errorf("row %d: %q, want %q", line, got, w)
		}
	}
	if p.Summary() != "新增 3 条，变更 0 条，不变 0 条，无效 2 条" || len(p.ToSave()) != 3 {
		t.Errorf("summary %q, %d to save", p.Summary(), len(p.ToSave()))
	}
	if pr := p.Problems(); len(pr) != 2 || pr[0].Row != 4 || pr[0].Field != "" || pr[1].Row != 6 {
		t.Errorf("problems %+v", pr)
	}
	// Leaving the 备注 column out of the import makes row 6 fine, and row 4 still lacks 群名片.
	m := MapRow[MemberField](tb, 0)
	m.Set(3, MemberFieldIgnore)
	p, err := NewMemberPlan(tb, m, members(t, s), g.here, Options{Now: testNow, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	if p.Count(RowInvalid) != 1 || memberRowByLine(t, p, 4).Kind != RowInvalid || memberRowByLine(t, p, 6).Kind != RowNew {
		t.Errorf("without 备注: %s", p.Summary())
	}
}

// The rule is the same for a price list: a row that lost a comma would put its price
// under another column.
func TestShortCSVRowsAreRefusedInPriceLists(t *testing.T) {
	tb := csvTable(t, "商品名称,售价,兑换方式", "腾讯视频VIP月卡,15,卡密", "优酷VIP月卡 12", "爱奇艺月卡,18")
	p := mustPlan(t, tb, nil, "影音类")
	if got := rowByLine(t, p, 3); got.Kind != RowInvalid || !strings.HasPrefix(got.Detail(), "这一行只有 1 格，表头有 3 格，「价格」「兑换方式」列") {
		t.Errorf("row 3: %s %q", got.Kind.Label(), got.Detail())
	}
	if got := rowByLine(t, p, 4); got.Kind != RowInvalid || !strings.Contains(got.Detail(), "「兑换方式」列在这一行没有") {
		t.Errorf("row 4: %s %q", got.Kind.Label(), got.Detail())
	}
	if rowByLine(t, p, 2).Kind != RowNew {
		t.Error("a full row was refused")
	}
}

// An .xlsx leaves empty cells at the end of a row out: such rows are never short.
func TestXLSXRowsWithoutTrailingCellsAreFine(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"QQ号", "昵称", "群名片", "备注"},
		{"12345678", "小明"},
		{"23456789", "小红", "红红"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	tb, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Given != nil {
		t.Fatalf("an .xlsx table counts cells: %v", tb.Given)
	}
	s := newStore(t)
	g := seedMembers(t, s)
	if p := mustMemberPlan(t, tb, members(t, s), g.here); p.Summary() != "新增 2 条，变更 0 条，不变 0 条，无效 0 条" {
		t.Errorf("xlsx rows: %s", p.Summary())
	}
}

// 最后发言 and 等级 are kept now: a time that cannot be read is refused with its row
// and column rather than dropped, and what is read goes on the seat.
func TestMemberPlanReadsLastSpokeAndLevel(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	tb := csvTable(t,
		"QQ号,昵称,最后发言时间,群等级",
		"12345678,小明,2026-05-30 21:15:07,冒泡",
		"23456789,小红,昨天,潜水",
		"34567890,小刚,2026/5/3,",
		"45678901,小李,2027-01-01,活跃",
		"56789012,小王,,"+strings.Repeat("级", data.MaxLevelNameLen+1),
	)
	p := mustMemberPlan(t, tb, members(t, s), g.here)
	problems := map[int]Problem{}
	for _, pr := range p.Problems() {
		problems[pr.Row] = pr
	}
	want := map[int]Problem{
		3: {Row: 3, Field: "最后发言", Reason: "最后发言（C 列）「昨天」不是日期，请写成 2026-12-31 或 2026-12-31 20:00"},
		5: {Row: 5, Field: "最后发言", Reason: "最后发言 2027-01-01 在将来，请填写已经过去的时间"},
		6: {Row: 6, Field: "等级", Reason: "等级最多 30 个字，现在 31 个字"},
	}
	if len(problems) != len(want) {
		t.Errorf("problems %+v", p.Problems())
	}
	for line, w := range want {
		if problems[line] != w {
			t.Errorf("row %d: %+v, want %+v", line, problems[line], w)
		}
	}
	if err := s.SaveMembers(p.ToSave()); err != nil {
		t.Fatal(err)
	}
	seats := map[string]*data.Membership{}
	ms := members(t, s)
	for i := range ms {
		seats[ms[i].QQ] = ms[i].In(g.here)
	}
	if seat := seats["12345678"]; seat.LevelName != "冒泡" || !seat.LastSpokeAt.Equal(time.Date(2026, 5, 30, 21, 15, 0, 0, cst)) {
		t.Errorf("seat of 小明 = %+v", seat)
	}
	if seat := seats["34567890"]; seat.LevelName != "" || !seat.LastSpokeAt.Equal(time.Date(2026, 5, 3, 0, 0, 0, 0, cst)) {
		t.Errorf("seat of 小刚 = %+v", seat)
	}
	if _, saved := seats["23456789"]; saved {
		t.Error("the row with 昨天 was saved")
	}
	// Empty cells keep what the seat has.
	again := mustMemberPlan(t, csvTable(t, "QQ号,最后发言,等级", "12345678,,"), members(t, s), g.here)
	if again.Count(RowUnchanged) != 1 {
		t.Errorf("empty cells changed the seat: %s %q", again.Summary(), again.Rows[0].Detail())
	}
}

// A member marked 已退群 who is in a later list is back in the group.
func TestMemberPlanTakesBackMembersWhoLeft(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	ms := members(t, s)
	for i := range ms {
		if ms[i].QQ == "44444444" {
			left := testNow.UTC()
			ms[i].In(g.here).LeftOn = &left
			if err := s.SaveMember(&ms[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := mustMemberPlan(t, csvTable(t, "QQ号,群名片", "44444444,不变君"), members(t, s), g.here)
	if row := p.Rows[0]; row.Kind != RowChanged || row.Detail() != "回到本群" {
		t.Fatalf("row: %s %q", row.Kind.Label(), row.Detail())
	}
	if err := s.SaveMembers(p.ToSave()); err != nil {
		t.Fatal(err)
	}
	for _, m := range members(t, s) {
		if m.QQ == "44444444" && m.Memberships[0].LeftOn != nil {
			t.Errorf("still marked as left: %+v", m.Memberships)
		}
	}
}
