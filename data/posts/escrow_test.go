package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

func escrowTrade(state data.TradeState, due *time.Time) data.Trade {
	at := fixedNow.Add(-3 * time.Hour).UTC()
	buyer := &data.Member{ID: 1, QQ: "2851234567", Nickname: "小明",
		Memberships: []data.Membership{{GroupID: group.ID, CardName: "广州-小明"}}}
	seller := &data.Member{ID: 2, QQ: "10086", Nickname: ""} // no name: the masked QQ alone
	t := data.Trade{ID: 12, GroupID: &group.ID, Buyer: buyer, Seller: seller, Item: "王者荣耀点券 600点",
		AmountCents: 5500, FeeCents: 250, State: state, DueAt: due, CreatedAt: at,
		Events: []data.TradeEvent{
			{From: "", To: data.TradeAwaitingPayment, Note: "开单", At: at},
			{From: data.TradeAwaitingPayment, To: data.TradeHeld, Note: "买家已付款给群主，群主托管中", At: at.Add(30 * time.Minute)},
		}}
	if state == data.TradeRefunded {
		t.Events = append(t.Events,
			data.TradeEvent{From: data.TradeHeld, To: data.TradeDisputed, Note: "买家说卡密已被用过，QQ 2851234567 有截图", At: at.Add(2 * time.Hour)},
			data.TradeEvent{From: data.TradeDisputed, To: data.TradeRefunded, Note: "卖家拿不出发货记录，退款给买家", At: at.Add(150 * time.Minute)})
	}
	return t
}

func TestEscrowGolden(t *testing.T) {
	known := []string{"2851234567", "10086"}
	later := fixedNow.Add(20 * time.Hour)
	past := fixedNow.Add(-time.Hour)
	tests := []struct {
		name string
		got  string
	}{
		{"escrow_guide", EscrowGuide(group, escrow.DefaultDeadlines, known)},
		{"escrow_guide_days", EscrowGuide(data.Group{}, escrow.Deadlines{Pay: time.Hour, Deliver: 72 * time.Hour, Confirm: 30 * time.Hour}, known)},
		{"escrow_status_held", EscrowStatus(group, escrowTrade(data.TradeHeld, &later), fixedNow, cst, known)},
		{"escrow_status_overdue", EscrowStatus(group, escrowTrade(data.TradeHeld, &past), fixedNow, cst, known)},
		{"escrow_status_refunded", EscrowStatus(group, escrowTrade(data.TradeRefunded, nil), fixedNow, cst, known)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.got) })
	}
}

// TestEscrowStatusMasksQQ: no QQ number appears whole, whether it is a member's or
// typed in a note.
func TestEscrowStatusMasksQQ(t *testing.T) {
	got := EscrowStatus(group, escrowTrade(data.TradeRefunded, nil), fixedNow, cst, []string{"2851234567", "10086"})
	for _, qq := range []string{"2851234567", "10086"} {
		if strings.Contains(got, qq) {
			t.Errorf("QQ %s shown whole:\n%s", qq, got)
		}
	}
	if !strings.Contains(got, "广州-小明（"+data.MaskQQ("2851234567")+"）") {
		t.Errorf("buyer not named with the masked QQ:\n%s", got)
	}
}
