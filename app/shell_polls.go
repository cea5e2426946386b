package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/polls"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellPolls is the 投票 part of the shell: the area under 活动.
type shellPolls struct {
	pollsArea *area
	polls     *polls.Screen
}

func (s *shell) newPolls(e *ui.Env) {
	s.polls = polls.NewScreen(e)
	s.pollsArea = &area{title: "投票", icon: theme.ListIcon(), screen: s.polls}
}

// showPoll opens the 投票 area with poll id selected (0: the list).
func (s *shell) showPoll(id uint) {
	if id != 0 {
		s.polls.Select(id)
	}
	s.show(s.pollsArea)
}
