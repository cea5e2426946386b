package posts

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

func pointBoard(month bool) data.PointBoard {
	from, to := data.MonthBounds(fixedNow, cst)
	return data.PointBoard{Month: month, From: from, To: to, Ranks: []data.PointRank{
		{Rank: 1, MemberID: 1, QQ: "2851234567", Name: "小明", Points: 45},
		{Rank: 2, MemberID: 2, QQ: "10002", Name: "小红", Points: 30},
		{Rank: 2, MemberID: 3, QQ: "10003", Name: "1****3", Points: 30},
		{Rank: 4, MemberID: 4, QQ: "10004", Name: "阿杰", Points: 8},
	}}
}

func pointAwards() []PointAward {
	var as []PointAward
	for _, r := range points.Awards {
		as = append(as, PointAward{Reason: r, Amount: r.DefaultAmount()})
	}
	return as
}

func TestPointBoardGolden(t *testing.T) {
	known := []string{"2851234567", "10002", "10003", "10004"}
	for _, tt := range []struct {
		name string
		got  string
	}{
		{"point_board_month", PointBoardPost(group, pointBoard(true), pointAwards(), cst, known)},
		{"point_board_all", PointBoardPost(group, pointBoard(false), pointAwards(), cst, known)},
		{"point_board_empty", PointBoardPost(data.Group{}, data.PointBoard{Month: true, From: fixedNow}, nil, cst, known)},
	} {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.got) })
	}
}

// The board names at most PointBoardTop members and never a whole QQ number; members
// tied on points share a place.
func TestPointBoardTopAndMasks(t *testing.T) {
	b := pointBoard(false)
	for i := range 15 {
		b.Ranks = append(b.Ranks, data.PointRank{Rank: 5 + i, MemberID: uint(10 + i), QQ: "3851234567", Name: "群友", Points: 5})
	}
	got := PointBoardPost(group, b, nil, cst, nil)
	if n := strings.Count(got, " 分\n"); n != PointBoardTop {
		t.Errorf("%d members named, want %d:\n%s", n, PointBoardTop, got)
	}
	for _, secret := range []string{"2851234567", "3851234567"} {
		if strings.Contains(got, secret) {
			t.Errorf("%s shown whole:\n%s", secret, got)
		}
	}
	if strings.Count(got, "★ 第2名") != 2 {
		t.Errorf("the two members tied second are not both second:\n%s", got)
	}
}
