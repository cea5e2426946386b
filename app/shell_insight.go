package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/insight"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellInsight is the 互动率 part of the shell: the first area under 数据.
type shellInsight struct {
	insightArea *area
	insight     *insight.Screen
}

func (s *shell) newInsight(e *ui.Env) {
	s.insight = insight.NewScreen(e, insight.Links{ImportChat: s.importChat})
	s.insightArea = &area{title: "互动率", icon: theme.VisibilityIcon(), screen: s.insight}
}

// showInsight opens the 互动率 area.
func (s *shell) showInsight() { s.show(s.insightArea) }
