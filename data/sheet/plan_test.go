package sheet

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// seedCatalog saves the resources the plan tests import against.
func seedCatalog(t *testing.T, s *data.Store) []data.Resource {
	return saveDrafts(t, s,
		data.ResourceDraft{Name: "王者荣耀 点券100", Category: "游戏类", Price: "12", OriginalPrice: "15", Redeem: "卡密",
			Stock: "20", ValidUntil: "2026-12-31", Supplier: "老王", Tags: "王者,点券"},
		data.ResourceDraft{Name: "爱奇艺月卡", Category: "影音类", Price: "9.9", Redeem: "直充"},
		data.ResourceDraft{Name: "话费50", Category: "话费类", Price: "48.5", Status: "下架"},
		data.ResourceDraft{Name: "Steam充值卡 50", Category: "游戏类", Price: "45"},
	)
}

// importSheet has one row of every kind, below a title row.
var importSheet = []string{
	"我的资源表,,,,,",
	"商品名称,售价（元）,库存,有效期至,分类,进货价",
	"王者荣耀 点券100,10.5,20,2026-12-31,游戏类,8",
	"爱奇艺月卡,9.9,,,影音类,7",
	",,,,,",
	"腾讯视频年卡,168,5,2026/9/30,,150",
	"坏价格,-3,,,,",
	"王者荣耀 点券100,11,,,,",
	"话费50,48.5,,,话费类,",
	"QQ音乐绿钻,15,,2026-01-01,影音类,",
	"STEAM充值卡 50,45,,,游戏类,",
	",,,,,只在不导入的列里有字",
	"网易云黑胶,abc,-1,明天,影音类,",
}

func TestPlanClassifiesRows(t *testing.T) {
	s := newStore(t)
	cat := seedCatalog(t, s)
	p := mustPlan(t, csvTable(t, importSheet...), cat, "生活类")

	tests := []struct {
		line    int
		kind    RowKind
		details []string
	}{
		{3, RowChanged, []string{"价格 12 → 10.5"}},
		{4, RowUnchanged, nil},
		{6, RowNew, nil},
		{7, RowInvalid, []string{"第 7 行：价格不能为负数"}},
		{8, RowInvalid, []string{"第 8 行：与第 3 行重名"}},
		{9, RowUnchanged, nil},
		{10, RowInvalid, []string{"第 10 行：截止时间已经过去了，请填写将来的时间"}},
		{11, RowChanged, []string{"名称 Steam充值卡 50 → STEAM充值卡 50"}},
		{13, RowInvalid, []string{
			"第 13 行：价格格式不对，请填写数字，最多两位小数，如 12.5",
			"第 13 行：截止时间格式不对，请写成 2026-12-31 或 2026-12-31 20:00",
			"第 13 行：库存不能为负数",
		}},
	}
	for _, tt := range tests {
		row := rowByLine(t, p, tt.line)
		if row.Kind != tt.kind {
			t.Errorf("line %d: kind %s, want %s (%s)", tt.line, row.Kind.Label(), tt.kind.Label(), row.Detail())
		}
		var got []string
		for _, pr := range row.Problems {
			got = append(got, pr.String())
		}
		if tt.kind != RowInvalid {
			got = nil
			for _, c := range row.Changes {
				got = append(got, c.String())
			}
		}
		if !slices.Equal(got, tt.details) {
			t.Errorf("line %d: details %q, want %q", tt.line, got, tt.details)
		}
	}
	if len(p.Rows) != len(tests) {
		t.Errorf("planned %d rows, want %d (blank rows skipped)", len(p.Rows), len(tests))
	}
	if got, want := p.Summary(), "新增 1 条，变更 2 条，不变 2 条，无效 4 条"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// A problem carries its row and field, so a preview can show them apart; Detail and
// String give the sentences.
func TestPlanProblemsCarryRowAndField(t *testing.T) {
	s := newStore(t)
	p := mustPlan(t, csvTable(t, importSheet...), seedCatalog(t, s), "生活类")
	want := []Problem{
		{Row: 7, Field: "价格", Reason: "价格不能为负数"},
		{Row: 8, Field: "名称", Reason: "与第 3 行重名"},
		{Row: 10, Field: "截止时间", Reason: "截止时间已经过去了，请填写将来的时间"},
		{Row: 13, Field: "价格", Reason: "价格格式不对，请填写数字，最多两位小数，如 12.5"},
		{Row: 13, Field: "截止时间", Reason: "截止时间格式不对，请写成 2026-12-31 或 2026-12-31 20:00"},
		{Row: 13, Field: "库存", Reason: "库存不能为负数"},
	}
	if got := p.Problems(); !slices.Equal(got, want) {
		t.Errorf("problems\n%+v\nwant\n%+v", got, want)
	}
	if got := rowByLine(t, p, 13).Detail(); got != "价格格式不对，请填写数字，最多两位小数，如 12.5；截止时间格式不对，请写成 2026-12-31 或 2026-12-31 20:00；库存不能为负数" {
		t.Errorf("detail %q has the row number or ASCII separators", got)
	}
	if got := (Problem{Row: 5, Reason: "内容无法识别"}).String(); got != "第 5 行：内容无法识别" {
		t.Errorf("String() = %q", got)
	}
	checkPunctuation(t, p.Summary())
	checkPunctuation(t, p.Ready().Error())
}

func TestPlanKeepsUnmappedFieldsAndUsesDefaultCategory(t *testing.T) {
	s := newStore(t)
	cat := seedCatalog(t, s)
	p := mustPlan(t, csvTable(t, importSheet...), cat, "生活类")

	changed := rowByLine(t, p, 3)
	if changed.Record.ID != changed.Existing.ID || changed.Existing.ID == 0 {
		t.Errorf("changed row saves ID %d, want the existing %d", changed.Record.ID, changed.Existing.ID)
	}
	r := changed.Record
	if r.OriginalPriceCents != 1500 || r.Redeem != "卡密" || r.SupplierName() != "老王" || r.Tags != "王者,点券" {
		t.Errorf("unmapped fields not kept: %+v", r)
	}
	added := rowByLine(t, p, 6).Record
	if added.Category.Name != "生活类" || added.Stock != 5 || added.Unlimited {
		t.Errorf("new row: category %q stock %d unlimited %v", added.Category.Name, added.Stock, added.Unlimited)
	}
	if got := data.FormatDate(added.ValidUntil, cst); got != "2026-09-30" {
		t.Errorf("new row deadline %q", got)
	}
	if st := rowByLine(t, p, 9).Existing.Status; st != data.StatusOffShelf {
		t.Errorf("status %q changed although not mapped", st)
	}
}

func TestPlanCommitThenReplanIsUnchanged(t *testing.T) {
	s := newStore(t)
	cat := seedCatalog(t, s)
	tb := csvTable(t, importSheet...)
	p := mustPlan(t, tb, cat, "生活类")
	if err := p.Ready(); !errors.Is(err, ErrInvalidRows) {
		t.Errorf("Ready with invalid rows = %v, want ErrInvalidRows", err)
	}
	batch := p.ToSave()
	if len(batch) != 3 {
		t.Fatalf("ToSave gave %d resources, want 3 (1 new + 2 changed)", len(batch))
	}
	if err := s.SaveResources(batch); err != nil {
		t.Fatalf("save: %v", err)
	}
	again := mustPlan(t, tb, catalog(t, s), "生活类")
	for _, line := range []int{3, 4, 6, 9, 11} {
		if row := rowByLine(t, again, line); row.Kind != RowUnchanged {
			t.Errorf("after saving, line %d is %s: %s", line, row.Kind.Label(), row.Detail())
		}
	}
	if again.Count(RowInvalid) != 4 || len(again.ToSave()) != 0 {
		t.Errorf("after saving: %s, %d to save", again.Summary(), len(again.ToSave()))
	}
}

func TestExplainSaveErrorNamesSheetRow(t *testing.T) {
	s := newStore(t)
	cat := seedCatalog(t, s)
	p := mustPlan(t, csvTable(t, "名称,价格", "爱奇艺月卡,9.9", "新资源甲,1", "新资源乙,2"), cat, "生活类")
	// Someone adds the same name in the meantime, so the store refuses the row.
	saveDrafts(t, s, data.ResourceDraft{Name: "新资源乙", Category: "生活类", Price: "3"})
	err := s.SaveResources(p.ToSave())
	if err == nil {
		t.Fatal("save succeeded despite the name taken meanwhile")
	}
	got := p.ExplainSaveError(err)
	if !strings.HasPrefix(got, "第 4 行：已经有叫「新资源乙」的资源了") {
		t.Errorf("ExplainSaveError = %q", got)
	}
	if n := len(catalog(t, s)); n != 5 {
		t.Errorf("catalog has %d resources after a refused import, want 5 (nothing saved)", n)
	}
	if got := p.ExplainSaveError(errors.New("disk I/O error")); strings.Contains(got, "disk") {
		t.Errorf("a Go error leaked to the owner: %q", got)
	}
}

func TestToSaveReturnsFreshCopies(t *testing.T) {
	p := mustPlan(t, csvTable(t, "名称,价格,供应商", "新资源,1,老王"), nil, "生活类")
	first := p.ToSave()
	first[0].ID, first[0].Supplier.ID = 99, 7
	second := p.ToSave()
	if second[0].ID != 0 || second[0].Supplier.ID != 0 {
		t.Errorf("a retried save would reuse IDs from a rolled-back one: %+v", second[0])
	}
}

func TestNewPlanRefusesBadMapping(t *testing.T) {
	tb := csvTable(t, "名称,价格", "甲,1")
	noName := ResourceMapping{HeaderRow: 0, Columns: []ResourceField{ResourceFieldIgnore, ResourceFieldPrice}}
	noCategory := ResourceMapping{HeaderRow: 0, Columns: []ResourceField{ResourceFieldName, ResourceFieldPrice}}
	twice := ResourceMapping{HeaderRow: 0, Columns: []ResourceField{ResourceFieldName, ResourceFieldName}}
	tests := []struct {
		name     string
		m        ResourceMapping
		category string
		want     string
	}{
		{"no name column", noName, "生活类", "请指定哪一列是资源名称"},
		{"no category at all", noCategory, " ", "表格里没有分类列，请选择新资源要放进哪个分类"},
		{"field twice", twice, "生活类", "有两列都选成了「名称」，请只保留一列"},
		{"no header row", ResourceMapping{HeaderRow: -1, Columns: make([]ResourceField, 2)}, "生活类", "请先指定表头所在的行"},
		{"wrong width", ResourceMapping{HeaderRow: 0, Columns: []ResourceField{ResourceFieldName}}, "生活类", "请先指定表头所在的行"},
		{"unknown field", ResourceMapping{HeaderRow: 0, Columns: []ResourceField{ResourceFieldName, "price_cents"}}, "生活类", "列的用途「price_cents」无法识别，请重新选择"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewResourcePlan(tb, tt.m, nil, Options{DefaultCategory: tt.category, Now: testNow, Loc: cst})
			if !errors.Is(err, ErrMapping) || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			checkPunctuation(t, err.Error())
		})
	}
}

func TestChangeShowsOwnerWords(t *testing.T) {
	tests := []struct {
		c    Change[ResourceField]
		want string
	}{
		{Change[ResourceField]{ResourceFieldPrice, "12", "10.5"}, "价格 12 → 10.5"},
		{Change[ResourceField]{ResourceFieldStock, shown(ResourceFieldStock, ""), shown(ResourceFieldStock, "3")}, "库存 不限 → 3"},
		{Change[ResourceField]{ResourceFieldValidUntil, shown(ResourceFieldValidUntil, "2026-12-31"), shown(ResourceFieldValidUntil, "")}, "截止时间 2026-12-31 → 无"},
		{Change[ResourceField]{ResourceFieldNotes, shown(ResourceFieldNotes, ""), shown(ResourceFieldNotes, strings.Repeat("长", 25))}, "备注 无 → " + strings.Repeat("长", 20) + "…"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%#v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestDropSeconds(t *testing.T) {
	tests := map[string]string{
		"2026/12/31 20:00:59": "2026-12-31 20:00",
		"2026-1-2 8:05:00":    "2026-01-02 08:05",
		"2026-12-31T20:00:00": "2026-12-31 20:00",
		"2026-12-31 20:00":    "2026-12-31 20:00",
		"2026-12-31":          "2026-12-31",
		"明天":                  "明天",
	}
	for in, want := range tests {
		if got := dropSeconds(in); got != want {
			t.Errorf("dropSeconds(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlanEmptyStatusAndCategoryKeepExisting(t *testing.T) {
	s := newStore(t)
	cat := seedCatalog(t, s)
	p := mustPlan(t, csvTable(t, "名称,价格,分类,状态", "话费50,48.5,,", "话费50x,1,,"), cat, "生活类")
	if row := rowByLine(t, p, 2); row.Kind != RowUnchanged {
		t.Errorf("empty category and status changed the resource: %s", row.Detail())
	}
	if r := rowByLine(t, p, 3).Record; r.Category.Name != "生活类" || r.Status != data.StatusOnSale {
		t.Errorf("new row: category %q status %q", r.Category.Name, r.Status)
	}
}

func TestPlanAcceptsPastDeadlineOnlyWhenUnchanged(t *testing.T) {
	s := newStore(t)
	past := time.Date(2026, 5, 1, 23, 59, 0, 0, cst).UTC()
	r := data.Resource{Name: "过期卡", Category: data.Category{Name: "游戏类"}, PriceCents: 100, Unlimited: true,
		Status: data.StatusOnSale, ValidUntil: &past}
	if err := s.SaveResource(&r); err != nil {
		t.Fatal(err)
	}
	p := mustPlan(t, csvTable(t, "名称,价格,截止时间", "过期卡,1,2026-05-01", "过期卡2,1,2026-05-01"), catalog(t, s), "游戏类")
	if k := rowByLine(t, p, 2).Kind; k != RowUnchanged {
		t.Errorf("expired resource re-imported as %s", k.Label())
	}
	if k := rowByLine(t, p, 3).Kind; k != RowInvalid {
		t.Errorf("new resource with a past deadline planned as %s", k.Label())
	}
}
