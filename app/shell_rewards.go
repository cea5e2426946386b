package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/rewards"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellRewards is the 兑换与荣誉 part of the shell: the second area under 积分.
type shellRewards struct {
	rewardsArea *area
	rewards     *rewards.Screen
}

func (s *shell) newRewards(e *ui.Env) {
	s.rewards = rewards.NewScreen(e, func() {
		if s.today != nil && s.shown == s.home {
			s.today.Refresh()
		}
	})
	s.rewardsArea = &area{title: "兑换与荣誉", icon: theme.RadioButtonCheckedIcon(), screen: s.rewards}
}

// showRedemption opens 兑换记录 with redemption id selected (0: just the list).
func (s *shell) showRedemption(id uint) {
	s.show(s.rewardsArea)
	s.rewards.ShowRecord(id)
}
