package members

import (
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// seatCell is what the member list shows of a member's seat in the group: the card,
// the role (已退群 once a complete member list from QQ no longer had them), and the
// days they joined and last spoke, which find newcomers and silent members.
func seatCell(seat *data.Membership, col int, loc *time.Location) string {
	switch col {
	case 2:
		return seat.CardName
	case 3:
		if seat.LeftOn != nil {
			return "已退群"
		}
		return seat.Role.Label()
	case 7:
		return day(seat.JoinedOn, loc)
	case 8:
		return day(seat.LastSpokeAt, loc)
	}
	return ""
}

// day is a time as the day it fell on: the day is what matters in a list.
func day(t *time.Time, loc *time.Location) string {
	if t == nil {
		return ""
	}
	return t.In(loc).Format(data.DateLayout)
}
