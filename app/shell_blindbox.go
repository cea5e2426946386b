package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/blindbox"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellBlindBox is the 资源盲盒 part of the shell: the area under 活动.
type shellBlindBox struct {
	blindBoxArea *area
	blindBox     *blindbox.Screen
}

func (s *shell) newBlindBox(e *ui.Env) {
	s.blindBox = blindbox.NewScreen(e)
	s.blindBoxArea = &area{title: "资源盲盒", icon: theme.MediaPlayIcon(), screen: s.blindBox}
}

// showBlindBox opens the 资源盲盒 area on box id.
func (s *shell) showBlindBox(id uint) {
	s.blindBox.ShowBox(id)
	s.show(s.blindBoxArea)
}
