package app

import (
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/sessions"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellSessions is the 分享会 part of the shell: the area under 积分.
type shellSessions struct {
	sessionsArea *area
	sessions     *sessions.Screen
}

func (s *shell) newSessions(e *ui.Env) {
	s.sessions = sessions.NewScreen(e)
	s.sessionsArea = &area{title: "分享会", icon: theme.MediaVideoIcon(), screen: s.sessions}
}

// showSession opens the 分享会 area with session id selected (0: the list).
func (s *shell) showSession(id uint) {
	if id != 0 {
		s.sessions.Select(id)
	}
	s.show(s.sessionsArea)
}
