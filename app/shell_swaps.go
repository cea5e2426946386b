package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/swaps"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellSwaps is the 置换区 part of the shell: the area under 活动.
type shellSwaps struct {
	swapsArea *area
	swaps     *swaps.Screen
}

func (s *shell) newSwaps(e *ui.Env) {
	s.swaps = swaps.NewScreen(e)
	s.swapsArea = &area{title: "置换区", icon: theme.ViewRefreshIcon(), screen: s.swaps}
}

// showSwapSuggestions opens the 置换区 area on its 配对建议.
func (s *shell) showSwapSuggestions() {
	s.swaps.ShowSuggestions()
	s.show(s.swapsArea)
}
