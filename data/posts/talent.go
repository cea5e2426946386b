package posts

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/talent"
)

var placeNames = []string{"第一名", "第二名", "第三名"}

// TalentPost announces group g's confirmed 资源达人 of a month: the top three with what
// each contributed, what the winner gets for the next month, and how the score was
// counted, so members see what counts. It masks QQ numbers like every post.
func TalentPost(g data.Group, m data.TalentMonth, knownQQ []string) string {
	month := m.MonthValue()
	var b strings.Builder
	title := "【" + month.Label() + " 资源达人】"
	if g.Name != "" {
		title += g.Name
	}
	b.WriteString(title + "\n")
	b.WriteString("感谢这个月为大家分享资源、帮忙解答的群友！本月贡献榜：\n")
	b.WriteString("━━━━━━━━━━\n")
	for i, p := range m.Places() {
		name := p.Name
		if i < len(placeNames) {
			name = placeNames[i] + "：" + name
		}
		fmt.Fprintf(&b, "%s（%d 分）\n", name, p.Score)
		if c := p.Contributions(); c != "" {
			b.WriteString("   " + c + "\n")
		}
	}
	b.WriteString("━━━━━━━━━━\n")
	next := month.Next()
	fmt.Fprintf(&b, "本月资源达人：%s！%d月享有「%s」身份标识和「优先获取」：新资源到货时优先通知。\n",
		m.WinnerName, int(next.Month), data.TalentBadgeName)
	b.WriteString("计分方式：" + scoring(m.WeightsValue()) + "。\n")
	b.WriteString("下个月继续多分享、多帮忙，下一位资源达人就是你！")
	return Sanitize(b.String(), knownQQ)
}

// BuildTalentPost makes the 资源达人 announcement of a confirmed month, ready to copy.
func BuildTalentPost(store *data.Store, g data.Group, m data.TalentMonth) (Built, error) {
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	text := TalentPost(g, m, qqs)
	gid := g.ID
	return Built{Kind: data.PostTalent, GroupID: &gid, Text: text, Parts: Split(text, MaxPartRunes)}, nil
}

// scoring says how the score was counted in the members' words: 分享资源每次 10 分，….
func scoring(w talent.Weights) string {
	var parts []string
	for _, k := range talent.Kinds {
		if w[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s每次 %d 分", k.Label(), w[k]))
		}
	}
	return strings.Join(parts, "，")
}
