// Package aftersales is the rule book of after-sales tickets (售后工单): their states,
// the one table of moves between them, which move is the first response, and the words
// the owner sees for states and categories. It imports neither GORM nor Fyne; package
// data applies it inside its transactions and keeps the same string values in its
// columns.
//
// The moves:
//
//	待响应 → 处理中 → 已解决 → 已关闭
//	待响应 → 已解决               (answered and settled at once)
//	已解决 → 处理中, 已关闭 → 处理中 (reopen)
//
// The first response is the first move out of 待响应, or a reply recorded while the
// ticket waits (which also moves it to 处理中). A ticket cannot be closed without
// being resolved first, so every closed ticket was answered. Reopening does not reset
// the promise: the member already had a response, and the response time kept is the
// first one; the ticket's resolve time is cleared and set again when it is resolved.
package aftersales

import "slices"

// State is where a ticket stands; the values are those kept in the database.
type State string

// The states of a ticket.
const (
	Waiting    State = "waiting"     // 待响应
	InProgress State = "in_progress" // 处理中
	Resolved   State = "resolved"    // 已解决
	Closed     State = "closed"      // 已关闭
)

// States lists every state in the order a ticket goes through them.
var States = []State{Waiting, InProgress, Resolved, Closed}

var stateLabels = map[State]string{
	Waiting: "待响应", InProgress: "处理中", Resolved: "已解决", Closed: "已关闭",
}

// Label is the state in the owner's words, or "" for a state that does not exist.
func (s State) Label() string { return stateLabels[s] }

// moves is every move a ticket can make, and the only place that says so.
var moves = map[State][]State{
	Waiting:    {InProgress, Resolved},
	InProgress: {Resolved},
	Resolved:   {Closed, InProgress},
	Closed:     {InProgress},
}

// CanMove reports whether a ticket in state from may move to to.
func CanMove(from, to State) bool { return slices.Contains(moves[from], to) }

// Moves lists the states a ticket in state from may move to, in the table's order.
func Moves(from State) []State { return slices.Clone(moves[from]) }

// IsFirstResponse reports whether the move from → to answers the member: any move out
// of 待响应.
func IsFirstResponse(from, to State) bool { return from == Waiting && CanMove(from, to) }

// IsReopen reports whether the move from → to reopens a settled ticket.
func IsReopen(from, to State) bool {
	return (from == Resolved || from == Closed) && to == InProgress
}

// Open reports whether the ticket still needs the owner: waiting or in progress.
func (s State) Open() bool { return s == Waiting || s == InProgress }

// CanReply reports whether a reply may be recorded on a ticket in state s: not on a
// closed one (reopen it first).
func (s State) CanReply() bool { return s == Waiting || s == InProgress || s == Resolved }

// MoveLabel is the button that makes the move from → to: 开始处理, 标记已解决,
// 关闭, 重新打开.
func MoveLabel(from, to State) string {
	switch {
	case IsReopen(from, to):
		return "重新打开"
	case to == InProgress:
		return "开始处理"
	case to == Resolved:
		return "标记已解决"
	case to == Closed:
		return "关闭工单"
	}
	return ""
}

// Category is what a ticket is about; the values are those kept in the database.
type Category string

// The categories of a ticket.
const (
	CardInvalid Category = "card_invalid" // 卡密无效
	NotArrived  Category = "not_arrived"  // 未到账
	Refund      Category = "refund"       // 退款
	Question    Category = "question"     // 咨询
	Other       Category = "other"        // 其他
)

// Categories lists every category in the order forms offer them.
var Categories = []Category{CardInvalid, NotArrived, Refund, Question, Other}

var categoryLabels = map[Category]string{
	CardInvalid: "卡密无效", NotArrived: "未到账", Refund: "退款", Question: "咨询", Other: "其他",
}

// Label is the category in the owner's words, or "" for one that does not exist.
func (c Category) Label() string { return categoryLabels[c] }

// CategoryByLabel finds the category the owner's words name.
func CategoryByLabel(label string) (Category, bool) {
	for c, l := range categoryLabels {
		if l == label {
			return c, true
		}
	}
	return "", false
}

// Valid reports whether c is one of Categories.
func (c Category) Valid() bool { _, ok := categoryLabels[c]; return ok }
