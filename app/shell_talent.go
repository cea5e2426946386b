package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/talent"
	"github.com/qunhuo/qunhuo/app/ui"
	datatalent "github.com/qunhuo/qunhuo/data/talent"
)

// shellTalent is the 资源达人 part of the shell: the third area under 积分.
type shellTalent struct {
	talentArea *area
	talent     *talent.Screen
}

func (s *shell) newTalent(e *ui.Env) {
	s.talent = talent.NewScreen(e)
	s.talentArea = &area{title: "资源达人", icon: theme.AccountIcon(), screen: s.talent}
}

// showTalentLastMonth opens the 资源达人 area on last month (the 今日 card).
func (s *shell) showTalentLastMonth() {
	s.talent.ShowMonth(datatalent.MonthOf(s.env.Now(), s.env.Loc).Prev())
	s.show(s.talentArea)
}
