package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/theme"
)

// sessionTodos are the 分享会 starting today or tomorrow, whose reminder (or, still
// 筹备中, whose announcement) the owner copies to the group, and the ended ones whose
// speaker or attendees still wait for their points.
func (t *today) sessionTodos() []todo {
	a, l := t.agenda, t.links
	if l.session == nil {
		return nil
	}
	var out []todo
	for i, name := range a.SessionsSoon.Names {
		id := a.SessionsSoon.IDs[i]
		if planned, ok := strings.CutSuffix(name, "（还没发布）"); ok {
			out = append(out, todo{theme.MediaVideoIcon(), "分享会" + planned + "还没发布：先发布，把预告复制到群里。", "去发布", func() { l.session(id) }})
			continue
		}
		out = append(out, todo{theme.MediaVideoIcon(), "分享会" + name + "：开始前把提醒帖复制到群里。", "去复制提醒", func() { l.session(id) }})
	}
	if more := a.SessionsSoon.Count - len(a.SessionsSoon.Names); more > 0 {
		out = append(out, todo{theme.MediaVideoIcon(), fmt.Sprintf("还有 %d 场分享会今明两天开始。", more), "看全部", func() { l.session(0) }})
	}
	for i, name := range a.SessionsUnpaid.Names {
		id := a.SessionsUnpaid.IDs[i]
		out = append(out, todo{theme.ContentAddIcon(), "分享会" + name + "已结束，主讲人或参加者还没拿到积分。", "去发积分", func() { l.session(id) }})
	}
	if more := a.SessionsUnpaid.Count - len(a.SessionsUnpaid.Names); more > 0 {
		out = append(out, todo{theme.ContentAddIcon(), fmt.Sprintf("还有 %d 场结束的分享会没发积分。", more), "看全部", func() { l.session(0) }})
	}
	return out
}
