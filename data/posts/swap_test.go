package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func swapListings() []data.SwapListing {
	game, video := uint(1), uint(2)
	xiaoming := &data.Member{ID: 1, QQ: "2851234567", Nickname: "小明",
		Memberships: []data.Membership{{GroupID: group.ID, CardName: "广州-小明"}}}
	xiaohong := &data.Member{ID: 2, QQ: "10086", Nickname: "小红"}
	xiaogang := &data.Member{ID: 3, QQ: "3345678901", Nickname: "小刚"}
	in := func(d int) time.Time { return fixedNow.Add(time.Duration(d) * 24 * time.Hour).UTC() }
	return []data.SwapListing{
		{ID: 1, MemberID: 1, Member: xiaoming, HasText: "王者荣耀点券 60点", HasCategoryID: &game, Quantity: 2,
			WantText: "爱奇艺月卡", State: data.SwapListingOpen, ExpiresAt: in(3)},
		{ID: 2, MemberID: 2, Member: xiaohong, HasText: "爱奇艺月卡", HasCategoryID: &video, Quantity: 1,
			WantCategory: &data.Category{ID: 1, Name: "游戏类"}, State: data.SwapListingOpen, ExpiresAt: in(5),
			Note: "QQ 10086 私聊"},
		{ID: 3, MemberID: 3, Member: xiaogang, HasText: "网易云年卡", Quantity: 1, WantText: "话费 50元",
			State: data.SwapListingOpen, ExpiresAt: in(1)},
		{ID: 4, MemberID: 3, Member: xiaogang, HasText: "已过期的", Quantity: 1, WantText: "x",
			State: data.SwapListingOpen, ExpiresAt: in(-1)},
		{ID: 5, MemberID: 3, Member: xiaogang, HasText: "撮合中的", Quantity: 1, WantText: "y",
			State: data.SwapListingTaken, ExpiresAt: in(2)},
	}
}

func TestSwapGolden(t *testing.T) {
	known := []string{"2851234567", "10086", "3345678901"}
	cats := []data.Category{{ID: 1, Name: "游戏类"}, {ID: 2, Name: "影音类"}}
	ls := swapListings()
	pair := data.SwapSuggestion{Key: "1>2", Listings: ls[:2]}
	cycle := data.SwapSuggestion{Key: "1>2>3", Cycle: true, Listings: ls[:3]}
	for _, tt := range []struct {
		name string
		got  string
	}{
		{"swap_board", SwapBoard(group, ls, cats, fixedNow, cst, known)},
		{"swap_board_empty", SwapBoard(data.Group{}, ls[3:], cats, fixedNow, cst, known)},
		{"swap_match_pair", SwapMatch(group, pair, known)},
		{"swap_match_cycle", SwapMatch(group, cycle, known)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assertGolden(t, tt.name, tt.got)
			for _, qq := range known {
				if strings.Contains(tt.got, qq) {
					t.Errorf("QQ %s appears whole", qq)
				}
			}
		})
	}
}
