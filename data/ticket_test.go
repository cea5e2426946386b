package data

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/sla"
	"gorm.io/gorm"
)

// ticketClock is a clock the test moves while the store reads it.
type ticketClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *ticketClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *ticketClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// ticketStore is a store on a file in t.TempDir() with one member, and its clock.
func ticketStore(t *testing.T) (*Store, *ticketClock, string, uint) {
	t.Helper()
	clock := &ticketClock{t: testNow}
	path := filepath.Join(t.TempDir(), DatabaseFile)
	s, err := Open(path, WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	m := Member{QQ: "2851234567", Nickname: "小明"}
	if err := s.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	return s, clock, path, m.ID
}

func openTicket(t *testing.T, s *Store, memberID uint) Ticket {
	t.Helper()
	tk, err := s.OpenTicket(TicketDraft{MemberID: memberID, Category: TicketCardInvalid, Description: "卡密提示已使用"})
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

func TestTicketDraftRefusedAtField(t *testing.T) {
	s, _, _, mid := ticketStore(t)
	tests := []struct {
		name  string
		d     TicketDraft
		field string
	}{
		{"no member", TicketDraft{Category: TicketRefund, Description: "要退款"}, "member"},
		{"no description", TicketDraft{MemberID: mid, Category: TicketRefund, Description: "  "}, "description"},
		{"no category", TicketDraft{MemberID: mid, Description: "要退款"}, "category"},
		{"long description", TicketDraft{MemberID: mid, Category: TicketOther, Description: string(make([]rune, MaxTicketTextLen+1))}, "description"},
		{"member gone", TicketDraft{MemberID: mid + 99, Category: TicketRefund, Description: "要退款"}, "member"},
		{"resource gone", TicketDraft{MemberID: mid, ResourceID: new(uint(42)), Category: TicketRefund, Description: "要退款"}, "resource"},
		{"trade gone", TicketDraft{MemberID: mid, TradeID: new(uint(42)), Category: TicketRefund, Description: "要退款"}, "trade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.OpenTicket(tt.d)
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tt.field) == nil {
				t.Fatalf("OpenTicket = %v, want a problem at %s", err, tt.field)
			}
		})
	}
	var n int64
	s.db.Model(&Ticket{}).Count(&n)
	if n != 0 {
		t.Fatalf("%d tickets saved from refused drafts", n)
	}
}

// ticketPathTo is the moves that take a new ticket to each state.
var ticketPathTo = map[TicketState][]TicketState{
	TicketWaiting:    nil,
	TicketInProgress: {TicketInProgress},
	TicketResolved:   {TicketInProgress, TicketResolved},
	TicketClosed:     {TicketInProgress, TicketResolved, TicketClosed},
}

// TestTicketMovesEveryPair tries every (state, state) pair: the allowed moves are
// made and logged; every other one is refused and changes neither the ticket nor its
// log.
func TestTicketMovesEveryPair(t *testing.T) {
	allowed := map[[2]TicketState]bool{
		{TicketWaiting, TicketInProgress}: true, {TicketWaiting, TicketResolved}: true,
		{TicketInProgress, TicketResolved}: true,
		{TicketResolved, TicketClosed}:     true, {TicketResolved, TicketInProgress}: true,
		{TicketClosed, TicketInProgress}: true,
	}
	s, clock, _, mid := ticketStore(t)
	for _, from := range TicketStates {
		for _, to := range TicketStates {
			t.Run(string(from)+"→"+string(to), func(t *testing.T) {
				tk := openTicket(t, s, mid)
				for _, st := range ticketPathTo[from] {
					clock.Advance(time.Minute)
					if _, err := s.MoveTicket(tk.ID, st, ""); err != nil {
						t.Fatalf("path to %s: %v", from, err)
					}
				}
				before, _ := s.Ticket(tk.ID)
				clock.Advance(time.Minute)
				got, err := s.MoveTicket(tk.ID, to, "备注")
				after, _ := s.Ticket(tk.ID)
				if allowed[[2]TicketState{from, to}] {
					if err != nil {
						t.Fatalf("allowed move refused: %v", err)
					}
					if got.State != to || after.State != to {
						t.Fatalf("state %s / %s, want %s", got.State, after.State, to)
					}
					if len(after.Events) != len(before.Events)+1 {
						t.Fatalf("log has %d entries, want %d", len(after.Events), len(before.Events)+1)
					}
					last := after.Events[len(after.Events)-1]
					if last.From != from || last.To != to || last.Note != "备注" || !last.At.Equal(clock.Now()) {
						t.Fatalf("log entry %+v", last)
					}
					return
				}
				var me *TicketMoveError
				if !errors.As(err, &me) || me.From != from || me.To != to {
					t.Fatalf("MoveTicket = %v, want a TicketMoveError %s→%s", err, from, to)
				}
				if !sameTicket(before, after) {
					t.Fatalf("a refused move changed the ticket:\n%+v\n%+v", before, after)
				}
			})
		}
	}
}

func sameTicket(a, b Ticket) bool {
	eq := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	return a.State == b.State && a.UpdatedAt.Equal(b.UpdatedAt) && len(a.Events) == len(b.Events) &&
		eq(a.FirstResponseAt, b.FirstResponseAt) && eq(a.ResolvedAt, b.ResolvedAt) && eq(a.ClosedAt, b.ClosedAt)
}

func TestTicketFirstResponseAndReopen(t *testing.T) {
	s, clock, _, mid := ticketStore(t)
	tk := openTicket(t, s, mid)
	if want := testNow.Add(24 * time.Hour); !tk.DueAt.Equal(want) || tk.State != TicketWaiting {
		t.Fatalf("opened %+v, want due %v", tk, want)
	}
	clock.Advance(3 * time.Hour)
	tk, err := s.MoveTicket(tk.ID, TicketResolved, "已补发")
	if err != nil {
		t.Fatal(err)
	}
	if tk.FirstResponseAt == nil || tk.ResponseTime() != 3*time.Hour || tk.ResolvedAt == nil {
		t.Fatalf("straight to 已解决: %+v", tk)
	}
	if kept, ok := tk.PromiseKept(); !ok || !kept {
		t.Fatal("answered in 3 hours did not keep a 24-hour promise")
	}
	clock.Advance(time.Hour)
	if tk, err = s.MoveTicket(tk.ID, TicketClosed, ""); err != nil || tk.ClosedAt == nil {
		t.Fatalf("close: %v %+v", err, tk)
	}
	clock.Advance(30 * time.Hour)
	tk, err = s.MoveTicket(tk.ID, TicketInProgress, "成员说又不行了")
	if err != nil {
		t.Fatal(err)
	}
	if tk.ResolvedAt != nil || tk.ClosedAt != nil || tk.ResponseTime() != 3*time.Hour ||
		!tk.DueAt.Equal(testNow.Add(24*time.Hour)) {
		t.Fatalf("reopened: %+v; want resolved and closed cleared, first response and due kept", tk)
	}
	if b := tk.Bucket(clock.Now()); b != sla.Answered {
		t.Fatalf("a reopened ticket is %v, want answered (the promise is not reset)", b)
	}
}

func TestTicketReply(t *testing.T) {
	s, clock, _, mid := ticketStore(t)
	tk := openTicket(t, s, mid)
	_, err := s.ReplyTicket(tk.ID, " ")
	var ve ValidationError
	if !errors.As(err, &ve) || ve.For("reply") == nil {
		t.Fatalf("empty reply: %v", err)
	}
	clock.Advance(26 * time.Hour)
	tk, err = s.ReplyTicket(tk.ID, "已收到，正在联系上家")
	if err != nil {
		t.Fatal(err)
	}
	if tk.State != TicketInProgress || tk.FirstResponseAt == nil || tk.ResponseTime() != 26*time.Hour {
		t.Fatalf("reply to a waiting ticket: %+v", tk)
	}
	if kept, _ := tk.PromiseKept(); kept {
		t.Fatal("a reply after 26 hours kept a 24-hour promise")
	}
	clock.Advance(time.Hour)
	if tk, err = s.ReplyTicket(tk.ID, "上家已补发"); err != nil || tk.State != TicketInProgress || tk.ResponseTime() != 26*time.Hour {
		t.Fatalf("second reply: %v %+v", err, tk)
	}
	full, _ := s.Ticket(tk.ID)
	if n := len(full.Events); n != 3 || full.Events[2].From != TicketInProgress || full.Events[2].To != TicketInProgress {
		t.Fatalf("log %+v", full.Events)
	}
	s.MoveTicket(tk.ID, TicketResolved, "")
	s.MoveTicket(tk.ID, TicketClosed, "")
	var me *TicketMoveError
	if _, err := s.ReplyTicket(tk.ID, "还在吗"); !errors.As(err, &me) {
		t.Fatalf("reply to a closed ticket: %v", err)
	}
}

// TestTicketConcurrentMoves: two owners make the same move from 待响应 at once (开始处理
// twice, or 标记已解决 twice), on one store and on two stores over the same file:
// exactly one is made and logged.
func TestTicketConcurrentMoves(t *testing.T) {
	s, clock, path, mid := ticketStore(t)
	other, err := Open(path, WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, pair := range [][2]*Store{{s, s}, {s, other}} {
		for range 10 {
			tk := openTicket(t, s, mid)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			to := TicketStates[1+int(tk.ID)%2] // 处理中 or 已解决
			for i := range 2 {
				wg.Go(func() { _, errs[i] = pair[i].MoveTicket(tk.ID, to, "") })
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				if err == nil {
					won++
				}
			}
			full, _ := s.Ticket(tk.ID)
			if won != 1 || len(full.Events) != 2 {
				t.Fatalf("%d moves won (%v), %d log entries; want exactly one move", won, errs, len(full.Events))
			}
		}
	}
}

func TestTicketPromiseHours(t *testing.T) {
	s, clock, _, mid := ticketStore(t)
	if h, err := s.TicketPromiseHours(); err != nil || h != 24 {
		t.Fatalf("default promise %d, %v", h, err)
	}
	old := openTicket(t, s, mid)
	for _, bad := range []int{0, -1, sla.MaxHours + 1} {
		var ve ValidationError
		if err := s.SetTicketPromiseHours(bad); !errors.As(err, &ve) || ve.For("promise_hours") == nil {
			t.Errorf("SetTicketPromiseHours(%d) = %v", bad, err)
		}
	}
	if err := s.SetTicketPromiseHours(8); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	tk := openTicket(t, s, mid)
	if !tk.DueAt.Equal(clock.Now().Add(8 * time.Hour)) {
		t.Fatalf("due %v with an 8-hour promise", tk.DueAt)
	}
	if again, _ := s.Ticket(old.ID); !again.DueAt.Equal(old.DueAt) {
		t.Fatal("changing the promise moved an open ticket's due time")
	}
}

func TestTicketsOrderAndWarning(t *testing.T) {
	s, clock, path, mid := ticketStore(t)
	a := openTicket(t, s, mid) // due testNow+24h
	clock.Advance(10 * time.Hour)
	b := openTicket(t, s, mid) // due testNow+34h
	clock.Advance(time.Hour)
	c := openTicket(t, s, mid) // answered below
	if _, err := s.MoveTicket(c.ID, TicketInProgress, ""); err != nil {
		t.Fatal(err)
	}
	d := openTicket(t, s, mid) // settled below
	s.MoveTicket(d.ID, TicketResolved, "")
	clock.Set(testNow.Add(23 * time.Hour)) // a: 1h left; b: 11h left
	now := clock.Now()
	ts, err := s.Tickets(0, now)
	if err != nil {
		t.Fatal(err)
	}
	var order []uint
	for _, tk := range ts {
		order = append(order, tk.ID)
	}
	if want := []uint{a.ID, b.ID, c.ID, d.ID}; !equalIDs(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	if ts[0].Bucket(now) != sla.DueSoon || ts[1].Bucket(now) != sla.Waiting {
		t.Fatalf("buckets %v %v", ts[0].Bucket(now), ts[1].Bucket(now))
	}
	warn, _ := s.TicketsToWarn(now)
	if len(warn) != 1 || warn[0].ID != a.ID {
		t.Fatalf("to warn %+v, want ticket a only", warn)
	}
	if ok, err := s.MarkTicketWarned(a.ID, now); !ok || err != nil {
		t.Fatalf("first warning: %v %v", ok, err)
	}
	if ok, _ := s.MarkTicketWarned(a.ID, now); ok {
		t.Fatal("warned twice")
	}
	// A restart: a new store over the file warns about nothing it warned before.
	s2, err := Open(path, WithClock(clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if warn, _ := s2.TicketsToWarn(now); len(warn) != 0 {
		t.Fatalf("after a restart: %+v", warn)
	}
	agenda, err := s2.Agenda(0, now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if agenda.UrgentTickets.Count != 1 || agenda.UrgentTickets.IDs[0] != a.ID {
		t.Fatalf("今日 tickets %+v", agenda.UrgentTickets)
	}
	clock.Set(testNow.Add(33 * time.Hour)) // b: 1h left, a overdue
	if warn, _ := s2.TicketsToWarn(clock.Now()); len(warn) != 1 || warn[0].ID != b.ID {
		t.Fatalf("later: %+v, want b", warn)
	}
}

func equalIDs(a, b []uint) bool {
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

func TestTicketMonths(t *testing.T) {
	s, clock, _, mid := ticketStore(t)
	cst := time.FixedZone("CST", 8*3600)
	clock.Set(time.Date(2026, 9, 30, 20, 0, 0, 0, time.UTC)) // 10-01 04:00 in China
	tk := openTicket(t, s, mid)
	clock.Advance(2 * time.Hour)
	s.MoveTicket(tk.ID, TicketResolved, "")
	clock.Set(time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC))
	ms, err := s.TicketMonths(0, clock.Now(), cst, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[2].Start.Month() != time.October || ms[2].Total.Opened != 1 || ms[2].Total.Kept != 1 ||
		ms[2].Total.MedianResolve != 2*time.Hour || ms[1].Total.Opened != 0 {
		t.Fatalf("months %+v", ms)
	}
	if len(ms[2].Categories) != 1 || ms[2].Categories[0].Category != string(TicketCardInvalid) {
		t.Fatalf("categories %+v", ms[2].Categories)
	}
	// Two months back from December: November and December, October left out.
	if ms, _ := s.TicketMonths(0, clock.Now(), cst, 2); len(ms) != 1 || ms[0].Start.Month() != time.December {
		t.Fatalf("two months with none in them: %+v", ms)
	}
}

func (c *ticketClock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// TestTicketList: every open ticket, and only the last settled ones.
func TestTicketList(t *testing.T) {
	s, clock, _, mid := ticketStore(t)
	var settled []uint
	for range 3 {
		tk := openTicket(t, s, mid)
		clock.Advance(time.Hour)
		s.MoveTicket(tk.ID, TicketResolved, "")
		settled = append(settled, tk.ID)
	}
	open := openTicket(t, s, mid)
	ts, err := s.TicketList(0, clock.Now(), 2)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint
	for _, tk := range ts {
		ids = append(ids, tk.ID)
	}
	if want := []uint{open.ID, settled[2], settled[1]}; !equalIDs(ids, want) {
		t.Fatalf("list %v, want %v", ids, want)
	}
}

// TestMemberWithTicketKept: a member with a ticket is not deleted, with the reason in
// the owner's words (the foreign key would refuse it too), and the ticket keeps its
// member.
func TestMemberWithTicketKept(t *testing.T) {
	s, _, _, mid := ticketStore(t)
	tk := openTicket(t, s, mid)
	openTicket(t, s, mid)
	err := s.DeleteMember(mid)
	var ve ValidationError
	if !errors.Is(err, ErrInUse) || !errors.As(err, &ve) || !strings.Contains(ve.For("member").Message, "TA有 2 张售后工单的记录，不能删除") {
		t.Fatalf("delete a member with tickets: %v", err)
	}
	if got, err := s.Ticket(tk.ID); err != nil || got.Member == nil || got.Member.ID != mid {
		t.Fatalf("ticket after the refused delete: %+v, %v", got, err)
	}
}

// TestTicketMoveOnStaleRead: a move made on a ticket read before another writer moved
// it changes nothing and logs nothing (the conditional UPDATE).
func TestTicketMoveOnStaleRead(t *testing.T) {
	s, _, _, mid := ticketStore(t)
	tk := openTicket(t, s, mid)
	errKeep := errors.New("keep")
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var read Ticket
		if err := tx.First(&read, tk.ID).Error; err != nil {
			return err
		}
		// Another writer resolved it after this read.
		if err := tx.Exec("UPDATE tickets SET state = ? WHERE id = ?", TicketResolved, tk.ID).Error; err != nil {
			return err
		}
		err := applyTicketMove(tx, read, TicketInProgress, "", testNow)
		var me *TicketMoveError
		if !errors.As(err, &me) || me.From != TicketWaiting {
			t.Errorf("move on a stale read: %v", err)
		}
		var n int64
		tx.Model(&TicketEvent{}).Where("ticket_id = ?", tk.ID).Count(&n)
		var now Ticket
		tx.First(&now, tk.ID)
		if n != 1 || now.State != TicketResolved || now.FirstResponseAt != nil {
			t.Errorf("the refused move changed things: %d log lines, %+v", n, now)
		}
		return errKeep
	})
	if !errors.Is(err, errKeep) {
		t.Fatal(err)
	}
}
