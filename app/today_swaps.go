package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// swapTodos points at the swap suggestions the owner has not seen: two members who can
// swap are a conversation waiting to happen.
func (t *today) swapTodos() []todo {
	n, l := t.agenda.NewSwapMatches, t.links
	if n == 0 || l.swaps == nil {
		return nil
	}
	text := fmt.Sprintf("置换区有 %d 个新配对：群友的挂单能换成了，去看看并撮合。", n)
	return []todo{{theme.ViewRefreshIcon(), text, "去看配对", l.swaps}}
}
