package posts

import (
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/match"
)

// The posts of the match list (精准匹配): a group post that names the members a
// resource fits, and a private message to each that says why TA is told. Both have a
// fixed shape, short enough to read on a phone; like every post they mask QQ numbers
// and card codes (Sanitize) and describe only a resource on sale.

// MatchGroupPost is the group post for resource r (with its Category loaded) naming
// the members called names, in the order given, at now (dates in loc, nil:
// time.Local). A long list is split into parts like any post (Split).
func MatchGroupPost(r data.Resource, names []string, now time.Time, loc *time.Location, knownQQ []string) []string {
	loc = orLocal(loc)
	l := listingOf(&r, now, loc)
	var b strings.Builder
	b.WriteString("【好货点名】" + l.Name + "\n")
	writeListingLines(&b, l)
	b.WriteString("━━━━━━━━━━\n")
	for i, n := range names {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("@" + n)
	}
	b.WriteString("\n以上群友之前求过或关注过这类资源，需要的回复「要」或私聊群主～")
	return Split(Sanitize(b.String(), knownQQ), MaxPartRunes)
}

func writeListingLines(b *strings.Builder, l Listing) {
	price := "▶ 价格：" + l.Price
	if l.OriginalPrice != "" {
		price += "（原价 " + l.OriginalPrice + "，省 " + l.Saving + "）"
	}
	b.WriteString(price + "\n")
	if l.Redeem != "" {
		b.WriteString("▶ 兑换方式：" + l.Redeem + "\n")
	}
	b.WriteString("▶ 库存：" + l.Stock + "\n")
	if l.Deadline != "" {
		b.WriteString("▶ 截止：" + l.Deadline + "\n")
	}
}

// MatchPrivateMessage is the private message telling the member called name about
// resource r, opening with the strongest of the reasons TA fits (match.Fit.Reasons;
// none: a plain opening).
func MatchPrivateMessage(r data.Resource, name string, reasons []match.Reason, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	l := listingOf(&r, now, loc)
	var b strings.Builder
	b.WriteString(name + "，你好！")
	var why match.Reason
	if len(reasons) > 0 {
		why = reasons[0]
	} else {
		why.Kind = match.Motivation
	}
	switch {
	case why.Kind == match.OpenRequest:
		b.WriteString("你 " + why.At.In(loc).Format("01-02") + " 在群里说「" + why.Value + "」，现在有货了：\n")
	case why.Kind == match.PastRequest:
		b.WriteString("你之前（" + why.At.In(loc).Format("01-02") + "）在群里说过「" + why.Value + "」，现在又有货了：\n")
	case why.Kind == match.Interest:
		b.WriteString("知道你关注「" + why.Value + "」，群里刚上了：\n")
	default:
		b.WriteString("群里刚上了一个你可能用得上的：\n")
	}
	b.WriteString("【" + l.Name + "】\n")
	writeListingLines(&b, l)
	b.WriteString("需要的话直接回我就行，不需要也请忽略～")
	return Sanitize(b.String(), knownQQ)
}
