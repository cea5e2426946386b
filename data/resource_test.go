package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// saveDraft parses d as a new resource and saves it, failing the test on any error.
func saveDraft(t *testing.T, s *Store, d ResourceDraft) Resource {
	t.Helper()
	r, err := d.Parse(nil, testNow, cst)
	if err != nil {
		t.Fatalf("parse %q: %v", d.Name, err)
	}
	if err := s.SaveResource(&r); err != nil {
		t.Fatalf("save %q: %v", d.Name, err)
	}
	return r
}

// draftNamed is goodDraft with another name, category and supplier, and no tags.
func draftNamed(name, category, supplier string) ResourceDraft {
	d := goodDraft()
	d.Name, d.Category, d.Supplier, d.Tags = name, category, supplier, ""
	return d
}

func TestSaveResourceCreatesAndUpdates(t *testing.T) {
	s := newTestStore(t)
	r := saveDraft(t, s, goodDraft())
	if r.ID == 0 || r.Category.Name != "游戏类" || r.CategoryID != r.Category.ID || r.SupplierID == nil {
		t.Fatalf("saved %+v", r)
	}
	got, err := s.Resource(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != r.Name || got.PriceCents != 5500 || got.OriginalPriceCents != 6000 || got.Stock != 20 ||
		got.Unlimited || got.Redeem != "直充" || got.Tags != "王者荣耀,安卓" || got.SupplierName() != "星辰卡盟" ||
		got.Category.Name != "游戏类" || !got.ValidUntil.Equal(*r.ValidUntil) || !got.CreatedAt.Equal(testNow) {
		t.Errorf("loaded %+v", got)
	}
	if !ParseQuery("wzry 安卓").Matches(got.SearchKey) {
		t.Errorf("SearchKey %q misses wzry and a tag", got.SearchKey)
	}

	d := DraftOf(&got, cst)
	d.Price, d.Supplier, d.Category = "52.5", "鑫源数码", "会员类"
	edited, err := d.Parse(&got, testNow, cst)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveResource(&edited); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Resource(r.ID)
	if got.PriceCents != 5250 || got.SupplierName() != "鑫源数码" || got.Category.Name != "会员类" || got.Category.Position != 5 {
		t.Errorf("after edit %+v (category %+v)", got, got.Category)
	}
	wantCount(t, s, &Resource{}, 1)
	wantCount(t, s, &Supplier{}, 2) // 星辰卡盟 stays, 鑫源数码 is new
	wantCount(t, s, &Category{}, 5)
}

func TestSaveResourceResolvesSupplierByName(t *testing.T) {
	s := newTestStore(t)
	a := saveDraft(t, s, draftNamed("腾讯视频VIP月卡", "影音类", "星辰卡盟"))
	b := saveDraft(t, s, draftNamed("爱奇艺黄金会员季卡", "影音类", "星辰卡盟"))
	c := saveDraft(t, s, draftNamed("优酷VIP年卡", "影音类", ""))
	if a.SupplierID == nil || b.SupplierID == nil || *a.SupplierID != *b.SupplierID {
		t.Errorf("same supplier name, ids %v and %v", a.SupplierID, b.SupplierID)
	}
	if c.SupplierID != nil || c.Supplier != nil {
		t.Errorf("no supplier, got %v %+v", c.SupplierID, c.Supplier)
	}
	if a.CategoryID != b.CategoryID {
		t.Errorf("same category, ids %d and %d", a.CategoryID, b.CategoryID)
	}
	wantCount(t, s, &Supplier{}, 1)
}

func TestSaveResourceBlankSupplierIsNone(t *testing.T) {
	s := newTestStore(t)
	r := Resource{Name: "滴滴打车券 10元", Category: Category{Name: "生活类"}, PriceCents: 800,
		Status: StatusOnSale, Unlimited: true, Supplier: &Supplier{Name: "  "}}
	if err := s.SaveResource(&r); err != nil {
		t.Fatal(err)
	}
	if r.SupplierID != nil || r.Supplier != nil {
		t.Errorf("blank supplier saved as %v %+v", r.SupplierID, r.Supplier)
	}
	wantCount(t, s, &Supplier{}, 0)
}

func TestSaveResourceRefusals(t *testing.T) {
	s := newTestStore(t)
	first := saveDraft(t, s, draftNamed("优酷VIP年卡", "影音类", ""))
	tests := []struct {
		name         string
		r            Resource
		field, label string
	}{
		{"same name", Resource{Name: "优酷VIP年卡"}, "name", "优酷VIP年卡"},
		{"same name in other case", Resource{Name: "优酷vip年卡"}, "name", "优酷vip年卡"},
		{"same name with spaces", Resource{Name: " 优酷VIP年卡 "}, "name", "优酷VIP年卡"},
		{"empty name", Resource{Name: " "}, "name", "名称"},
		{"negative price", Resource{Name: "A", PriceCents: -1}, "price", "价格"},
		{"absurd original price", Resource{Name: "A", OriginalPriceCents: MaxPriceCents + 1}, "original_price", "原价"},
		{"negative stock", Resource{Name: "A", Stock: -1}, "stock", "库存"},
		{"unknown status", Resource{Name: "A", Status: "hot"}, "status", "状态"},
		{"empty category", Resource{Name: "A", Category: Category{Name: " "}}, "category", "分类"},
		{"supplier too long", Resource{Name: "A", Supplier: &Supplier{Name: strings.Repeat("店", MaxShortLen+1)}}, "supplier", "供应商"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			if r.Status == "" {
				r.Status = StatusOnSale
			}
			if r.Category.Name == "" {
				r.Category.Name = "影音类"
			}
			fieldError(t, s.SaveResource(&r), tt.field, tt.label)
		})
	}
	first.PriceCents = 100 // saving a resource under its own name is an update, not a clash
	if err := s.SaveResource(&first); err != nil {
		t.Fatal(err)
	}
	wantCount(t, s, &Resource{}, 1)
	wantCount(t, s, &Supplier{}, 0)
}

func TestDraftOfRoundTrips(t *testing.T) {
	s := newTestStore(t)
	tests := []struct {
		name        string
		from, until time.Time
	}{
		{"whole days", time.Date(2026, 12, 1, 0, 0, 0, 0, cst), time.Date(2026, 12, 31, 23, 59, 0, 0, cst)},
		{"deadline at midnight", time.Date(2026, 12, 1, 8, 0, 0, 0, cst), time.Date(2026, 12, 31, 0, 0, 0, 0, cst)},
		{"start at the last minute", time.Date(2026, 11, 30, 23, 59, 0, 0, cst), time.Date(2026, 12, 2, 20, 30, 0, 0, cst)},
		{"past deadline with seconds", time.Date(2026, 11, 1, 0, 0, 0, 0, cst), time.Date(2026, 11, 20, 12, 0, 42, 0, cst)},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, until := tt.from.UTC(), tt.until.UTC()
			r := Resource{Name: "瑞幸咖啡券 " + string(rune('A'+i)), Category: Category{Name: "生活类"}, PriceCents: 990,
				OriginalPriceCents: 2900, Stock: 3, Status: StatusOffShelf, Tags: "咖啡,瑞幸",
				ValidFrom: &from, ValidUntil: &until, Supplier: &Supplier{Name: "易充网络"}, Notes: "限本人使用"}
			if err := s.SaveResource(&r); err != nil {
				t.Fatal(err)
			}
			saved, _ := s.Resource(r.ID)
			again, err := DraftOf(&saved, cst).Parse(&saved, testNow, cst)
			if err != nil {
				t.Fatalf("unchanged draft %+v refused: %v", DraftOf(&saved, cst), err)
			}
			wantTime(t, "ValidFrom", again.ValidFrom, &from)
			wantTime(t, "ValidUntil", again.ValidUntil, ptr(until.Truncate(time.Minute)))
			if again.Name != r.Name || again.PriceCents != 990 || again.OriginalPriceCents != 2900 || again.Stock != 3 ||
				again.Unlimited || again.Status != StatusOffShelf || again.Tags != r.Tags ||
				again.SupplierName() != "易充网络" || again.Category.Name != "生活类" || again.Notes != r.Notes || again.ID != r.ID {
				t.Errorf("round trip gave %+v", again)
			}
		})
	}
}

func TestStateAt(t *testing.T) {
	before, after := testNow.Add(-time.Hour), testNow.Add(time.Hour)
	tests := []struct {
		name string
		r    Resource
		want ResourceState
	}{
		{"on sale, unlimited", Resource{Status: StatusOnSale, Unlimited: true}, StateOnSale},
		{"on sale, in stock", Resource{Status: StatusOnSale, Stock: 1}, StateOnSale},
		{"stock 0", Resource{Status: StatusOnSale, Stock: 0}, StateSoldOut},
		{"set sold out", Resource{Status: StatusSoldOut, Unlimited: true}, StateSoldOut},
		{"within dates", Resource{Status: StatusOnSale, Unlimited: true, ValidFrom: &before, ValidUntil: &after}, StateOnSale},
		{"expired", Resource{Status: StatusOnSale, Unlimited: true, ValidUntil: &before}, StateExpired},
		{"deadline is now", Resource{Status: StatusOnSale, Unlimited: true, ValidUntil: &testNow}, StateOnSale},
		{"expired beats stock 0", Resource{Status: StatusOnSale, ValidUntil: &before}, StateExpired},
		{"upcoming", Resource{Status: StatusOnSale, Unlimited: true, ValidFrom: &after}, StateUpcoming},
		{"off shelf", Resource{Status: StatusOffShelf, Unlimited: true}, StateOffShelf},
		{"off shelf beats expired", Resource{Status: StatusOffShelf, ValidUntil: &before}, StateOffShelf},
		{"invalid", Resource{Status: StatusInvalid, Unlimited: true, ValidUntil: &after}, StateInvalid},
	}
	for _, tt := range tests {
		if got := tt.r.StateAt(testNow); got != tt.want {
			t.Errorf("%s: StateAt = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestSetResourceStatus(t *testing.T) {
	s := newTestStore(t)
	r := saveDraft(t, s, goodDraft())
	tests := []struct {
		id      uint
		st      ResourceStatus
		wantErr error // nil: ok; errAny: some error
	}{
		{r.ID, StatusOffShelf, nil},
		{r.ID, StatusInvalid, nil},
		{r.ID, "hot", errAny},
		{r.ID + 100, StatusOnSale, ErrNotFound},
	}
	for _, tt := range tests {
		err := s.SetResourceStatus(tt.id, tt.st)
		if !matchErr(err, tt.wantErr) {
			t.Errorf("SetResourceStatus(%d, %q) = %v, want %v", tt.id, tt.st, err, tt.wantErr)
		}
	}
	got, _ := s.Resource(r.ID)
	if got.Status != StatusInvalid || got.StateAt(testNow) != StateInvalid {
		t.Errorf("status = %q, want invalid", got.Status)
	}
}

func TestDeleteResource(t *testing.T) {
	s := newTestStore(t)
	posted := saveDraft(t, s, draftNamed("王者荣耀点券 60元", "游戏类", ""))
	free := saveDraft(t, s, draftNamed("和平精英UC 60", "游戏类", ""))
	if err := s.RecordPost(&Post{Kind: PostNewStock, Body: "【上新】王者荣耀点券 60元"}, []uint{posted.ID}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		id      uint
		wantErr error
	}{
		{"named in a post", posted.ID, ErrInUse},
		{"not named", free.ID, nil},
		{"already gone", free.ID, ErrNotFound},
	}
	for _, tt := range tests {
		if err := s.DeleteResource(tt.id); !matchErr(err, tt.wantErr) {
			t.Errorf("%s: DeleteResource = %v, want %v", tt.name, err, tt.wantErr)
		}
	}
	if _, err := s.Resource(posted.ID); err != nil {
		t.Errorf("resource named in a post is gone: %v", err)
	}
	if _, err := s.Resource(free.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted resource still loads: %v", err)
	}
}

func TestSaveResourcesAllOrNothing(t *testing.T) {
	tests := []struct {
		name  string
		rows  []Resource
		field string
	}{
		{"second row invalid", []Resource{
			{Name: "美团外卖红包 满30减15", PriceCents: 300, Supplier: &Supplier{Name: "新货源"}},
			{Name: "饿了么会员月卡", PriceCents: -1},
		}, "price"},
		{"second row repeats the first", []Resource{
			{Name: "滴滴打车券 10元", PriceCents: 800, Supplier: &Supplier{Name: "新货源"}},
			{Name: "滴滴打车券 10元", PriceCents: 700},
		}, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			rows := make([]*Resource, len(tt.rows))
			for i := range tt.rows {
				r := tt.rows[i]
				r.Category, r.Status, r.Unlimited = Category{Name: "生活类"}, StatusOnSale, true
				rows[i] = &r
			}
			err := s.SaveResources(rows)
			var re *RowError
			if !errors.As(err, &re) || re.Index != 1 {
				t.Fatalf("SaveResources = %v, want a RowError at index 1", err)
			}
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tt.field) == nil {
				t.Errorf("RowError wraps %v, want a problem at %q", re.Err, tt.field)
			}
			wantCount(t, s, &Resource{}, 0)
			wantCount(t, s, &Supplier{}, 0)
			if rows[0].ID != 0 {
				t.Errorf("first row keeps the rolled-back id %d", rows[0].ID)
			}
			rows[1].Name, rows[1].PriceCents = rows[1].Name+" 第二批", 100
			if err := s.SaveResources(rows); err != nil {
				t.Fatalf("retry after fixing row 2: %v", err)
			}
			wantCount(t, s, &Resource{}, 2)
		})
	}
}

func TestResourcesOrder(t *testing.T) {
	s := newTestStore(t)
	for _, d := range []ResourceDraft{
		draftNamed("中国移动话费 50元", "话费类", ""),
		draftNamed("王者荣耀点券 60元", "游戏类", ""),
		draftNamed("原神创世结晶 648", "游戏类", ""),
		draftNamed("B站大会员 年卡", "影音类", ""),
	} {
		saveDraft(t, s, d)
	}
	names := func() string {
		rs, err := s.Resources()
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		for _, r := range rs {
			ns = append(ns, r.Name)
		}
		return strings.Join(ns, " / ")
	}
	// Names in dictionary order: 王 (wang) before 原 (yuan).
	want := "王者荣耀点券 60元 / 原神创世结晶 648 / B站大会员 年卡 / 中国移动话费 50元"
	if got := names(); got != want {
		t.Errorf("Resources = %s, want %s", got, want)
	}
	cs, _ := s.Categories()
	if err := s.MoveCategory(cs[3].ID, -1); err != nil { // 话费类 before 生活类
		t.Fatal(err)
	}
	if err := s.MoveCategory(cs[3].ID, -1); err != nil { // and before 影音类
		t.Fatal(err)
	}
	want = "王者荣耀点券 60元 / 原神创世结晶 648 / 中国移动话费 50元 / B站大会员 年卡"
	if got := names(); got != want {
		t.Errorf("after moving 话费类 up: %s, want %s", got, want)
	}
}

func TestFilterResources(t *testing.T) {
	s := newTestStore(t)
	soon := func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "2026-12-01", "2026-12-31" }
	drafts := []struct {
		d    ResourceDraft
		edit func(d *ResourceDraft)
	}{
		{draftNamed("王者荣耀点券 60元", "游戏类", ""), nil},
		{draftNamed("王者荣耀点券 6元", "游戏类", ""), func(d *ResourceDraft) { d.Stock = "0" }},
		{draftNamed("原神创世结晶 648", "游戏类", ""), soon},
		{draftNamed("腾讯视频VIP月卡", "影音类", ""), func(d *ResourceDraft) { d.Tags = "腾讯" }},
		{draftNamed("QQ音乐绿钻 月卡", "影音类", ""), func(d *ResourceDraft) { d.Status, d.Tags = "下架", "腾讯" }},
		{draftNamed("中国移动话费 100元", "话费类", ""), nil},
	}
	for _, x := range drafts {
		if x.edit != nil {
			x.edit(&x.d)
		}
		saveDraft(t, s, x.d)
	}
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := s.Categories()
	tests := []struct {
		name string
		f    ResourceFilter
		want string
	}{
		{"everything", ResourceFilter{}, "王者荣耀点券 6元,王者荣耀点券 60元,原神创世结晶 648,QQ音乐绿钻 月卡,腾讯视频VIP月卡,中国移动话费 100元"},
		{"category", ResourceFilter{CategoryID: cs[1].ID}, "QQ音乐绿钻 月卡,腾讯视频VIP月卡"},
		{"on sale", ResourceFilter{State: StateOnSale}, "王者荣耀点券 60元,腾讯视频VIP月卡,中国移动话费 100元"},
		{"sold out", ResourceFilter{State: StateSoldOut}, "王者荣耀点券 6元"},
		{"upcoming", ResourceFilter{State: StateUpcoming}, "原神创世结晶 648"},
		{"off shelf", ResourceFilter{State: StateOffShelf}, "QQ音乐绿钻 月卡"},
		{"query initials", ResourceFilter{Query: ParseQuery("wzry")}, "王者荣耀点券 6元,王者荣耀点券 60元"},
		{"query tag", ResourceFilter{Query: ParseQuery("腾讯")}, "QQ音乐绿钻 月卡,腾讯视频VIP月卡"},
		{"query number", ResourceFilter{Query: ParseQuery("100")}, "中国移动话费 100元"},
		{"query two terms", ResourceFilter{Query: ParseQuery("wzry 60")}, "王者荣耀点券 60元"},
		{"all three", ResourceFilter{CategoryID: cs[1].ID, State: StateOnSale, Query: ParseQuery("tx")}, "腾讯视频VIP月卡"},
		{"nothing", ResourceFilter{CategoryID: cs[2].ID}, ""},
	}
	var idx []int
	for _, tt := range tests {
		idx = FilterResources(rs, tt.f, testNow, idx)
		var got []string
		for _, i := range idx {
			got = append(got, rs[i].Name)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, strings.Join(got, ","), tt.want)
		}
	}
}

// errAny stands for "some error" in tables of expected errors.
var errAny = errors.New("any error")

// matchErr reports whether err is what a table expects: nil, any error, or one that
// wraps want.
func matchErr(err, want error) bool {
	switch want {
	case nil:
		return err == nil
	case errAny:
		return err != nil
	}
	return errors.Is(err, want)
}

// wantCount asserts how many rows the table of model holds.
func wantCount(t *testing.T, s *Store, model any, want int64) {
	t.Helper()
	var n int64
	if err := s.db.Model(model).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("%T rows = %d, want %d", model, n, want)
	}
}

// SaveResources writes a big list a table at a time; the result must be what saving
// the rows one by one gives: ids, categories and suppliers added once, updates applied,
// search keys set; and a list that clashes with the catalog is refused at its row.
func TestSaveResourcesBulkMatchesOneByOne(t *testing.T) {
	build := func(s *Store) []*Resource {
		old := &Resource{Name: "旧资源", PriceCents: 100, Category: Category{Name: "游戏类"}, Status: StatusOnSale, Unlimited: true}
		if err := s.SaveResource(old); err != nil {
			t.Fatal(err)
		}
		old.PriceCents, old.Tags = 90, "王者荣耀"
		rows := []*Resource{old}
		for i := range 1200 { // more than one INSERT batch
			rows = append(rows, &Resource{Name: fmt.Sprintf(" 新资源 %d ", i), PriceCents: int64(i), Stock: i % 7,
				Category: Category{Name: "新分类"}, Supplier: &Supplier{Name: "新货源"}, Status: StatusOnSale})
		}
		return rows
	}
	bulk, single := newTestStore(t), newTestStore(t)
	if err := bulk.SaveResources(build(bulk)); err != nil {
		t.Fatal(err)
	}
	for _, r := range build(single) {
		if err := single.SaveResource(r); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := bulk.Resources()
	want, _ := single.Resources()
	if len(got) != 1201 || len(got) != len(want) {
		t.Fatalf("bulk saved %d, one by one %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Name != w.Name || g.NameKey != w.NameKey || g.PriceCents != w.PriceCents ||
			g.Category.Name != w.Category.Name || g.SupplierName() != w.SupplierName() || g.SearchKey != w.SearchKey || g.Stock != w.Stock {
			t.Fatalf("row %d: bulk %+v\none by one %+v", i, g, w)
		}
	}
	wantCount(t, bulk, &Supplier{}, 1)

	clash := []*Resource{
		{Name: "另一个", Category: Category{Name: "游戏类"}, Status: StatusOnSale, Unlimited: true},
		{Name: "旧资源", Category: Category{Name: "游戏类"}, Status: StatusOnSale, Unlimited: true},
	}
	var re *RowError
	if err := bulk.SaveResources(clash); !errors.As(err, &re) || re.Index != 1 || clash[0].ID != 0 {
		t.Errorf("a name the catalog holds: %v (first row id %d), want a RowError at index 1 and nothing saved", err, clash[0].ID)
	}
	wantCount(t, bulk, &Resource{}, 1201)
}
