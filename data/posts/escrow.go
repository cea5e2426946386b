package posts

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

// The posts of escrow (担保交易): how escrow works in the group, and where one trade
// stands. Both have a fixed shape; like every post they mask QQ numbers and card codes
// (Sanitize), and the members are named with their QQ numbers masked.

// EscrowGuide is the group's 担保交易说明: the steps with the owner's deadlines.
func EscrowGuide(g data.Group, d escrow.Deadlines, knownQQ []string) string {
	var b strings.Builder
	title := "担保交易说明"
	if g.Name != "" {
		title = g.Name + " · " + title
	}
	b.WriteString("【" + title + "】\n")
	b.WriteString("群里买卖怕被骗？找群主担保：钱先放在群主这里，卖家交付、买家确认后群主再放款。\n")
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("① 买卖双方谈好后，私聊群主开单（写明买什么、多少钱）\n")
	b.WriteString("② 买家把钱付给群主，群主托管（开单后 " + hours(d.Pay) + "内付款，超时群主可取消）\n")
	b.WriteString("③ 卖家交付（群主托管后 " + hours(d.Deliver) + "内）\n")
	b.WriteString("④ 买家确认收到，群主放款给卖家（交付后 " + hours(d.Confirm) + "内确认）\n")
	b.WriteString("⑤ 有问题先别确认，找群主：看记录和截图后裁定放款或退款\n")
	b.WriteString("━━━━━━━━━━\n")
	b.WriteString("· 只认群主本人私聊收款，别人冒充群主收款一律是骗子\n")
	b.WriteString("· 每一步群主都有记录，随时可以找群主查交易进度\n")
	b.WriteString("· 如收手续费，开单时写清楚")
	return Sanitize(b.String(), knownQQ)
}

// hours says a deadline in whole hours, or days when it is whole days over one: 2 小时,
// 3 天.
func hours(d time.Duration) string {
	h := int(d.Hours())
	if h >= 48 && h%24 == 0 {
		return strconv.Itoa(h/24) + " 天"
	}
	return strconv.Itoa(h) + " 小时"
}

// EscrowStatus is the status post of trade t (with Buyer, Seller and Events loaded) in
// group g at now, times in loc (nil: time.Local).
func EscrowStatus(g data.Group, t data.Trade, now time.Time, loc *time.Location, knownQQ []string) string {
	loc = orLocal(loc)
	var b strings.Builder
	b.WriteString("【担保交易 #" + strconv.FormatUint(uint64(t.ID), 10) + "】" + t.Item + "\n")
	b.WriteString("▶ 买家：" + memberWithQQ(t.Buyer, g.ID) + "\n")
	b.WriteString("▶ 卖家：" + memberWithQQ(t.Seller, g.ID) + "\n")
	amount := "▶ 金额：¥" + data.Yuan(t.AmountCents)
	if t.FeeCents > 0 {
		amount += "（手续费 ¥" + data.Yuan(t.FeeCents) + "）"
	}
	b.WriteString(amount + "\n")
	state := "▶ 状态：" + t.State.Label()
	if w := escrow.Waiting(escrow.State(t.State)); w != "" {
		state += "，" + w
		if t.DueAt != nil {
			if t.Overdue(now) {
				state += "（已超时，请尽快联系群主）"
			} else {
				state += "（" + t.DueAt.In(loc).Format("01-02 15:04") + " 前）"
			}
		}
	}
	b.WriteString(state + "\n")
	if len(t.Events) > 0 {
		b.WriteString("━━━━━━━━━━\n")
		for _, e := range t.Events {
			b.WriteString(e.At.In(loc).Format("01-02 15:04") + "  " + e.Note + "\n")
		}
	}
	b.WriteString("有疑问请私聊群主，别人冒充群主收款一律是骗子。")
	return Sanitize(b.String(), knownQQ)
}

// memberWithQQ is a member's name in the group with the QQ number masked: 小明（100****01）.
func memberWithQQ(m *data.Member, groupID uint) string {
	if m == nil {
		return "（已不在成员列表）"
	}
	name := m.DisplayName(groupID)
	if masked := data.MaskQQ(m.QQ); name != masked {
		return name + "（" + masked + "）"
	}
	return name
}
