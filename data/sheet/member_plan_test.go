package sheet

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// memberGroups are the two groups of the member plan tests: the list is imported into
// here; other holds seats the import must keep.
type memberGroups struct{ here, other uint }

// seedMembers saves two groups and the members the plan tests import against.
func seedMembers(t *testing.T, s *data.Store) memberGroups {
	t.Helper()
	here, other := data.Group{Name: "王者荣耀交流群", Number: "123456789"}, data.Group{Name: "影音会员群", Number: "987654321"}
	for _, g := range []*data.Group{&here, &other} {
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []data.MemberDraft{
		{QQ: "123456789", Nickname: "橘猫", Motivations: []string{"刚需获取"}, Interests: "王者荣耀", Memberships: []data.MembershipDraft{
			{GroupID: here.ID, CardName: "广州-橘猫", Role: data.RoleAdmin, JoinedOn: "2024-05-01"},
			{GroupID: other.ID, CardName: "橘猫|影音"}}},
		{QQ: "22222222", Nickname: "小鱼", Interests: "原神", Memberships: []data.MembershipDraft{
			{GroupID: other.ID, CardName: "小鱼儿", JoinedOn: "2023-01-01"}}},
		{QQ: "33333333", Nickname: "阿强", Memberships: []data.MembershipDraft{
			{GroupID: here.ID, CardName: "阿强", JoinedOn: "2024-03-02 12:30"}}},
		{QQ: "44444444", Nickname: "不变君", Notes: "老客户", Memberships: []data.MembershipDraft{
			{GroupID: here.ID, CardName: "不变君", JoinedOn: "2024-01-01"}}},
	} {
		m, err := d.Parse(cst)
		if err != nil {
			t.Fatalf("parse %s: %v", d.QQ, err)
		}
		if err := s.SaveMember(&m); err != nil {
			t.Fatalf("save %s: %v", d.QQ, err)
		}
	}
	return memberGroups{here.ID, other.ID}
}

func members(t testing.TB, s *data.Store) []data.Member {
	t.Helper()
	ms, err := s.Members(0)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// memberSheet is a QQ group tool's export with a title row: one row of every kind.
var memberSheet = []string{
	"王者荣耀交流群 群成员列表,,,,,,,,",
	"QQ号,昵称,群名片,身份,入群时间,性别,Q龄,等级,最后发言",
	"123456789,橘猫,广州-大橘猫,管理员,2024-05-01,男,10年,LV5,2026-05-30",
	"22222222,小鱼,小鱼,成员,2024/5/1 12:30,女,3年,LV2,",
	"33333333,阿强,阿强,群主,2024-03-02 12:30:45,男,,,",
	"44444444,,不变君,,2024-01-01,,,,",
	"55555,,,,2026-01-02 08:00,,,,",
	"1234,短号,短号,成员,,,,,",
	"66666666,新人,新人,版主,2024-13-01,,,,",
	"55555,又是他,,,,,,,",
	",,,,,女,1年,,",
	"７７７７７７７７,全角,,普通成员,,,,,",
	"77777777,半角,,,,,,,",
	"'99999999,,撇号,,,,,,",
}

func mustMemberPlan(t testing.TB, tb *Table, known []data.Member, group uint) *MemberPlan {
	t.Helper()
	m, err := Detect[MemberField](tb)
	if err != nil {
		t.Fatalf("detect: %v", err)
	}
	p, err := NewMemberPlan(tb, m, known, group, Options{Now: testNow, Loc: cst})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return p
}

func memberRowByLine(t testing.TB, p *MemberPlan, line int) *MemberRow { return rowAt(t, p, line) }

func TestMemberPlanClassifiesRows(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	p := mustMemberPlan(t, csvTable(t, memberSheet...), members(t, s), g.here)

	tests := []struct {
		line   int
		kind   RowKind
		name   string
		detail string
	}{
		{3, RowChanged, "广州-大橘猫", "群名片 广州-橘猫 → 广州-大橘猫；最后发言 无 → 2026-05-30；等级 无 → LV5"},
		{4, RowChanged, "小鱼", "加入本群"}, // its 等级 LV2 goes on the new seat
		{5, RowChanged, "阿强", "身份 成员 → 群主"},
		{6, RowUnchanged, "不变君", ""},
		{7, RowNew, "", ""},
		{8, RowInvalid, "短号", "QQ号须为 5–12 位数字，且不以 0 开头"},
		{9, RowInvalid, "新人", "身份「版主」认不出，请填 群主、管理员 或 成员（学生、上班族这类请放在「人群」列）；" +
			"入群日期格式不对，请写成 2026-12-31 或 2026-12-31 20:00"},
		{10, RowInvalid, "又是他", "QQ号 55555 与第 7 行重复"},
		{12, RowNew, "全角", ""},
		{13, RowInvalid, "半角", "QQ号 77777777 与第 12 行重复"},
		{14, RowNew, "撇号", ""},
	}
	for _, tt := range tests {
		row := memberRowByLine(t, p, tt.line)
		if row.Kind != tt.kind || row.Name != tt.name || row.Detail() != tt.detail {
			t.Errorf("line %d: %s %q %q, want %s %q %q", tt.line, row.Kind.Label(), row.Name, row.Detail(),
				tt.kind.Label(), tt.name, tt.detail)
		}
		if (row.Record != nil) != (tt.kind == RowNew || tt.kind == RowChanged) {
			t.Errorf("line %d: %s row with member %v", tt.line, row.Kind.Label(), row.Record)
		}
	}
	if len(p.Rows) != len(tests) {
		t.Errorf("planned %d rows, want %d (blank rows skipped)", len(p.Rows), len(tests))
	}
	// The key is the QQ number as the store keeps it: half-width, without Excel's quote.
	for line, want := range map[int]string{3: "123456789", 12: "77777777", 14: "99999999"} {
		if got := memberRowByLine(t, p, line).Key; got != want {
			t.Errorf("line %d: key %q, want %q", line, got, want)
		}
	}
	if got, want := p.Summary(), "新增 3 条，变更 3 条，不变 1 条，无效 4 条"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	got := p.Problems()
	if len(got) != 5 || got[0].Row != 8 || got[0].Field != "QQ号" || got[2].Field != "入群日期" || got[4].Row != 13 ||
		got[4].String() != "第 13 行：QQ号 77777777 与第 12 行重复" {
		t.Errorf("problems %+v", got)
	}
}

func TestMemberPlanSeats(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	p := mustMemberPlan(t, csvTable(t, memberSheet...), members(t, s), g.here)
	byQQ := make(map[string]*data.Member)
	for _, m := range p.ToSave() {
		byQQ[m.QQ] = m
	}
	seat := func(qq string, group uint) string {
		m := byQQ[qq]
		if m == nil || m.In(group) == nil {
			return "no seat"
		}
		ms := m.In(group)
		return ms.CardName + " " + ms.Role.Label() + " " + data.FormatDate(ms.JoinedOn, cst)
	}
	tests := []struct {
		qq    string
		group uint
		want  string
	}{
		{"123456789", g.here, "广州-大橘猫 管理员 2024-05-01"},
		{"123456789", g.other, "橘猫|影音 成员 "},
		{"22222222", g.here, "小鱼 成员 2024-05-01 12:30"},
		{"22222222", g.other, "小鱼儿 成员 2023-01-01"},
		{"33333333", g.here, "阿强 群主 2024-03-02 12:30"},
		{"55555", g.here, " 成员 2026-01-02 08:00"},
		{"55555", g.other, "no seat"},
		{"77777777", g.here, " 成员 "},
		{"99999999", g.here, "撇号 成员 "},
	}
	for _, tt := range tests {
		if got := seat(tt.qq, tt.group); got != tt.want {
			t.Errorf("%s in group %d: %q, want %q", tt.qq, tt.group, got, tt.want)
		}
	}
	// Details without a column, and tags, stay as they were.
	if m := byQQ["123456789"]; m.Nickname != "橘猫" || len(m.Tags) != 2 || m.TagValues(data.TagInterest)[0] != "王者荣耀" {
		t.Errorf("known member lost details: %+v", m)
	}
	if n := len(p.ToSave()); n != 6 {
		t.Errorf("ToSave gave %d members, want 6 (3 new + 3 changed)", n)
	}
}

// tagSheet maps the owner's tag and note columns and nothing about seats.
var tagSheet = []string{
	"QQ号,动机,兴趣,人群,备注",
	"123456789,信息差红利、社交认同,王者荣耀，原神,上班族,",
	"22222222,刚需获取;社交认同,原神,,常问原神",
	"33333333,刚需,,,",
	"44444444,,,,老客户",
	"88888888,社交认同 社交认同,,学生 宝妈,新来的",
}

func TestMemberPlanTags(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	p := mustMemberPlan(t, csvTable(t, tagSheet...), members(t, s), g.here)
	tests := []struct {
		line   int
		kind   RowKind
		detail string
		tags   string // the tags to save, kind:value
	}{
		{2, RowChanged, "动机 刚需获取 → 信息差红利、社交认同；兴趣 王者荣耀 → 王者荣耀、原神；人群 无 → 上班族",
			"motivation:信息差红利 motivation:社交认同 interest:王者荣耀 interest:原神 segment:上班族"},
		{3, RowChanged, "加入本群；动机 无 → 刚需获取、社交认同；备注 无 → 常问原神",
			"motivation:刚需获取 motivation:社交认同 interest:原神"},
		{4, RowInvalid, "动机「刚需」认不出，只能填 刚需获取、信息差红利、社交认同", ""},
		{5, RowUnchanged, "", ""},
		{6, RowNew, "", "motivation:社交认同 segment:学生 segment:宝妈"},
	}
	for _, tt := range tests {
		row := memberRowByLine(t, p, tt.line)
		if row.Kind != tt.kind || row.Detail() != tt.detail {
			t.Errorf("line %d: %s %q, want %s %q", tt.line, row.Kind.Label(), row.Detail(), tt.kind.Label(), tt.detail)
		}
		if row.Record != nil && memberTags(row.Record) != tt.tags {
			t.Errorf("line %d: tags %q, want %q", tt.line, memberTags(row.Record), tt.tags)
		}
	}
	// Without seat columns, the seat a known member has stays as it was.
	if ms := memberRowByLine(t, p, 2).Record.In(g.here); ms.CardName != "广州-橘猫" || ms.Role != data.RoleAdmin {
		t.Errorf("seat changed by a sheet without seat columns: %+v", ms)
	}
}

func memberTags(m *data.Member) string {
	var parts []string
	for _, tag := range m.Tags {
		parts = append(parts, string(tag.Kind)+":"+tag.Value)
	}
	return strings.Join(parts, " ")
}

// planOne plans a one-row sheet for a new member and returns the row.
func planOne(t *testing.T, header, cells string) *MemberRow {
	t.Helper()
	p := mustMemberPlan(t, csvTable(t, header, cells), nil, 1)
	if len(p.Rows) != 1 {
		t.Fatalf("%d rows planned", len(p.Rows))
	}
	return &p.Rows[0]
}

func TestMemberPlanReadsRoles(t *testing.T) {
	tests := []struct {
		cell string
		want data.Role // "" for a refused cell
	}{
		{"群主", data.RoleOwner},
		{"管理员", data.RoleAdmin},
		{"成员", data.RoleMember},
		{" 群管理员 ", data.RoleAdmin},
		{"普通成员", data.RoleMember},
		{"创建者", data.RoleOwner},
		{"Admin", data.RoleAdmin},
		{"", data.RoleMember},
		{"版主", ""},
		{"学生", ""},
	}
	for _, tt := range tests {
		row := planOne(t, "QQ号,身份", "123456789,"+tt.cell)
		if tt.want == "" {
			if row.Kind != RowInvalid || !strings.Contains(row.Detail(), "身份「"+strings.TrimSpace(tt.cell)+"」认不出") {
				t.Errorf("role %q: %s %q, want refused", tt.cell, row.Kind.Label(), row.Detail())
			}
			continue
		}
		if row.Kind != RowNew || row.Record.In(1).Role != tt.want {
			t.Errorf("role %q: %s %q %+v, want %s", tt.cell, row.Kind.Label(), row.Detail(), row.Record, tt.want)
		}
	}
}

func TestMemberPlanReadsDates(t *testing.T) {
	tests := []struct {
		cell string
		want string // as FormatDate shows it in CST, or "refused"
	}{
		{"2024-05-01", "2024-05-01"},
		{"2024/5/1", "2024-05-01"},
		{"2024/5/1 12:30", "2024-05-01 12:30"},
		{"2024-05-01 12:30:45", "2024-05-01 12:30"},
		{"2024/5/1 8:05:00", "2024-05-01 08:05"},
		{"2024年5月1日", "2024-05-01"},
		{"20240501", "2024-05-01"},
		{"", ""},
		{"2024-13-01", "refused"},
		{"昨天", "refused"},
	}
	for _, tt := range tests {
		row := planOne(t, "QQ号,入群时间", "123456789,"+tt.cell)
		got := "refused"
		if row.Kind != RowInvalid {
			got = data.FormatDate(row.Record.In(1).JoinedOn, cst)
		}
		if got != tt.want {
			t.Errorf("date %q: %q (%s), want %q", tt.cell, got, row.Detail(), tt.want)
		}
	}
}

// A join date in the future is a typo or a wrong column; a day of slack lets a list
// exported in another time zone through. testNow is 2026-06-01 10:00 CST.
func TestMemberPlanRefusesFutureJoinDates(t *testing.T) {
	tests := []struct {
		cell    string
		refused bool
	}{
		{"2026-06-01", false},
		{"2026-06-01 18:00", false},
		{"2026-06-02", false},
		{"2026-06-02 10:00", false},
		{"2026-06-02 10:01", true},
		{"2026-06-03", true},
		{"2027/1/1", true},
	}
	for _, tt := range tests {
		row := planOne(t, "QQ号,入群时间", "123456789,"+tt.cell)
		if !tt.refused {
			if row.Kind != RowNew {
				t.Errorf("date %q: %s %s, want accepted", tt.cell, row.Kind.Label(), row.Detail())
			}
			continue
		}
		if row.Kind != RowInvalid || len(row.Problems) != 1 {
			t.Errorf("date %q: %s %q, want refused", tt.cell, row.Kind.Label(), row.Problems)
			continue
		}
		if got := row.Problems[0]; got.Row != 2 || got.Field != "入群日期" || !strings.HasPrefix(got.Reason, "入群日期") ||
			!strings.Contains(got.Reason, "将来") {
			t.Errorf("date %q: problem %+v, want row 2 and 入群日期 named", tt.cell, got)
		}
	}
}

func TestMemberPlanKeepsNicknameWhenCellEmpty(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	p := mustMemberPlan(t, csvTable(t, "QQ号,昵称,群名片", "123456789,,广州-橘猫", "33333333,强哥,阿强"), members(t, s), g.here)
	if row := memberRowByLine(t, p, 2); row.Kind != RowUnchanged {
		t.Errorf("empty nickname changed the member: %s", row.Detail())
	}
	if row := memberRowByLine(t, p, 3); row.Detail() != "昵称 阿强 → 强哥" {
		t.Errorf("nickname change: %q", row.Detail())
	}
}

func TestMemberPlanSaveThenReplanIsUnchanged(t *testing.T) {
	for _, sheet := range [][]string{memberSheet, tagSheet} {
		s := newStore(t)
		g := seedMembers(t, s)
		tb := csvTable(t, sheet...)
		p := mustMemberPlan(t, tb, members(t, s), g.here)
		if err := p.Ready(); !errors.Is(err, ErrInvalidRows) {
			t.Errorf("Ready with invalid rows = %v, want ErrInvalidRows", err)
		}
		if err := s.SaveMembers(p.ToSave()); err != nil {
			t.Fatalf("save: %v", err)
		}
		again := mustMemberPlan(t, tb, members(t, s), g.here)
		for _, row := range again.Rows {
			if row.Kind != RowUnchanged && row.Kind != RowInvalid {
				t.Errorf("after saving, line %d is %s: %s", row.Line, row.Kind.Label(), row.Detail())
			}
		}
		if again.Count(RowInvalid) != p.Count(RowInvalid) || len(again.ToSave()) != 0 {
			t.Errorf("after saving: %s, %d to save", again.Summary(), len(again.ToSave()))
		}
		// Seats in the other group survived the save.
		for _, m := range members(t, s) {
			if m.QQ == "123456789" && (m.In(g.other) == nil || m.In(g.other).CardName != "橘猫|影音") {
				t.Errorf("seat in the other group lost: %+v", m.Memberships)
			}
		}
	}
}

func TestMemberPlanReadsGBKCSV(t *testing.T) {
	text := "群成员导出\r\nQQ号,昵称,群名片,身份,入群时间\r\n123456789,橘猫,广州-橘猫,管理员,2024/5/1 12:30\r\n22222222,小鱼,,成员,2024/5/2 8:00\r\n"
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read(bytes.NewReader(b))
	if err != nil || tb.Encoding != EncodingGB18030 {
		t.Fatalf("Read = %v, encoding %q", err, tb.Encoding)
	}
	p := mustMemberPlan(t, tb, nil, 1)
	var got []string
	for _, m := range p.ToSave() {
		ms := m.In(1)
		got = append(got, m.QQ+" "+m.Nickname+" "+ms.CardName+" "+ms.Role.Label()+" "+data.FormatDate(ms.JoinedOn, cst))
	}
	want := []string{"123456789 橘猫 广州-橘猫 管理员 2024-05-01 12:30", "22222222 小鱼  成员 2024-05-02 08:00"}
	if !slices.Equal(got, want) || p.Summary() != "新增 2 条，变更 0 条，不变 0 条，无效 0 条" {
		t.Errorf("planned %q (%s), want %q", got, p.Summary(), want)
	}
}

func TestMemberExplainSaveErrorNamesSheetRow(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	p := mustMemberPlan(t, csvTable(t, "QQ号,群名片", "123456789,广州-橘猫", "55555,甲", "66666,乙"), members(t, s), g.here)
	// Someone adds the same QQ number in the meantime, so the store refuses the row.
	late := data.Member{QQ: "66666"}
	if err := s.SaveMember(&late); err != nil {
		t.Fatal(err)
	}
	err := s.SaveMembers(p.ToSave())
	if err == nil {
		t.Fatal("save succeeded despite the QQ number taken meanwhile")
	}
	if got := p.ExplainSaveError(err); !strings.HasPrefix(got, "第 4 行：QQ号 66666 已经是成员了") || !strings.Contains(got, "没有导入任何成员") {
		t.Errorf("ExplainSaveError = %q", got)
	}
	if n := len(members(t, s)); n != 5 {
		t.Errorf("%d members after a refused import, want 5 (nothing saved)", n)
	}
	if got := p.ExplainSaveError(errors.New("disk I/O error")); strings.Contains(got, "disk") {
		t.Errorf("a Go error leaked to the owner: %q", got)
	}
}

func TestMemberPlanToSaveReturnsFreshCopies(t *testing.T) {
	s := newStore(t)
	g := seedMembers(t, s)
	known := members(t, s)
	p := mustMemberPlan(t, csvTable(t, "QQ号,群名片", "22222222,小鱼", "55555,甲"), known, g.here)
	first := p.ToSave()
	first[0].Memberships[0].CardName, first[1].ID = "改过", 99
	second := p.ToSave()
	if second[0].Memberships[0].CardName != "小鱼儿" || second[1].ID != 0 {
		t.Errorf("a retried save would reuse what a rolled-back one changed: %+v", second)
	}
	for _, m := range known {
		if m.QQ == "22222222" && len(m.Memberships) != 1 {
			t.Errorf("planning changed the known members: %+v", m.Memberships)
		}
	}
}

func TestNewMemberPlanRefusesBadMapping(t *testing.T) {
	tb := csvTable(t, "QQ号,群名片", "123456789,甲")
	tests := []struct {
		name  string
		m     MemberMapping
		group uint
		want  string
	}{
		{"no QQ column", MemberMapping{HeaderRow: 0, Columns: []MemberField{MemberFieldIgnore, MemberFieldCardName}}, 1, "请指定哪一列是QQ号"},
		{"detail twice", MemberMapping{HeaderRow: 0, Columns: []MemberField{MemberFieldQQ, MemberFieldQQ}}, 1, "有两列都选成了「QQ号」，请只保留一列"},
		{"no header row", MemberMapping{HeaderRow: -1, Columns: make([]MemberField, 2)}, 1, "请先指定表头所在的行"},
		{"wrong width", MemberMapping{HeaderRow: 0, Columns: []MemberField{MemberFieldQQ}}, 1, "请先指定表头所在的行"},
		{"unknown detail", MemberMapping{HeaderRow: 0, Columns: []MemberField{MemberFieldQQ, "gender"}}, 1, "列的用途「gender」无法识别，请重新选择"},
		{"no group", MemberMapping{HeaderRow: 0, Columns: []MemberField{MemberFieldQQ, MemberFieldCardName}}, 0, "请先选择要把成员导入到哪个群"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewMemberPlan(tb, tt.m, nil, tt.group, Options{Loc: cst})
			if !errors.Is(err, ErrMapping) || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestMemberPlanTagsInAnotherOrderAreUnchanged(t *testing.T) {
	known := []data.Member{{ID: 1, QQ: "123456789", Memberships: []data.Membership{{GroupID: 1, Role: data.RoleMember}},
		Tags: []data.MemberTag{{Kind: data.TagInterest, Value: "王者荣耀"}, {Kind: data.TagInterest, Value: "原神"}}}}
	tests := []struct {
		cell string
		kind RowKind
	}{
		{"原神、王者荣耀", RowUnchanged},
		{"王者荣耀 原神 原神", RowUnchanged},
		{"原神", RowChanged},
		{"原神、王者荣耀、和平精英", RowChanged},
	}
	for _, tt := range tests {
		p := mustMemberPlan(t, csvTable(t, "QQ号,兴趣", "123456789,"+tt.cell), known, 1)
		if row := &p.Rows[0]; row.Kind != tt.kind {
			t.Errorf("interests %q: %s %s, want %s", tt.cell, row.Kind.Label(), row.Detail(), tt.kind.Label())
		}
	}
}

func FuzzNewMemberPlan(f *testing.F) {
	f.Add("123456789", "橘猫", "管理员", "2024/5/1 12:30:45", "刚需获取、社交认同", "王者荣耀，原神")
	f.Add("７７７７７７７７", "", "", "", "", "")
	f.Add("'0123", "\xff", "版主", "2024-13-01", "刚需", "#")
	f.Fuzz(func(t *testing.T, qq, card, role, joined, motivation, interest string) {
		known := []data.Member{{ID: 1, QQ: "123456789", Memberships: []data.Membership{{GroupID: 2, Role: data.RoleMember}}}}
		tb := &Table{Rows: [][]string{
			{"QQ号", "群名片", "身份", "入群时间", "动机", "兴趣"},
			{qq, card, role, joined, motivation, interest},
			{qq, card, role, joined, motivation, interest},
		}}
		m, err := Detect[MemberField](tb)
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewMemberPlan(tb, m, known, 1, Options{Loc: cst})
		if err != nil {
			t.Fatal(err)
		}
		for _, saved := range p.ToSave() {
			if data.CheckQQ("qq", "QQ号", saved.QQ) != nil || saved.In(1) == nil {
				t.Fatalf("would save %+v", saved)
			}
			if saved.QQ == "123456789" && saved.In(2) == nil {
				t.Fatalf("seat in another group lost: %+v", saved.Memberships)
			}
		}
		if len(p.Rows) == 2 && p.Rows[1].Kind != RowInvalid {
			t.Fatalf("a repeated row was planned as %s", p.Rows[1].Kind.Label())
		}
	})
}
