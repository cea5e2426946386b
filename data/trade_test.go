package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/escrow"
)

// tradeFixture is a group, a buyer, a seller and a resource.
func tradeFixture(t *testing.T, s *Store) (g Group, buyer, seller Member, r Resource) {
	t.Helper()
	return requestFixture(t, s)
}

func openTrade(t *testing.T, s *Store, g Group, buyer, seller Member) Trade {
	t.Helper()
	tr, err := s.OpenTrade(TradeDraft{GroupID: &g.ID, BuyerID: buyer.ID, SellerID: seller.ID, Item: "王者荣耀点券 60点", Amount: "¥55"})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// tradePathTo is the moves that bring a new trade to each state.
var tradePathTo = map[TradeState][]TradeState{
	TradeAwaitingPayment: nil,
	TradeHeld:            {TradeHeld},
	TradeDelivered:       {TradeHeld, TradeDelivered},
	TradeCompleted:       {TradeHeld, TradeDelivered, TradeCompleted},
	TradeCancelled:       {TradeCancelled},
	TradeDisputed:        {TradeHeld, TradeDisputed},
	TradeRefunded:        {TradeHeld, TradeDisputed, TradeRefunded},
}

func walkTrade(t *testing.T, s *Store, tr Trade, to TradeState) Trade {
	t.Helper()
	for _, next := range tradePathTo[to] {
		var err error
		if tr, err = s.MoveTrade(tr.ID, tr.State, next, "理由"); err != nil {
			t.Fatalf("walk to %s: %v", to, err)
		}
	}
	return tr
}

func tradeEvents(t *testing.T, s *Store, id uint) []TradeEvent {
	t.Helper()
	tr, err := s.Trade(id)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Events
}

// TestMoveTradeEveryPair tries every (state, state) pair on a trade in the first state:
// the table's moves succeed and append one log line; every other is refused and changes
// neither the trade nor its log.
func TestMoveTradeEveryPair(t *testing.T) {
	s, _ := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	if len(tradePathTo) != len(escrow.States) {
		t.Fatal("tradePathTo misses a state")
	}
	for _, from := range escrow.States {
		for _, to := range escrow.States {
			tr := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeState(from))
			before := tradeEvents(t, s, tr.ID)
			_, allowed := escrow.Allowed(from, to)
			got, err := s.MoveTrade(tr.ID, TradeState(from), TradeState(to), "买家说没收到")
			after, _ := s.Trade(tr.ID)
			events := tradeEvents(t, s, tr.ID)
			if allowed {
				if err != nil || got.State != TradeState(to) || after.State != TradeState(to) {
					t.Errorf("%s → %s: err %v, state %s", from, to, err, after.State)
					continue
				}
				last := events[len(events)-1]
				if len(events) != len(before)+1 || last.From != TradeState(from) || last.To != TradeState(to) || last.Note != "买家说没收到" {
					t.Errorf("%s → %s: log %+v", from, to, events)
				}
				continue
			}
			var me *escrow.MoveError
			if !errors.As(err, &me) || after.State != TradeState(from) || len(events) != len(before) ||
				!after.UpdatedAt.Equal(tr.UpdatedAt) {
				t.Errorf("%s → %s: want refused and nothing changed; err %v, state %s, %d → %d events", from, to, err, after.State, len(before), len(events))
			}
		}
	}
}

// TestMoveTradeStale: a move from a state the trade has left is refused, says where
// it is now, and changes nothing.
func TestMoveTradeStale(t *testing.T) {
	s, _ := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	tr := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeDelivered)
	_, err := s.MoveTrade(tr.ID, TradeHeld, TradeDisputed, "旧屏幕")
	var me *escrow.MoveError
	if !errors.As(err, &me) || me.Now != escrow.Delivered {
		t.Fatalf("stale move: %v", err)
	}
	if got, _ := s.Trade(tr.ID); got.State != TradeDelivered || len(got.Events) != 3 {
		t.Fatalf("stale move changed the trade: %s, %d events", got.State, len(got.Events))
	}
	if _, err := s.MoveTrade(9999, TradeHeld, TradeDelivered, ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing trade: %v", err)
	}
}

// TestMoveTradeConcurrent: two moves from the same state at once, on two store
// handles of one file: exactly one wins and the log has exactly one line for it.
func TestMoveTradeConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g, buyer, seller, _ := tradeFixture(t, s)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for round := range 20 {
		tr := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeHeld)
		moves := []struct {
			store *Store
			to    TradeState
		}{{s, TradeDelivered}, {other, TradeDisputed}}
		if round%2 == 1 { // both handles race for the same move too
			moves[1].to = TradeDelivered
		}
		errs := make([]error, 2)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, m := range moves {
			wg.Go(func() {
				<-start
				_, errs[i] = m.store.MoveTrade(tr.ID, TradeHeld, m.to, "同时点的")
			})
		}
		close(start)
		wg.Wait()
		wins := 0
		for _, err := range errs {
			var me *escrow.MoveError
			switch {
			case err == nil:
				wins++
			case !errors.As(err, &me) || me.Now == "":
				t.Fatalf("round %d: the loser's error is %v, want a stale move", round, err)
			}
		}
		events := tradeEvents(t, s, tr.ID)
		if wins != 1 || len(events) != 3 || events[2].From != TradeHeld {
			t.Fatalf("round %d: %d won, log %+v", round, wins, events)
		}
	}
}

func TestOpenTradeRefusesBadInput(t *testing.T) {
	s, _ := requestStore(t)
	g, buyer, seller, r := tradeFixture(t, s)
	ok := TradeDraft{GroupID: &g.ID, BuyerID: buyer.ID, SellerID: seller.ID, Item: "王者荣耀点券", Amount: "55"}
	cases := []struct {
		name  string
		edit  func(*TradeDraft)
		field string
		msg   string
	}{
		{"no buyer", func(d *TradeDraft) { d.BuyerID = 0 }, "buyer", "点选买家"},
		{"no seller", func(d *TradeDraft) { d.SellerID = 0 }, "seller", "点选卖家"},
		{"buyer is seller", func(d *TradeDraft) { d.SellerID = d.BuyerID }, "seller", "不能是同一个人"},
		{"no item", func(d *TradeDraft) { d.Item = "  " }, "item", "交易的东西不能为空"},
		{"item too long", func(d *TradeDraft) { d.Item = strings.Repeat("券", 101) }, "item", "最多 100 个字"},
		{"no amount", func(d *TradeDraft) { d.Amount = "" }, "amount", "金额不能为空"},
		{"zero amount", func(d *TradeDraft) { d.Amount = "0" }, "amount", "金额须大于 0"},
		{"negative amount", func(d *TradeDraft) { d.Amount = "-5" }, "amount", "不能为负数"},
		{"amount not a number", func(d *TradeDraft) { d.Amount = "五十" }, "amount", "格式不对"},
		{"fee over amount", func(d *TradeDraft) { d.Fee = "60" }, "fee", "手续费须少于金额"},
		{"buyer gone", func(d *TradeDraft) { d.BuyerID = 9999 }, "buyer", "不在成员列表"},
		{"resource gone", func(d *TradeDraft) { d.ResourceID = new(uint(9999)) }, "item", "不在资源库"},
	}
	for _, c := range cases {
		d := ok
		c.edit(&d)
		_, err := s.OpenTrade(d)
		var ve ValidationError
		if !errors.As(err, &ve) || ve.For(c.field) == nil || !strings.Contains(ve.For(c.field).Message, c.msg) {
			t.Errorf("%s: %v, want %s: %s", c.name, err, c.field, c.msg)
		}
	}
	if ts, _ := s.Trades(0, s.Now()); len(ts) != 0 {
		t.Fatalf("%d trades saved from bad drafts", len(ts))
	}
	// A resource without item text names the trade after it.
	d := ok
	d.Item, d.ResourceID, d.Fee = "", &r.ID, "2.5"
	tr, err := s.OpenTrade(d)
	if err != nil || tr.Item != r.Name || tr.AmountCents != 5500 || tr.FeeCents != 250 {
		t.Fatalf("trade of a resource: %+v, %v", tr, err)
	}
	events := tradeEvents(t, s, tr.ID)
	if len(events) != 1 || events[0].From != "" || events[0].To != TradeAwaitingPayment {
		t.Fatalf("opening log: %+v", events)
	}
}

func TestMoveTradeNeedsReason(t *testing.T) {
	s, _ := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	tr := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeDisputed)
	for _, to := range []TradeState{TradeCompleted, TradeRefunded} {
		_, err := s.MoveTrade(tr.ID, TradeDisputed, to, "  ")
		var ve ValidationError
		if !errors.As(err, &ve) || ve.For("note") == nil || !strings.Contains(ve.For("note").Message, "理由不能为空") {
			t.Fatalf("ruling %s without reason: %v", to, err)
		}
	}
	// A move that needs none logs the table's words.
	tr2 := openTrade(t, s, g, buyer, seller)
	if _, err := s.MoveTrade(tr2.ID, TradeAwaitingPayment, TradeHeld, ""); err != nil {
		t.Fatal(err)
	}
	if ev := tradeEvents(t, s, tr2.ID); ev[1].Note != "买家已付款给群主，群主托管中" {
		t.Fatalf("default note: %q", ev[1].Note)
	}
}

// TestTradeDeadlines: each waiting state gets its configured deadline from the move,
// the others none; overdue trades come first in the list and on OverdueTrades.
func TestTradeDeadlines(t *testing.T) {
	s, now := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	if err := s.SetEscrowDeadlines(escrow.Deadlines{Pay: 3 * time.Hour, Deliver: 10 * time.Hour, Confirm: 20 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	start := *now
	a := openTrade(t, s, g, buyer, seller)
	if !a.DueAt.Equal(start.Add(3 * time.Hour)) {
		t.Fatalf("pay due %v", a.DueAt)
	}
	*now = start.Add(time.Hour)
	b := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeHeld)
	if !b.DueAt.Equal(now.Add(10 * time.Hour)) {
		t.Fatalf("deliver due %v", b.DueAt)
	}
	c := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeDisputed)
	if c.DueAt != nil {
		t.Fatalf("a dispute has a deadline: %v", c.DueAt)
	}
	d := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeCompleted)
	*now = start.Add(4 * time.Hour) // a is overdue, b not yet
	over, err := s.OverdueTrades(g.ID, *now)
	if err != nil || len(over) != 1 || over[0].ID != a.ID {
		t.Fatalf("overdue: %v %v", over, err)
	}
	agenda, err := s.Agenda(g.ID, *now, cst)
	if err != nil || agenda.OverdueTrades.Count != 1 || agenda.OverdueTrades.IDs[0] != a.ID ||
		agenda.OverdueTrades.Names[0] != fmt.Sprintf("#%d 王者荣耀点券 60点（等买家付款）", a.ID) {
		t.Fatalf("今日's overdue trades: %+v, %v", agenda.OverdueTrades, err)
	}
	if other, _ := s.Agenda(g.ID+1, *now, cst); other.OverdueTrades.Count != 0 {
		t.Fatal("another group's agenda counts this group's trades")
	}
	ts, _ := s.Trades(g.ID, *now)
	var order []uint
	for _, tr := range ts {
		order = append(order, tr.ID)
	}
	if want := []uint{a.ID, b.ID, c.ID, d.ID}; !tradeIDsEqual(order, want) {
		t.Fatalf("list order %v, want %v", order, want)
	}
}

func tradeIDsEqual(a, b []uint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEscrowDeadlinesSetting(t *testing.T) {
	s, _ := requestStore(t)
	if d, err := s.EscrowDeadlines(); err != nil || d != escrow.DefaultDeadlines {
		t.Fatalf("default: %v %v", d, err)
	}
	err := s.SetEscrowDeadlines(escrow.Deadlines{Pay: 0, Deliver: 24 * time.Hour, Confirm: 1000 * time.Hour})
	var ve ValidationError
	if !errors.As(err, &ve) || ve.For("pay_hours") == nil || ve.For("confirm_hours") == nil || ve.For("deliver_hours") != nil {
		t.Fatalf("bad hours: %v", err)
	}
	if d, _ := s.EscrowDeadlines(); d != escrow.DefaultDeadlines {
		t.Fatalf("a refused setting was kept: %v", d)
	}
}

func TestMemberTradeRecord(t *testing.T) {
	s, now := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	third := saveMemberDraft(t, s, MemberDraft{QQ: "10003", Nickname: "小刚"})
	first := *now
	walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeCompleted)
	*now = now.Add(24 * time.Hour)
	walkTrade(t, s, openTrade(t, s, g, seller, buyer), TradeRefunded) // roles swapped
	walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeHeld)
	tr := walkTrade(t, s, openTrade(t, s, g, buyer, seller), TradeDisputed)
	if _, err := s.MoveTrade(tr.ID, TradeDisputed, TradeCompleted, "卖家有截图"); err != nil {
		t.Fatal(err)
	}
	rec, err := s.MemberTradeRecord(buyer.ID)
	want := TradeRecord{Trades: 4, Completed: 2, Disputed: 2, Refunded: 1}
	if err != nil || rec.First == nil || !rec.First.Equal(first) {
		t.Fatalf("record %+v, %v", rec, err)
	}
	rec.First = nil
	if rec != want {
		t.Fatalf("record %+v, want %+v", rec, want)
	}
	if got := (TradeRecord{Trades: 1, Completed: 1, First: &first}).Summary(cst); got != "完成 1 笔，争议 0 笔，退款 0 笔，首次 "+first.In(cst).Format(DateLayout) {
		t.Fatalf("summary %q", got)
	}
	none, _ := s.MemberTradeRecord(third.ID)
	if none.Trades != 0 || none.Summary(cst) != "新人，没有交易记录" {
		t.Fatalf("new member: %+v", none)
	}
	all, _ := s.MemberTradeRecords()
	if len(all) != 2 || all[seller.ID].Trades != 4 {
		t.Fatalf("all records: %+v", all)
	}
}

func TestDeleteMemberWithTradesRefused(t *testing.T) {
	s, _ := requestStore(t)
	g, buyer, seller, _ := tradeFixture(t, s)
	openTrade(t, s, g, buyer, seller)
	err := s.DeleteMember(seller.ID)
	var ve ValidationError
	if !errors.Is(err, ErrInUse) || !errors.As(err, &ve) || !strings.Contains(ve.For("member").Message, "1 笔担保交易") {
		t.Fatalf("delete a seller: %v", err)
	}
	if ms, _ := s.Members(0); len(ms) != 2 {
		t.Fatalf("%d members left", len(ms))
	}
}
