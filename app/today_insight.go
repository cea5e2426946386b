package app

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2/theme"
)

// insightTodos is the interaction rate, this week against last week, and the silent
// members to win back: the one number the whole app is for, and the people behind it.
func (t *today) insightTodos() []todo {
	in, l := t.agenda.Insight, t.links
	if l.insight == nil || t.group == nil {
		return nil
	}
	var out []todo
	if in.HasChat && in.ThisOK {
		text := fmt.Sprintf("本周互动率 %d%%", pct(in.This))
		if in.LastOK {
			d := pct(in.This) - pct(in.Last)
			switch {
			case d > 0:
				text += fmt.Sprintf("，比上周（%d%%）高 %d 个百分点，继续保持。", pct(in.Last), d)
			case d < 0:
				text += fmt.Sprintf("，比上周（%d%%）低 %d 个百分点：发个话题或盲盒把大家叫回来。", pct(in.Last), -d)
			default:
				text += fmt.Sprintf("，和上周（%d%%）一样。", pct(in.Last))
			}
		} else {
			text += "。"
		}
		out = append(out, todo{theme.VisibilityIcon(), text, "看互动率", l.insight})
	}
	if in.Silent.Count > 0 {
		text := fmt.Sprintf("%d 位成员超过 %d 天没在群里说话：%s", in.Silent.Count, in.SilentDays, strings.Join(in.Silent.Names, "、"))
		if in.Silent.Count > len(in.Silent.Names) {
			text += " 等"
		}
		text += "。私聊问候一下，请他们回来看看。"
		out = append(out, todo{theme.AccountIcon(), text, "去私聊", l.insight})
	}
	return out
}

func pct(r float64) int { return int(math.Round(r * 100)) }
