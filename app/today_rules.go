package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// rulesTodos asks for the 群规公告 once the group's rules changed and the new version
// was not posted: rules the members have not seen do not earn their trust.
func (t *today) rulesTodos() []todo {
	r, l := t.agenda.Rules, t.links
	if !r.Unposted || l.rulesPost == nil {
		return nil
	}
	text := fmt.Sprintf("群规第 %d 版（%s 修订）还没发到群里，群友还不知道。", r.Number, r.SavedAt.In(t.env.Loc).Format("1月2日"))
	if r.Number == 1 {
		text = fmt.Sprintf("群规（%s 保存的第 1 版）还没发到群里，发一次并设为群公告，新人进群就能看到。", r.SavedAt.In(t.env.Loc).Format("1月2日"))
	}
	return []todo{{theme.DocumentIcon(), text, "去发群规", l.rulesPost}}
}
