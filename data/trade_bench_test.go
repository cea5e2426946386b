package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// benchTrades is a private copy of the reference database (3,000 members) with 1,000
// escrow trades between them, each moved on 0 to 3 steps, in one group.
func benchTrades(b *testing.B) (*data.Store, []data.Trade) {
	b.Helper()
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	s := datatest.OpenCopy(b, path)
	gs, _ := s.Groups()
	ms, err := s.Members(0)
	if err != nil || len(ms) < 100 || len(gs) == 0 {
		b.Fatalf("%d members, %d groups: %v", len(ms), len(gs), err)
	}
	steps := [][]data.TradeState{nil, {data.TradeHeld}, {data.TradeHeld, data.TradeDelivered},
		{data.TradeHeld, data.TradeDelivered, data.TradeCompleted}, {data.TradeHeld, data.TradeDisputed, data.TradeRefunded}}
	var ts []data.Trade
	err = s.Transaction(func(tx *data.Store) error {
		for i := range 1000 {
			buyer, seller := ms[(i*7)%len(ms)], ms[(i*13+1)%len(ms)]
			if buyer.ID == seller.ID {
				continue
			}
			t, err := tx.OpenTrade(data.TradeDraft{GroupID: &gs[0].ID, BuyerID: buyer.ID, SellerID: seller.ID,
				Item: fmt.Sprintf("王者荣耀点券 %d点", 60+i), Amount: fmt.Sprint(10 + i%90)})
			if err != nil {
				return err
			}
			for _, to := range steps[i%len(steps)] {
				if t, err = tx.MoveTrade(t.ID, t.State, to, "bench"); err != nil {
					return err
				}
			}
			ts = append(ts, t)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s, ts
}

// BenchmarkTrades is opening 担保交易: a group's 1,000 trades with both members and
// the resource, overdue first.
func BenchmarkTrades(b *testing.B) {
	s, _ := benchTrades(b)
	gs, _ := s.Groups()
	b.ReportAllocs()
	for b.Loop() {
		ts, err := s.Trades(gs[0].ID, s.Now())
		if err != nil || len(ts) < 900 {
			b.Fatalf("%d trades: %v", len(ts), err)
		}
	}
}

// BenchmarkMemberTradeRecords is opening the trade form: every member's record, for
// the pickers.
func BenchmarkMemberTradeRecords(b *testing.B) {
	s, _ := benchTrades(b)
	b.ReportAllocs()
	for b.Loop() {
		recs, err := s.MemberTradeRecords()
		if err != nil || len(recs) == 0 {
			b.Fatalf("%d records: %v", len(recs), err)
		}
	}
}

// BenchmarkMoveTrade is one move: the conditional UPDATE, the log line and the trade
// read back, one transaction. It pays and cancels new trades in turn.
func BenchmarkMoveTrade(b *testing.B) {
	s, ts := benchTrades(b)
	t0 := ts[0]
	b.ReportAllocs()
	for b.Loop() {
		t, err := s.OpenTrade(data.TradeDraft{BuyerID: t0.BuyerID, SellerID: t0.SellerID, Item: "bench", Amount: "1"})
		if err == nil {
			_, err = s.MoveTrade(t.ID, data.TradeAwaitingPayment, data.TradeHeld, "")
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}
