package posts

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The posts of after-sales (售后): the 售后通道 post that tells the group how to open
// a ticket and what the owner promises, and the reply to one ticket. Both have a fixed
// shape; like every post they mask QQ numbers and card codes (Sanitize).

// AftersalesGuide is the group's 售后通道 post: how to open a ticket and the promise
// of a first response within promiseHours.
func AftersalesGuide(g data.Group, promiseHours int, knownQQ []string) string {
	var b strings.Builder
	title := "售后通道"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	promise := hours(time.Duration(promiseHours) * time.Hour)
	b.WriteString("【" + title + "】\n")
	b.WriteString("买到的东西有问题？找群主开售后工单，" + promise + "内一定回复你。\n")
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("① 私聊群主，说明问题类型：卡密无效 / 未到账 / 退款 / 咨询 / 其他\n")
	b.WriteString("② 写清买的是什么、什么时候买的，附上截图（卡密请只发给群主）\n")
	b.WriteString("③ 群主开单后告诉你工单号，" + promise + "内给你第一次回复\n")
	b.WriteString("④ 处理好后群主会告诉你；问题又出现了，报工单号重新打开即可\n")
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("· 每张工单群主都有记录，每月公布回复及时率\n")
	b.WriteString("· 卡密不要发在群里，以免被别人用掉")
	return Sanitize(b.String(), knownQQ)
}

// TicketReply is the reply to ticket t (with Member and Resource loaded when set) in
// group g: @ the member, the ticket's number and category, what the owner says (reply)
// and where it stands; times in loc (nil: time.Local).
func TicketReply(g data.Group, t data.Ticket, reply string, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	about := t.Category.Label()
	if t.Resource != nil {
		about += "，" + t.Resource.Name
	}
	b.WriteString("@" + t.Who(g.ID) + " 你的售后工单 #" + strconv.FormatUint(uint64(t.ID), 10) + "（" + about + "）\n")
	if reply = strings.TrimSpace(reply); reply != "" {
		b.WriteString(reply + "\n")
	}
	b.WriteString("▶ 开单：" + t.OpenedAt.In(loc).Format("01-02 15:04") + "\n")
	b.WriteString("▶ 状态：" + t.State.Label() + "\n")
	switch t.State {
	case data.TicketResolved:
		b.WriteString("问题没解决的话，报工单号找群主重新打开。")
	case data.TicketClosed:
		b.WriteString("这张工单已关闭，谢谢你的耐心。")
	default:
		b.WriteString("有进展会第一时间告诉你，也可以随时私聊群主。")
	}
	return Sanitize(b.String(), knownQQ)
}
