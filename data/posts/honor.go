package posts

import (
	"strconv"
	"strings"

	"github.com/qunhuo/qunhuo/data"
)

// HonorTop is how many top earners the 群荣誉榜 names.
const HonorTop = 10

// Honor is the 群荣誉榜 of group g: the holders of each badge (badges in the order
// first given, holders in the order they got it), then the members who have earned
// the most points. Members are named with their QQ numbers masked; the post goes
// through Sanitize.
func Honor(g data.Group, h data.HonorRoll, knownQQ []string) string {
	title := "群荣誉榜"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	var b strings.Builder
	b.WriteString("【" + title + "】\n")
	b.WriteString("感谢每一位热心分享、帮忙解答的群友！\n")
	b.WriteString("━━━━━━━━━━\n")
	var order []string
	holders := map[string][]string{}
	seen := map[string]bool{}
	for _, bh := range h.Badges {
		key := bh.Name + "\x00" + strconv.FormatUint(uint64(bh.MemberID), 10)
		if seen[key] {
			continue
		}
		seen[key] = true
		if _, ok := holders[bh.Name]; !ok {
			order = append(order, bh.Name)
		}
		holders[bh.Name] = append(holders[bh.Name], memberWithQQ(bh.Member, g.ID))
	}
	if len(order) == 0 {
		b.WriteString("还没有群友获得身份标识，快来攒积分兑换吧！\n")
	}
	for _, name := range order {
		b.WriteString("〔" + name + "〕" + strings.Join(holders[name], "、") + "\n")
	}
	if len(h.Top) > 0 {
		b.WriteString("━━━━━━━━━━\n")
		b.WriteString("互助积分榜（累计获得）\n")
		for i, t := range h.Top {
			b.WriteString(strconv.Itoa(i+1) + ". " + memberWithQQ(t.Member, g.ID) + "  " +
				strconv.FormatInt(t.Earned, 10) + " 分\n")
		}
	}
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("帮忙解答、分享资源、参加分享会都能攒积分，积分可以找群主兑换资源和身份标识。")
	return Sanitize(b.String(), knownQQ)
}

// BuildHonor builds the 群荣誉榜 of group g (nil: every member) from the store, ready
// to copy and record.
func BuildHonor(store *data.Store, g *data.Group) (Built, error) {
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	h, err := store.HonorRoll(group.ID, HonorTop)
	if err != nil {
		return Built{}, err
	}
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	text := Honor(group, h, qqs)
	return Built{Kind: data.PostHonor, GroupID: gid, Text: text, Parts: Split(text, MaxPartRunes)}, nil
}
