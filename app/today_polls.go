package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/theme"
)

// pollTodos asks to close the polls past their close time: their counts become the
// group's demand weights only once closed, and the members wait for the result post.
func (t *today) pollTodos() []todo {
	pl, l := t.agenda.PollsToClose, t.links
	if pl.Count == 0 || l.poll == nil {
		return nil
	}
	id := pl.IDs[0]
	text := fmt.Sprintf("投票「%s」已到截止时间，记下结果后结束，再发结果公告。", strings.TrimPrefix(pl.Names[0], fmt.Sprintf("#%d ", id)))
	if pl.Count > 1 {
		text = fmt.Sprintf("%d 个投票已到截止时间：%s。记下结果后结束，再发结果公告。", pl.Count, strings.Join(pl.Names, "、"))
	}
	return []todo{{theme.ListIcon(), text, "去结束投票", func() { l.poll(id) }}}
}
