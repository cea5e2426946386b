package posts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The posts of the swap zone (资源置换区): the board of open listings by category, and
// the post that tells the members of a match about it. Members are named with their
// QQ numbers masked; like every post they go through Sanitize.

// SwapBoard is the swap board of group g: the open, unexpired listings at now grouped by
// the category of what is offered (in cats' order; free text last, under 其他).
func SwapBoard(g data.Group, ls []data.SwapListing, cats []data.Category, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	title := "资源置换区"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	var b strings.Builder
	b.WriteString("【" + title + "】\n")
	b.WriteString("有闲置想换别的？私聊群主挂单，群主帮你找能换的人。\n")
	b.WriteString("━━━━━━━━━━\n")
	pos := make(map[uint]int, len(cats))
	names := make(map[uint]string, len(cats))
	for i, c := range cats {
		pos[c.ID], names[c.ID] = i, c.Name
	}
	var open []data.SwapListing
	for _, l := range ls {
		if l.State == data.SwapListingOpen && !l.Expired(now) {
			open = append(open, l)
		}
	}
	catOf := func(l data.SwapListing) (int, string) {
		if l.HasCategoryID != nil {
			if n, ok := names[*l.HasCategoryID]; ok {
				return pos[*l.HasCategoryID], n
			}
		}
		return len(cats), "其他"
	}
	slices.SortStableFunc(open, func(a, b data.SwapListing) int {
		pa, _ := catOf(a)
		pb, _ := catOf(b)
		if c := cmp.Compare(pa, pb); c != 0 {
			return c
		}
		return a.ExpiresAt.Compare(b.ExpiresAt)
	})
	last := -1
	for _, l := range open {
		p, name := catOf(l)
		if p != last {
			b.WriteString("〔" + name + "〕\n")
			last = p
		}
		line := "· " + memberWithQQ(l.Member, g.ID) + "：有 " + l.HasLabel() + "，想换 " + l.WantLabel()
		line += "（" + l.ExpiresAt.In(loc).Format("01-02") + " 前）"
		if l.Note != "" {
			line += "；" + l.Note
		}
		b.WriteString(line + "\n")
	}
	if len(open) == 0 {
		b.WriteString("暂时没有挂单，欢迎来挂第一单！\n")
	}
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("共 " + strconv.Itoa(len(open)) + " 条挂单，到期自动下架；换之前请找群主担保。")
	return Sanitize(b.String(), knownQQ)
}

// SwapMatch is the post that tells the members of a suggestion (listings in giving
// order, members loaded) that the owner found them a swap.
func SwapMatch(g data.Group, sg data.SwapSuggestion, knownQQ []string) string {
	var b strings.Builder
	kind := "两人互换"
	if sg.Cycle {
		kind = "三人循环换"
	}
	b.WriteString("【置换配对 · " + kind + "】\n")
	names := make([]string, len(sg.Listings))
	for i := range sg.Listings {
		names[i] = memberWithQQ(sg.Listings[i].Member, g.ID)
	}
	b.WriteString("@" + strings.Join(names, " @") + "\n")
	b.WriteString("群主帮你们在置换区配上了：\n")
	for i := range sg.Listings {
		next := (i + 1) % len(sg.Listings)
		b.WriteString("▶ " + names[i] + " 把「" + sg.Listings[i].HasLabel() + "」给 " + names[next] + "\n")
	}
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("愿意换的请私聊群主确认；交换全程由群主撮合，别私下先给。")
	return Sanitize(b.String(), knownQQ)
}
