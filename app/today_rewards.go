package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// redemptionTodos are the redemptions waiting to be handed out (待发放), oldest first,
// each one click from its record: a member has paid points and waits for the reward.
func (t *today) redemptionTodos() []todo {
	line, l := t.agenda.RedemptionsToGive, t.links
	if l.redemption == nil {
		return nil
	}
	var out []todo
	for i, name := range line.Names {
		id := line.IDs[i]
		out = append(out, todo{theme.RadioButtonCheckedIcon(), "待发放：" + name, "去发放", func() { l.redemption(id) }})
	}
	if more := line.Count - len(line.Names); more > 0 {
		out = append(out, todo{theme.RadioButtonCheckedIcon(), fmt.Sprintf("还有 %d 笔兑换等你发放。", more), "看全部",
			func() { l.redemption(0) }})
	}
	return out
}
