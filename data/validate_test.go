package data

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// goodDraft is a resource form filled in correctly; each case below spoils one field.
func goodDraft() ResourceDraft {
	return ResourceDraft{
		Name: "王者荣耀点券 60元", Category: "游戏类", Price: "55", OriginalPrice: "60",
		Redeem: "直充", Stock: "20", ValidFrom: "2026-11-20", ValidUntil: "2026-12-31",
		Supplier: "星辰卡盟", Status: "上架", Tags: "王者荣耀,安卓", Notes: "24小时内到账",
	}
}

// fieldError asserts that err is a ValidationError with exactly one problem, at field,
// whose message names the field as the owner knows it.
func fieldError(t *testing.T, err error, field, label string) {
	t.Helper()
	ve, ok := err.(ValidationError)
	if !ok {
		t.Fatalf("err = %v (%T), want ValidationError at %q", err, err, field)
	}
	fe := ve.For(field)
	if fe == nil {
		t.Fatalf("no problem at %q; got %v", field, ve)
	}
	if !strings.Contains(fe.Message, label) {
		t.Errorf("message %q does not name the field %q", fe.Message, label)
	}
	if len(ve) != 1 {
		t.Errorf("got %d problems, want only the one at %q: %v", len(ve), field, ve)
	}
}

func TestResourceDraftRefusals(t *testing.T) {
	long := strings.Repeat("卡", MaxNameLen+1)
	tests := []struct {
		name         string
		edit         func(d *ResourceDraft)
		field, label string
	}{
		{"empty name", func(d *ResourceDraft) { d.Name = "  " }, "name", "名称"},
		{"name over 60", func(d *ResourceDraft) { d.Name = long }, "name", "名称"},
		{"empty category", func(d *ResourceDraft) { d.Category = "" }, "category", "分类"},
		{"empty price", func(d *ResourceDraft) { d.Price = "" }, "price", "价格"},
		{"negative price", func(d *ResourceDraft) { d.Price = "-1" }, "price", "价格"},
		{"price over 100000", func(d *ResourceDraft) { d.Price = "100000.01" }, "price", "价格"},
		{"price abc", func(d *ResourceDraft) { d.Price = "abc" }, "price", "价格"},
		{"price 1.234", func(d *ResourceDraft) { d.Price = "1.234" }, "price", "价格"},
		{"original price bad", func(d *ResourceDraft) { d.OriginalPrice = "六十" }, "original_price", "原价"},
		{"original price negative", func(d *ResourceDraft) { d.OriginalPrice = "-60" }, "original_price", "原价"},
		{"redeem too long", func(d *ResourceDraft) { d.Redeem = strings.Repeat("码", MaxShortLen+1) }, "redeem", "兑换方式"},
		{"negative stock", func(d *ResourceDraft) { d.Stock = "-1" }, "stock", "库存"},
		{"stock not a number", func(d *ResourceDraft) { d.Stock = "很多" }, "stock", "库存"},
		{"stock over max", func(d *ResourceDraft) { d.Stock = "1000001" }, "stock", "库存"},
		{"until before from", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "2026-12-31 20:00", "2026-12-31 19:00" }, "valid_until", "截止时间"},
		{"until in the past", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "", "2026-11-25" }, "valid_until", "截止时间"},
		{"until earlier today", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "", "2026-11-26 17:59" }, "valid_until", "截止时间"},
		{"bad until text", func(d *ResourceDraft) { d.ValidUntil = "下个月" }, "valid_until", "截止时间"},
		{"bad from text", func(d *ResourceDraft) { d.ValidFrom = "2026-13-01" }, "valid_from", "开始时间"},
		{"unknown status", func(d *ResourceDraft) { d.Status = "热卖" }, "status", "状态"},
		{"supplier too long", func(d *ResourceDraft) { d.Supplier = strings.Repeat("店", MaxShortLen+1) }, "supplier", "供应商"},
		{"too many tags", func(d *ResourceDraft) { d.Tags = "a,b,c,d,e,f,g,h,i,j,k" }, "tags", "标签"},
		{"tag too long", func(d *ResourceDraft) { d.Tags = "王者荣耀," + strings.Repeat("标", MaxTagLen+1) }, "tags", "标签"},
		{"notes too long", func(d *ResourceDraft) { d.Notes = strings.Repeat("注", MaxNotesLen+1) }, "notes", "备注"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := goodDraft()
			tt.edit(&d)
			_, err := d.Parse(nil, testNow, cst)
			fieldError(t, err, tt.field, tt.label)
		})
	}
}

func TestResourceDraftAccepts(t *testing.T) {
	day := func(y int, m time.Month, d, h, min int) *time.Time {
		u := time.Date(y, m, d, h, min, 0, 0, cst).UTC()
		return &u
	}
	tests := []struct {
		name  string
		edit  func(d *ResourceDraft)
		check func(t *testing.T, r Resource)
	}{
		{"price with ¥", func(d *ResourceDraft) { d.Price = "¥12.5" }, func(t *testing.T, r Resource) {
			wantInt(t, "PriceCents", r.PriceCents, 1250)
		}},
		{"price with 元", func(d *ResourceDraft) { d.Price = "12元" }, func(t *testing.T, r Resource) {
			wantInt(t, "PriceCents", r.PriceCents, 1200)
		}},
		{"free", func(d *ResourceDraft) { d.Price = "0" }, func(t *testing.T, r Resource) {
			wantInt(t, "PriceCents", r.PriceCents, 0)
		}},
		{"price at the limit", func(d *ResourceDraft) { d.Price = "100000" }, func(t *testing.T, r Resource) {
			wantInt(t, "PriceCents", r.PriceCents, MaxPriceCents)
		}},
		{"no original price", func(d *ResourceDraft) { d.OriginalPrice = " " }, func(t *testing.T, r Resource) {
			wantInt(t, "OriginalPriceCents", r.OriginalPriceCents, 0)
		}},
		{"stock empty is unlimited", func(d *ResourceDraft) { d.Stock = "" }, func(t *testing.T, r Resource) {
			if !r.Unlimited || r.StockText() != "不限" {
				t.Errorf("Unlimited = %v, StockText %q", r.Unlimited, r.StockText())
			}
		}},
		{"stock 不限", func(d *ResourceDraft) { d.Stock = "不限" }, func(t *testing.T, r Resource) {
			if !r.Unlimited {
				t.Error("不限 is not unlimited")
			}
		}},
		{"stock 0", func(d *ResourceDraft) { d.Stock = "0" }, func(t *testing.T, r Resource) {
			if r.Unlimited || r.Stock != 0 || r.StateAt(testNow) != StateSoldOut {
				t.Errorf("stock 0: Unlimited %v, Stock %d, state %s", r.Unlimited, r.Stock, r.StateAt(testNow))
			}
		}},
		{"dates as days", func(d *ResourceDraft) {}, func(t *testing.T, r Resource) {
			wantTime(t, "ValidFrom", r.ValidFrom, day(2026, 11, 20, 0, 0))
			wantTime(t, "ValidUntil", r.ValidUntil, day(2026, 12, 31, 23, 59))
		}},
		{"dates with times", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "2026/12/1 08:00", "2026年12月2日" }, func(t *testing.T, r Resource) {
			wantTime(t, "ValidFrom", r.ValidFrom, day(2026, 12, 1, 8, 0))
			wantTime(t, "ValidUntil", r.ValidUntil, day(2026, 12, 2, 23, 59))
		}},
		{"deadline later today", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "", "2026-11-26" }, func(t *testing.T, r Resource) {
			wantTime(t, "ValidUntil", r.ValidUntil, day(2026, 11, 26, 23, 59))
		}},
		{"no dates", func(d *ResourceDraft) { d.ValidFrom, d.ValidUntil = "", "" }, func(t *testing.T, r Resource) {
			if r.ValidFrom != nil || r.ValidUntil != nil {
				t.Errorf("dates = %v, %v, want none", r.ValidFrom, r.ValidUntil)
			}
		}},
		{"status by label", func(d *ResourceDraft) { d.Status = "下架" }, func(t *testing.T, r Resource) {
			if r.Status != StatusOffShelf {
				t.Errorf("Status = %q", r.Status)
			}
		}},
		{"no status is on sale", func(d *ResourceDraft) { d.Status = "" }, func(t *testing.T, r Resource) {
			if r.Status != StatusOnSale {
				t.Errorf("Status = %q", r.Status)
			}
		}},
		{"tags split and deduplicated", func(d *ResourceDraft) { d.Tags = "王者荣耀, 安卓、安卓 #iOS;点券" }, func(t *testing.T, r Resource) {
			if r.Tags != "王者荣耀,安卓,iOS,点券" {
				t.Errorf("Tags = %q", r.Tags)
			}
		}},
		{"ten tags", func(d *ResourceDraft) { d.Tags = "a,b,c,d,e,f,g,h,i,j" }, func(t *testing.T, r Resource) {
			if len(r.TagList()) != MaxTags {
				t.Errorf("TagList = %q", r.TagList())
			}
		}},
		{"names trimmed", func(d *ResourceDraft) { d.Name, d.Supplier = "  优酷VIP年卡 ", " 鑫源数码 " }, func(t *testing.T, r Resource) {
			if r.Name != "优酷VIP年卡" || r.SupplierName() != "鑫源数码" || r.Category.Name != "游戏类" {
				t.Errorf("Name %q, supplier %q, category %q", r.Name, r.SupplierName(), r.Category.Name)
			}
		}},
		{"no supplier", func(d *ResourceDraft) { d.Supplier = "" }, func(t *testing.T, r Resource) {
			if r.Supplier != nil {
				t.Errorf("Supplier = %+v, want nil", r.Supplier)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := goodDraft()
			tt.edit(&d)
			r, err := d.Parse(nil, testNow, cst)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			tt.check(t, r)
		})
	}
}

func TestResourceDraftPastDeadlineOnEdit(t *testing.T) {
	past := time.Date(2026, 11, 25, 23, 59, 0, 0, cst).UTC()
	other := past.Add(-24 * time.Hour)
	tests := []struct {
		name    string
		prev    *Resource
		wantErr bool
	}{
		{"new resource", nil, true},
		{"edit with no deadline before", &Resource{ID: 7}, true},
		{"edit with another deadline before", &Resource{ID: 7, ValidUntil: &other}, true},
		{"edit keeping the past deadline", &Resource{ID: 7, ValidUntil: &past}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := goodDraft()
			d.ValidFrom, d.ValidUntil = "", "2026-11-25"
			r, err := d.Parse(tt.prev, testNow, cst)
			if tt.wantErr {
				fieldError(t, err, "valid_until", "截止时间")
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if r.ID != tt.prev.ID {
				t.Errorf("ID = %d, want the edited resource's %d", r.ID, tt.prev.ID)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, cst).UTC() }
	tests := []struct {
		in       string
		endOfDay bool
		want     time.Time // zero: refused
	}{
		{"2026-12-31", false, at(2026, 12, 31, 0, 0)},
		{"2026-12-31", true, at(2026, 12, 31, 23, 59)},
		{"2026-12-31 20:00", true, at(2026, 12, 31, 20, 0)},
		{"2026-1-2 8:05", false, at(2026, 1, 2, 8, 5)},
		{"2026-1-2 08:05", false, at(2026, 1, 2, 8, 5)},
		{"2026/1/2", false, at(2026, 1, 2, 0, 0)},
		{"2026.1.2", false, at(2026, 1, 2, 0, 0)},
		{"2026年1月2日", true, at(2026, 1, 2, 23, 59)},
		{"20260102", false, at(2026, 1, 2, 0, 0)},
		{" 2026-12-31 ", false, at(2026, 12, 31, 0, 0)},
		{"2000-01-01", false, at(2000, 1, 1, 0, 0)},
		{"2100-12-31", true, at(2100, 12, 31, 23, 59)},
		{"1999-12-31", false, time.Time{}},
		{"2101-01-01", false, time.Time{}},
		{"2026-02-30", false, time.Time{}},
		{"2026-12-31 24:00", false, time.Time{}},
		{"2026-12-31T20:00", false, time.Time{}},
		{"明天", false, time.Time{}},
	}
	for _, tt := range tests {
		var p problems
		got := parseDate(&p, "valid_until", "截止时间", tt.in, cst, tt.endOfDay)
		if tt.want.IsZero() {
			if got != nil || len(p) != 1 || p[0].Field != "valid_until" || !strings.Contains(p[0].Message, "截止时间") {
				t.Errorf("parseDate(%q) = %v, %v; want refused at the field", tt.in, got, p.err())
			}
			continue
		}
		if got == nil || !got.Equal(tt.want) || len(p) != 0 {
			t.Errorf("parseDate(%q, %v) = %v, %v; want %v", tt.in, tt.endOfDay, got, p.err(), tt.want)
		}
	}
	var p problems
	if got := parseDate(&p, "valid_until", "截止时间", "  ", cst, true); got != nil || len(p) != 0 {
		t.Errorf("empty date = %v, %v; want nothing and no problem", got, p.err())
	}
}

func TestCheckQQ(t *testing.T) {
	tests := []struct {
		qq string
		ok bool
	}{
		{"12345", true},
		{"123456789012", true},
		{" 987654321 ", true},
		{"1234", false},
		{"1234567890123", false},
		{"12345abc", false},
		{"01234567", false},
		{"", false},
		{"１２３４５６", false},
		{"12 345", false},
	}
	for _, tt := range tests {
		err := CheckQQ("qq", "QQ号", tt.qq)
		if tt.ok != (err == nil) {
			t.Errorf("CheckQQ(%q) = %v, want ok %v", tt.qq, err, tt.ok)
			continue
		}
		if err != nil {
			fe, isField := err.(*FieldError)
			if !isField || fe.Field != "qq" || !strings.Contains(fe.Message, "QQ号") {
				t.Errorf("CheckQQ(%q) = %#v, want a FieldError at qq naming QQ号", tt.qq, err)
			}
		}
	}
}

func TestGroupDraftParse(t *testing.T) {
	tests := []struct {
		name         string
		draft        GroupDraft
		field, label string // empty: accepted
	}{
		{"ok", GroupDraft{Name: " 王者荣耀交流群 ", Number: " 123456789 "}, "", ""},
		{"empty name", GroupDraft{Name: "", Number: "123456789"}, "name", "群名称"},
		{"name too long", GroupDraft{Name: strings.Repeat("群", MaxShortLen+1), Number: "123456789"}, "name", "群名称"},
		{"empty number", GroupDraft{Name: "影音群"}, "number", "群号"},
		{"number with letters", GroupDraft{Name: "影音群", Number: "12345a"}, "number", "群号"},
		{"number too short", GroupDraft{Name: "影音群", Number: "1234"}, "number", "群号"},
		{"notes too long", GroupDraft{Name: "影音群", Number: "123456789", Notes: strings.Repeat("注", MaxNotesLen+1)}, "notes", "备注"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := tt.draft.Parse()
			if tt.field != "" {
				fieldError(t, err, tt.field, tt.label)
				return
			}
			if err != nil || g.Name != "王者荣耀交流群" || g.Number != "123456789" {
				t.Fatalf("Parse = %+v, %v", g, err)
			}
		})
	}
}

func TestMemberDraftParse(t *testing.T) {
	good := func() MemberDraft {
		return MemberDraft{
			QQ: " 123456789 ", Nickname: "爱吃橘子的猫", Motivations: []string{"社交认同", "刚需获取"},
			Interests: "王者荣耀, 原神", Segments: "学生",
			Memberships: []MembershipDraft{{GroupID: 1, CardName: "广州-橘猫", JoinedOn: "2025-03-01"}, {GroupID: 2, Role: RoleAdmin}},
		}
	}
	tests := []struct {
		name         string
		edit         func(d *MemberDraft)
		field, label string
	}{
		{"empty qq", func(d *MemberDraft) { d.QQ = "" }, "qq", "QQ号"},
		{"qq 4 digits", func(d *MemberDraft) { d.QQ = "1234" }, "qq", "QQ号"},
		{"qq leading 0", func(d *MemberDraft) { d.QQ = "0123456" }, "qq", "QQ号"},
		{"nickname too long", func(d *MemberDraft) { d.Nickname = strings.Repeat("猫", MaxNicknameLen+1) }, "nickname", "昵称"},
		{"too many interests", func(d *MemberDraft) { d.Interests = "1 2 3 4 5 6 7 8 9 10 11" }, "interest", "兴趣"},
		{"segment too long", func(d *MemberDraft) { d.Segments = strings.Repeat("人", MaxTagLen+1) }, "segment", "人群"},
		{"card name too long", func(d *MemberDraft) { d.Memberships[0].CardName = strings.Repeat("名", MaxCardLen+1) }, "card_name", "群名片"},
		{"bad joined date", func(d *MemberDraft) { d.Memberships[1].JoinedOn = "去年" }, "joined_on", "入群日期"},
		{"notes too long", func(d *MemberDraft) { d.Notes = strings.Repeat("注", MaxNotesLen+1) }, "notes", "备注"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good()
			tt.edit(&d)
			_, err := d.Parse(cst)
			fieldError(t, err, tt.field, tt.label)
		})
	}
	t.Run("ok", func(t *testing.T) {
		m, err := good().Parse(cst)
		if err != nil {
			t.Fatal(err)
		}
		var tags []string
		for _, tag := range m.Tags {
			tags = append(tags, string(tag.Kind)+":"+tag.Value)
		}
		want := "motivation:社交认同 motivation:刚需获取 interest:王者荣耀 interest:原神 segment:学生"
		if m.QQ != "123456789" || strings.Join(tags, " ") != want {
			t.Errorf("QQ %q, tags %q; want %q", m.QQ, tags, want)
		}
		if len(m.Memberships) != 2 || m.Memberships[0].Role != RoleMember || m.Memberships[1].Role != RoleAdmin {
			t.Fatalf("memberships = %+v", m.Memberships)
		}
		wantTime(t, "JoinedOn", m.Memberships[0].JoinedOn, ptr(time.Date(2025, 3, 1, 0, 0, 0, 0, cst).UTC()))
	})
}

func wantInt[T ~int | ~int64](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %d, want %d", what, got, want)
	}
}

func wantTime(t *testing.T, what string, got, want *time.Time) {
	t.Helper()
	if (got == nil) != (want == nil) || (got != nil && !got.Equal(*want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func ptr[T any](v T) *T { return &v }

func TestSplitTags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"王者荣耀,原神", []string{"王者荣耀", "原神"}},
		{"王者荣耀，原神；学生", []string{"王者荣耀", "原神", "学生"}},
		{"王者荣耀、原神 学生;原神", []string{"王者荣耀", "原神", "学生"}},
		{" #原神#  ", []string{"原神"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := SplitTags(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitTags(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
