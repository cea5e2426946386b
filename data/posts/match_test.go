package posts

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data/match"
)

func TestMatchGolden(t *testing.T) {
	rs := catalog()
	wzry, iqy := byName(rs, "王者荣耀 点券60"), byName(rs, "爱奇艺黄金会员 年卡")
	asked := fixedNow.AddDate(0, 0, -2)
	known := []string{"2851234567"}
	tests := []struct {
		name string
		text string
	}{
		{"match_group_post", strings.Join(MatchGroupPost(wzry, []string{"广州-点券", "兴趣王者", "夜猫子 2851234567", "求过王者"}, fixedNow, cst, known), partSeparator)},
		{"match_group_post_deadline", strings.Join(MatchGroupPost(iqy, []string{"追剧小王"}, fixedNow, cst, known), partSeparator)},
		{"match_private_open", MatchPrivateMessage(wzry, "广州-点券", []match.Reason{{Kind: match.OpenRequest, Value: "有没有wzry点券", At: asked}, {Kind: match.Interest, Value: "王者荣耀"}}, fixedNow, cst, known)},
		{"match_private_past", MatchPrivateMessage(iqy, "追剧小王", []match.Reason{{Kind: match.PastRequest, Value: "求爱奇艺年卡 QQ 2851234567", At: asked.AddDate(0, -1, 0)}}, fixedNow, cst, known)},
		{"match_private_interest", MatchPrivateMessage(wzry, "兴趣王者", []match.Reason{{Kind: match.Interest, Value: "王者荣耀"}}, fixedNow, cst, known)},
		{"match_private_plain", MatchPrivateMessage(wzry, "小鱼", nil, fixedNow, cst, known)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.text) })
	}
}

// TestMatchGroupPostSplits: a resource that fits hundreds of members makes a post in
// parts, each naming some of them, none lost.
func TestMatchGroupPostSplits(t *testing.T) {
	var names []string
	for i := range 400 {
		names = append(names, "群友"+strings.Repeat("甲", i%5)+string(rune('A'+i%26)))
	}
	parts := MatchGroupPost(byName(catalog(), "王者荣耀 点券60"), names, fixedNow, cst, nil)
	if len(parts) < 2 {
		t.Fatalf("%d parts, want a split", len(parts))
	}
	if n := strings.Count(strings.Join(parts, ""), "@"); n != len(names) {
		t.Errorf("%d names in the parts, want %d", n, len(names))
	}
}
