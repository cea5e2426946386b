package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/points"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellPoints is the 互助积分 part of the shell: the first area under 积分.
type shellPoints struct {
	pointsArea *area
	points     *points.Screen
}

func (s *shell) newPoints(e *ui.Env) {
	s.points = points.NewScreen(e)
	s.pointsArea = &area{title: "互助积分", icon: theme.MoveUpIcon(), screen: s.points}
}
