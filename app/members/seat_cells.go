package members

import (
	"fmt"
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

// countText counts the list, with those who have left the group (groupID 0: everyone,
// where leaving one group is not leaving).
func countText(all []data.Member, shown int, groupID uint) string {
	left := 0
	for i := range all {
		if seat := all[i].In(groupID); groupID != 0 && seat != nil && seat.LeftOn != nil {
			left++
		}
	}
	if left == 0 {
		return fmt.Sprintf("共 %d 人，显示 %d 人", len(all), shown)
	}
	return fmt.Sprintf("共 %d 人（其中 %d 人已退群），显示 %d 人", len(all), left, shown)
}
