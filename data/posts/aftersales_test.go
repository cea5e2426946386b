package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

func aftersalesTicket(state data.TicketState) data.Ticket {
	at := fixedNow.Add(-3 * time.Hour).UTC()
	m := &data.Member{ID: 1, QQ: "2851234567", Nickname: "小明",
		Memberships: []data.Membership{{GroupID: group.ID, CardName: "广州-小明"}}}
	return data.Ticket{ID: 7, GroupID: &group.ID, Member: m, Category: data.TicketCardInvalid,
		Resource: &data.Resource{Name: "王者荣耀点券 600点"}, Description: "卡密提示已使用",
		State: state, OpenedAt: at, DueAt: at.Add(24 * time.Hour)}
}

func TestAftersalesGolden(t *testing.T) {
	known := []string{"2851234567"}
	bare := aftersalesTicket(data.TicketWaiting)
	bare.Resource, bare.Member.Memberships, bare.Member.Nickname, bare.Category = nil, nil, "", data.TicketQuestion
	tests := []struct {
		name string
		got  string
	}{
		{"aftersales_guide", AftersalesGuide(group, 24, known)},
		{"aftersales_guide_3days", AftersalesGuide(data.Group{}, 72, known)},
		{"ticket_reply_progress", TicketReply(group, aftersalesTicket(data.TicketInProgress),
			"已收到，正在联系上家核实，卡号 2851234567 的截图已看到", cst, known)},
		{"ticket_reply_resolved", TicketReply(group, aftersalesTicket(data.TicketResolved), "已补发新卡密，请私聊查收", cst, known)},
		{"ticket_reply_bare", TicketReply(group, bare, "", cst, known)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.got) })
	}
}

func TestTicketReplyMasksQQ(t *testing.T) {
	tk := aftersalesTicket(data.TicketWaiting)
	tk.Member.Memberships, tk.Member.Nickname = nil, ""
	got := TicketReply(group, tk, "QQ 2851234567 已加好友", cst, []string{"2851234567"})
	if strings.Contains(got, "2851234567") {
		t.Fatalf("QQ shown whole:\n%s", got)
	}
}
