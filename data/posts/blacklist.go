package posts

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data"
)

// BlacklistOptions say what the 失效资源公示 shows besides the resources and reasons.
type BlacklistOptions struct {
	Suppliers bool // name each resource's supplier: the owner decides whether members may know them
	Evidence  bool // add the evidence note the owner wrote when marking
}

// BlacklistPost is the 失效资源公示 of group g: the resources on the blacklist (as
// listed, newest first) with why and since when, so members stop buying them and know
// whom to ask. It has a fixed shape; like every post it masks QQ numbers and card
// codes, which an evidence note may hold. Dates are shown in loc (nil: time.Local).
func BlacklistPost(g data.Group, entries []data.BlacklistEntry, opt BlacklistOptions, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	title := "失效资源公示"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	b.WriteString("【" + title + "】" + now.In(loc).Format(data.DateLayout) + "\n")
	if len(entries) == 0 {
		b.WriteString("目前没有失效资源，大家放心选购。\n")
		b.WriteString("发现卡密无效、与描述不符等问题，请私聊群主。")
		return Sanitize(b.String(), knownQQ)
	}
	b.WriteString("以下资源已确认失效，请不要再购买或使用；已经买到的请私聊群主处理售后。\n")
	b.WriteString("━━━━━━━━━━\n")
	for i, e := range entries {
		b.WriteString(strconv.Itoa(i+1) + ". " + e.Resource.Name + "\n")
		b.WriteString("   原因：" + e.Mark.Reason.Label() + "（" + e.Mark.At.In(loc).Format("01-02") + " 标记）\n")
		if sup := e.Resource.SupplierName(); opt.Suppliers && sup != "" {
			b.WriteString("   供应商：" + sup + "\n")
		}
		if note := oneLine(e.Mark.Note); opt.Evidence && note != "" {
			b.WriteString("   说明：" + note + "\n")
		}
	}
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("共 " + strconv.Itoa(len(entries)) + " 个。名单随时更新，发现新问题请私聊群主。")
	return Sanitize(b.String(), knownQQ)
}

// oneLine puts a note typed on several lines on one, so the post's list stays a list;
// after full-width punctuation no space is needed.
func oneLine(s string) string {
	out := ""
	for _, f := range strings.Fields(s) {
		if last, _ := utf8.DecodeLastRuneInString(out); out != "" && !strings.ContainsRune("：，；。！？、）", last) {
			out += " "
		}
		out += f
	}
	return out
}

// BuildBlacklistPost is the 失效资源公示 of the entries, split for QQ like the index.
func BuildBlacklistPost(store *data.Store, g *data.Group, entries []data.BlacklistEntry, opt BlacklistOptions, now time.Time, loc *time.Location) (Built, error) {
	qqs, err := store.MemberQQs()
	if err != nil {
		return Built{}, err
	}
	var group data.Group
	var gid *uint
	if g != nil {
		group, gid = *g, &g.ID
	}
	text := BlacklistPost(group, entries, opt, now, loc, qqs)
	ids := make([]uint, len(entries))
	for i, e := range entries {
		ids[i] = e.Resource.ID
	}
	return Built{Kind: data.PostBlacklist, GroupID: gid, Text: text, Parts: Split(text, MaxPartRunes),
		ResourceIDs: ids, Listed: len(entries)}, nil
}
