package posts

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

func TestHonorGolden(t *testing.T) {
	known := []string{"2851234567", "10086", "3345678901"}
	xiaoming := &data.Member{ID: 1, QQ: "2851234567", Nickname: "小明",
		Memberships: []data.Membership{{GroupID: group.ID, CardName: "广州-小明"}}}
	xiaohong := &data.Member{ID: 2, QQ: "10086", Nickname: "小红"}
	xiaogang := &data.Member{ID: 3, QQ: "3345678901", Nickname: "小刚"}
	badge := func(id uint, m *data.Member, name string) data.BadgeHolder {
		return data.BadgeHolder{MemberBadge: data.MemberBadge{ID: id, MemberID: m.ID, Name: name}, Member: m}
	}
	full := data.HonorRoll{
		Badges: []data.BadgeHolder{badge(1, xiaoming, "热心群友"), badge(2, xiaohong, "资源达人"),
			badge(3, xiaogang, "热心群友"), badge(4, xiaoming, "热心群友")}, // 小明 holds it twice: named once
		Top: []data.TopEarner{{Member: xiaohong, Earned: 128}, {Member: xiaoming, Earned: 95}, {Member: nil, Earned: 3}},
	}
	for _, tt := range []struct {
		name string
		got  string
	}{
		{"honor", Honor(group, full, known)},
		{"honor_empty", Honor(data.Group{}, data.HonorRoll{}, known)},
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
