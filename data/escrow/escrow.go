// Package escrow is the rule of an escrow trade (担保交易) with the owner as third party:
// the states, the one table of moves between them, their words, and the deadline of
// each waiting state. It imports neither GORM nor Fyne; package data applies it inside
// its transactions.
package escrow

import (
	"fmt"
	"time"
)

// State is where a trade stands. The strings are what the database keeps.
type State string

// The states of a trade.
const (
	AwaitingPayment State = "awaiting_pay" // 待付款: the buyer has not paid the owner yet
	Held            State = "held"         // 已托管: the owner holds the money, the seller delivers
	Delivered       State = "delivered"    // 已交付: the seller delivered, the buyer confirms
	Completed       State = "completed"    // 已完成: the owner released the money to the seller
	Cancelled       State = "cancelled"    // 已取消: called off before any money moved
	Disputed        State = "disputed"     // 争议中: the owner rules
	Refunded        State = "refunded"     // 已退款: the owner gave the money back to the buyer
)

// States is every state, in the order a trade goes through them.
var States = []State{AwaitingPayment, Held, Delivered, Completed, Cancelled, Disputed, Refunded}

var labels = map[State]string{
	AwaitingPayment: "待付款", Held: "已托管", Delivered: "已交付", Completed: "已完成",
	Cancelled: "已取消", Disputed: "争议中", Refunded: "已退款",
}

// Label is the state in the owner's words.
func (s State) Label() string {
	if l, ok := labels[s]; ok {
		return l
	}
	return "未知状态"
}

// Final reports whether nothing can happen to a trade in s any more.
func (s State) Final() bool { return len(From(s)) == 0 }

// Move is one allowed step of a trade, with the words of its button.
type Move struct {
	From, To State
	Action   string // the button: 买家已付款
	Done     string // the audit log's line when no note was given: 买家已付款给群主
	// NeedsReason: the owner must say why (a dispute, a ruling); the note is kept in
	// the audit log.
	NeedsReason bool
}

// Moves is every move a trade can make, and the only place that says so.
var Moves = []Move{
	{From: AwaitingPayment, To: Held, Action: "买家已付款", Done: "买家已付款给群主，群主托管中"},
	{From: AwaitingPayment, To: Cancelled, Action: "取消交易", Done: "交易取消"},
	{From: Held, To: Delivered, Action: "卖家已交付", Done: "卖家已交付"},
	{From: Held, To: Disputed, Action: "有争议", Done: "发生争议", NeedsReason: true},
	{From: Delivered, To: Completed, Action: "买家确认，放款给卖家", Done: "买家确认收到，群主已放款给卖家"},
	{From: Delivered, To: Disputed, Action: "有争议", Done: "发生争议", NeedsReason: true},
	{From: Disputed, To: Completed, Action: "裁定：放款给卖家", Done: "群主裁定放款给卖家", NeedsReason: true},
	{From: Disputed, To: Refunded, Action: "裁定：退款给买家", Done: "群主裁定退款给买家", NeedsReason: true},
}

// Allowed is the move from from to to, and whether there is one.
func Allowed(from, to State) (Move, bool) {
	for _, m := range Moves {
		if m.From == from && m.To == to {
			return m, true
		}
	}
	return Move{}, false
}

// From lists the moves a trade in s can make, in the table's order.
func From(s State) []Move {
	var ms []Move
	for _, m := range Moves {
		if m.From == s {
			ms = append(ms, m)
		}
	}
	return ms
}

// MoveError is a move the table does not allow, or one a newer move overtook: the
// trade was no longer in From (Now says where it is).
type MoveError struct {
	From, To State
	Now      State // set when the trade had moved on meanwhile
}

func (e *MoveError) Error() string {
	if e.Now != "" {
		return fmt.Sprintf("trade moved on to %s before %s → %s", e.Now, e.From, e.To)
	}
	return fmt.Sprintf("trade cannot move from %s to %s", e.From, e.To)
}

// Deadlines are how long each waiting state may last before the trade is overdue.
type Deadlines struct {
	Pay     time.Duration // 待付款: the buyer pays the owner
	Deliver time.Duration // 已托管: the seller delivers
	Confirm time.Duration // 已交付: the buyer confirms
}

// DefaultDeadlines: pay within 2 hours, deliver within 24, confirm within 24.
var DefaultDeadlines = Deadlines{Pay: 2 * time.Hour, Deliver: 24 * time.Hour, Confirm: 24 * time.Hour}

// The hours an owner may set for a deadline.
const (
	MinHours = 1
	MaxHours = 30 * 24
)

// For is how long a trade may wait in s; false for states that do not wait on a
// member (a dispute waits on the owner; final states wait on no one).
func (d Deadlines) For(s State) (time.Duration, bool) {
	switch s {
	case AwaitingPayment:
		return d.Pay, true
	case Held:
		return d.Deliver, true
	case Delivered:
		return d.Confirm, true
	}
	return 0, false
}

// DueAt is the deadline of a trade that entered s at at, or nil when s has none.
func (d Deadlines) DueAt(s State, at time.Time) *time.Time {
	wait, ok := d.For(s)
	if !ok {
		return nil
	}
	due := at.Add(wait).UTC()
	return &due
}

// Overdue reports whether a deadline has passed at now.
func Overdue(due *time.Time, now time.Time) bool {
	return due != nil && now.After(*due)
}

// Waiting says who a trade in s waits on, for the list: 等买家付款.
func Waiting(s State) string {
	switch s {
	case AwaitingPayment:
		return "等买家付款"
	case Held:
		return "等卖家交付"
	case Delivered:
		return "等买家确认"
	case Disputed:
		return "等群主裁定"
	}
	return ""
}
