package escrow

import (
	"testing"
	"time"
)

// TestAllowedPairs holds the table to the spec over every (state, state) pair.
func TestAllowedPairs(t *testing.T) {
	want := map[[2]State]bool{
		{AwaitingPayment, Held}: true, {AwaitingPayment, Cancelled}: true,
		{Held, Delivered}: true, {Delivered, Completed}: true,
		{Held, Disputed}: true, {Delivered, Disputed}: true,
		{Disputed, Completed}: true, {Disputed, Refunded}: true,
	}
	for _, from := range States {
		for _, to := range States {
			m, ok := Allowed(from, to)
			if ok != want[[2]State{from, to}] {
				t.Errorf("Allowed(%s, %s) = %v, want %v", from, to, ok, !ok)
			}
			if ok && (m.Action == "" || m.Done == "") {
				t.Errorf("move %s → %s has no words", from, to)
			}
		}
	}
}

func TestRulingsNeedReason(t *testing.T) {
	for _, m := range Moves {
		want := m.To == Disputed || m.From == Disputed
		if m.NeedsReason != want {
			t.Errorf("%s → %s NeedsReason = %v", m.From, m.To, m.NeedsReason)
		}
	}
}

func TestFinalAndLabels(t *testing.T) {
	final := map[State]bool{Completed: true, Cancelled: true, Refunded: true}
	for _, s := range States {
		if s.Final() != final[s] {
			t.Errorf("%s.Final() = %v", s, s.Final())
		}
		if s.Label() == "未知状态" {
			t.Errorf("%s has no label", s)
		}
	}
	if State("x").Label() != "未知状态" {
		t.Error("unknown state has a label")
	}
}

func TestDeadlines(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	d := DefaultDeadlines
	cases := []struct {
		s    State
		want time.Duration
		ok   bool
	}{
		{AwaitingPayment, 2 * time.Hour, true}, {Held, 24 * time.Hour, true}, {Delivered, 24 * time.Hour, true},
		{Disputed, 0, false}, {Completed, 0, false}, {Cancelled, 0, false}, {Refunded, 0, false},
	}
	for _, c := range cases {
		due := d.DueAt(c.s, at)
		if (due != nil) != c.ok || (due != nil && due.Sub(at) != c.want) {
			t.Errorf("DueAt(%s) = %v, want +%v (%v)", c.s, due, c.want, c.ok)
		}
	}
	due := d.DueAt(AwaitingPayment, at)
	if Overdue(due, at.Add(2*time.Hour)) || !Overdue(due, at.Add(2*time.Hour+time.Second)) || Overdue(nil, at.Add(1000*time.Hour)) {
		t.Error("Overdue is wrong at the edge")
	}
	custom := Deadlines{Pay: time.Hour, Deliver: 3 * time.Hour, Confirm: 5 * time.Hour}
	if due := custom.DueAt(Delivered, at); due.Sub(at) != 5*time.Hour {
		t.Errorf("configured confirm deadline: %v", due)
	}
}
