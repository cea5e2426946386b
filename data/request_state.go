package data

import (
	"fmt"
	"slices"
	"time"
)

var requestStateLabels = map[RequestState]string{
	RequestWaiting: "待回复", RequestReplied: "已回复", RequestMet: "已满足", RequestNoStock: "无货",
}

// Label is the state in the owner's words.
func (st RequestState) Label() string { return requestStateLabels[st] }

// requestMoves is every move a request can make, and the only place that says so:
// 待回复 → 已回复 → 已满足 or 无货. A request can be found 无货 before any reply (the
// owner knows at once), met without one (sold in a private chat), and a 无货 one is
// replied to again when the item comes back (RestockOffers).
var requestMoves = map[RequestState][]RequestState{
	RequestWaiting: {RequestReplied, RequestMet, RequestNoStock},
	RequestReplied: {RequestMet, RequestNoStock},
	RequestNoStock: {RequestReplied, RequestMet},
	RequestMet:     nil,
}

// CanMove reports whether a request in state from may move to to.
func (st RequestState) CanMove(to RequestState) bool {
	return slices.Contains(requestMoves[st], to)
}

// Open reports whether the request still waits for something: a reply, or stock.
func (st RequestState) Open() bool { return st == RequestWaiting || st == RequestNoStock }

// RequestMoveError is returned when a request cannot make the move asked for, such as
// replying to one already met.
type RequestMoveError struct {
	From, To RequestState
}

func (e *RequestMoveError) Error() string {
	return fmt.Sprintf("request cannot move from %s to %s", e.From, e.To)
}

// ReplyTime is how long the owner took to reply, or 0 when there is no reply yet.
func (r *Request) ReplyTime() time.Duration {
	if r.RepliedAt == nil {
		return 0
	}
	return r.RepliedAt.Sub(r.AskedAt)
}

// FormatWait says a duration the way the board and 今日 show it: 45秒, 12分钟,
// 3小时20分, 2天5小时.
func FormatWait(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d秒", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d分钟", int(d.Minutes()))
	case d < 24*time.Hour:
		h := int(d.Hours())
		if m := int(d.Minutes()) - 60*h; m > 0 {
			return fmt.Sprintf("%d小时%d分", h, m)
		}
		return fmt.Sprintf("%d小时", h)
	}
	days := int(d.Hours()) / 24
	if h := int(d.Hours()) - 24*days; h > 0 {
		return fmt.Sprintf("%d天%d小时", days, h)
	}
	return fmt.Sprintf("%d天", days)
}
