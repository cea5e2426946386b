package app

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
)

// talentTodos proposes last month's 资源达人 in the first days of a month, while it is
// unconfirmed: recognition that comes weeks late means little.
func (t *today) talentTodos() []todo {
	d, l := t.agenda.Talent, t.links
	if !d.Due() || l.talent == nil {
		return nil
	}
	text := fmt.Sprintf("该评%s的资源达人了：按现在的公式，「%s」以 %d 分领先（共 %d 人有贡献）。确认后TA下个月享有「资源达人」和「优先获取」。",
		d.Month.Label(), d.Leader, d.Score, d.Members)
	return []todo{{theme.AccountIcon(), text, "去评选", l.talent}}
}
