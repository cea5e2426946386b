package data

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data/aftersales"
	"github.com/qunhuo/qunhuo/data/sla"
)

// TicketStates lists every state in the order a ticket goes through them.
var TicketStates = []TicketState{TicketWaiting, TicketInProgress, TicketResolved, TicketClosed}

// TicketCategories lists every category in the order forms offer them.
var TicketCategories = []TicketCategory{TicketCardInvalid, TicketNotArrived, TicketRefund, TicketQuestion, TicketOther}

// Label is the state in the owner's words: 待响应, 处理中, 已解决, 已关闭.
func (st TicketState) Label() string { return aftersales.State(st).Label() }

// CanMove reports whether a ticket in state st may move to to (the table in
// data/aftersales).
func (st TicketState) CanMove(to TicketState) bool {
	return aftersales.CanMove(aftersales.State(st), aftersales.State(to))
}

// Moves lists the states a ticket in st may move to.
func (st TicketState) Moves() []TicketState {
	var out []TicketState
	for _, to := range aftersales.Moves(aftersales.State(st)) {
		out = append(out, TicketState(to))
	}
	return out
}

// MoveLabel is the words of the button that moves a ticket from st to to.
func (st TicketState) MoveLabel(to TicketState) string {
	return aftersales.MoveLabel(aftersales.State(st), aftersales.State(to))
}

// Open reports whether the ticket still needs the owner: 待响应 or 处理中.
func (st TicketState) Open() bool { return aftersales.State(st).Open() }

// Label is the category in the owner's words: 卡密无效, 未到账, 退款, 咨询, 其他.
func (c TicketCategory) Label() string { return aftersales.Category(c).Label() }

// TicketMoveError is returned when a ticket cannot make the move asked for: the table
// does not allow it, or another window moved the ticket first (From is the state it
// was found in).
type TicketMoveError struct {
	From, To TicketState
}

func (e *TicketMoveError) Error() string {
	return fmt.Sprintf("ticket cannot move from %s to %s", e.From, e.To)
}

// Bucket is how urgent the ticket is at now under its promise.
func (t *Ticket) Bucket(now time.Time) sla.Bucket {
	return sla.BucketOf(t.DueAt, t.FirstResponseAt != nil, now)
}

// Remaining is the time left to the first response at now; negative when overdue.
func (t *Ticket) Remaining(now time.Time) time.Duration { return sla.Remaining(t.DueAt, now) }

// ResponseTime is how long the first response took, or 0 before it.
func (t *Ticket) ResponseTime() time.Duration {
	if t.FirstResponseAt == nil {
		return 0
	}
	return t.FirstResponseAt.Sub(t.OpenedAt)
}

// PromiseKept reports whether the first response came within the promise; ok is false
// before the first response.
func (t *Ticket) PromiseKept() (kept, ok bool) {
	if t.FirstResponseAt == nil {
		return false, false
	}
	return sla.Kept(t.DueAt, *t.FirstResponseAt), true
}

// Who is the ticket's member as group groupID shows them, or （成员已删除）.
func (t *Ticket) Who(groupID uint) string {
	if t.Member == nil {
		return "（成员已删除）"
	}
	if t.GroupID != nil {
		groupID = *t.GroupID
	}
	return t.Member.DisplayName(groupID)
}
