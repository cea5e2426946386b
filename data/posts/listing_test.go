package posts

import (
	"reflect"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func TestBuildIndexListsOnlyWhatIsOnSale(t *testing.T) {
	idx, ids := BuildIndex(group, allCats, catalog(), fixedNow, cst)
	// By category, then by name in dictionary order: 和平精英 < 王者荣耀 < 原神.
	wantIDs := []uint{2, 1, 3, 8, 10, 7, 11, 16, 13, 14, 18, 17}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("listed IDs = %v, want %v", ids, wantIDs)
	}
	var names []string
	for _, c := range idx.Categories {
		names = append(names, c.Name)
	}
	if want := []string{"游戏类", "影音类", "生活类", "话费类"}; !reflect.DeepEqual(names, want) {
		t.Errorf("categories = %v, want %v (学习类 has nothing on sale)", names, want)
	}
	if idx.Count != len(wantIDs) || idx.GroupName != "星河卡盟" || idx.Date != "2026-11-26" {
		t.Errorf("header = %q %q %d", idx.GroupName, idx.Date, idx.Count)
	}
}

func TestBuildIndexOrder(t *testing.T) {
	other := data.Category{ID: 9, Name: "新分类"}
	rs := []data.Resource{
		res(1, catVideo, "视频甲", 100, 0),
		res(2, other, "新东西", 100, 0),
		res(3, catGame, "游戏甲", 100, 0),
		res(4, catVideo, "视频乙", 100, 0),
	}
	tests := []struct {
		name    string
		cats    []data.Category
		want    []string // category: resources
		wantIDs []uint
	}{
		{"owner's order", []data.Category{catGame, catVideo, other},
			[]string{"游戏类:游戏甲", "影音类:视频甲,视频乙", "新分类:新东西"}, []uint{3, 1, 4, 2}},
		{"reordered", []data.Category{other, catVideo, catGame},
			[]string{"新分类:新东西", "影音类:视频甲,视频乙", "游戏类:游戏甲"}, []uint{2, 1, 4, 3}},
		{"category missing from the list comes last", []data.Category{catGame, catVideo},
			[]string{"游戏类:游戏甲", "影音类:视频甲,视频乙", "新分类:新东西"}, []uint{3, 1, 4, 2}},
		{"no categories given", nil,
			[]string{"影音类:视频甲,视频乙", "新分类:新东西", "游戏类:游戏甲"}, []uint{1, 4, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx, ids := BuildIndex(group, tt.cats, rs, fixedNow, cst)
			var got []string
			for _, c := range idx.Categories {
				s := c.Name + ":"
				for i, l := range c.Resources {
					if i > 0 {
						s += ","
					}
					s += l.Name
				}
				if c.Count != len(c.Resources) {
					t.Errorf("%s: Count %d, %d listed", c.Name, c.Count, len(c.Resources))
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(ids, tt.wantIDs) {
				t.Errorf("got %v %v, want %v %v", got, ids, tt.want, tt.wantIDs)
			}
		})
	}
}

// Within a category, names are in dictionary order whatever order they came in.
func TestBuildIndexSortsNames(t *testing.T) {
	names := []string{"优酷VIP 月卡", "腾讯视频VIP 月卡", "QQ音乐豪华绿钻", "爱奇艺 年卡", "B站大会员", "王者荣耀点券 648元", "王者荣耀点券 30元", "王者荣耀点券 6元"}
	var rs []data.Resource
	for i, n := range names {
		rs = append(rs, res(uint(i+1), catVideo, n, 100, 0))
	}
	idx, _ := BuildIndex(group, allCats, rs, fixedNow, cst)
	var got []string
	for _, l := range idx.Categories[0].Resources {
		got = append(got, l.Name)
	}
	want := []string{"爱奇艺 年卡", "B站大会员", "QQ音乐豪华绿钻", "腾讯视频VIP 月卡",
		"王者荣耀点券 6元", "王者荣耀点券 30元", "王者荣耀点券 648元", "优酷VIP 月卡"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listed %q\nwant   %q", got, want)
	}
}

func TestListing(t *testing.T) {
	tests := []struct {
		name string
		r    data.Resource
		want Listing
	}{
		{"plain", res(1, catVideo, "月卡", 1250, 0),
			Listing{Name: "月卡", Category: "影音类", Price: "¥12.5", Stock: "不限"}},
		{"discounted", res(1, catVideo, "月卡", 1250, 3000, redeem("激活码"), stock(7), notes("说明")),
			Listing{Name: "月卡", Category: "影音类", Price: "¥12.5", OriginalPrice: "¥30", Saving: "¥17.5",
				Redeem: "激活码", Stock: "7", Notes: "说明"}},
		{"original not higher", res(1, catVideo, "月卡", 3000, 3000),
			Listing{Name: "月卡", Category: "影音类", Price: "¥30", Stock: "不限"}},
		{"original lower", res(1, catVideo, "月卡", 3000, 2000),
			Listing{Name: "月卡", Category: "影音类", Price: "¥30", Stock: "不限"}},
		{"free", res(1, catVideo, "月卡", 0, 1200),
			Listing{Name: "月卡", Category: "影音类", Price: "免费", OriginalPrice: "¥12", Saving: "¥12", Stock: "不限"}},
		{"highest price", res(1, catVideo, "月卡", data.MaxPriceCents, 0),
			Listing{Name: "月卡", Category: "影音类", Price: "¥100000", Stock: "不限"}},
		{"deadline this year, in local time", res(1, catVideo, "月卡", 100, 0, until(at(2026, 12, 31, 23, 59))),
			Listing{Name: "月卡", Category: "影音类", Price: "¥1", Stock: "不限", Deadline: "12-31 23:59"}},
		{"deadline next year shows the year", res(1, catVideo, "月卡", 100, 0, until(at(2027, 1, 5, 8, 30))),
			Listing{Name: "月卡", Category: "影音类", Price: "¥1", Stock: "不限", Deadline: "2027-01-05 08:30"}},
		{"start still ahead", res(1, catVideo, "月卡", 100, 0, from(at(2026, 12, 1, 10, 0))),
			Listing{Name: "月卡", Category: "影音类", Price: "¥1", Stock: "不限", Start: "12-01 10:00"}},
		{"start already past is not shown", res(1, catVideo, "月卡", 100, 0, from(at(2026, 11, 1, 10, 0))),
			Listing{Name: "月卡", Category: "影音类", Price: "¥1", Stock: "不限"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := BuildNewStock(group, tt.r, fixedNow, cst)
			if got.Listing != tt.want {
				t.Errorf("got  %+v\nwant %+v", got.Listing, tt.want)
			}
			if got.GroupName != "星河卡盟" || got.Date != "2026-11-26" {
				t.Errorf("header = %q %q", got.GroupName, got.Date)
			}
		})
	}
}

// The date of the post is the owner's day, not UTC's: at 01:00 in Beijing it is still
// the previous day in UTC.
func TestDateIsLocal(t *testing.T) {
	early := time.Date(2026, 11, 27, 1, 0, 0, 0, cst)
	idx, _ := BuildIndex(group, nil, nil, early.UTC(), cst)
	if idx.Date != "2026-11-27" {
		t.Errorf("Date = %q, want 2026-11-27", idx.Date)
	}
}
