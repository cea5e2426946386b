package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/tickets"
	"github.com/qunhuo/qunhuo/app/ui"
)

// shellTickets is the 售后工单 part of the shell: the area under 交易与售后 and the
// warner that notifies, while the window is open, of tickets entering their last two
// hours.
type shellTickets struct {
	ticketsArea *area
	tickets     *tickets.Screen
}

// The warner belongs to the window, not to one shell: a restore or a move of the data
// builds a new shell on the new store, and the old shell's warner must stop first.
var (
	warnerMu sync.Mutex
	warner   *tickets.Warner
)

func (s *shell) newTickets(e *ui.Env) {
	s.tickets = tickets.NewScreen(e)
	s.ticketsArea = &area{title: "售后工单", icon: theme.HistoryIcon(), screen: s.tickets}
}

// startWarner starts this shell's ticket warner off the UI goroutine, stopping the one
// of the shell before it, and stops it when the window closes.
func (s *shell) startWarner() {
	w := tickets.NewWarner(s.env)
	if !s.env.Tasks.Inline { // screen tests drive the screens on their own goroutine
		w.AfterCheck = func() { fyne.Do(s.refreshTimeLeft) }
	}
	warnerMu.Lock()
	old := warner
	warner = w
	warnerMu.Unlock()
	s.env.Win.SetOnClosed(stopWarner)
	w.Start()
	if old != nil {
		go old.Stop() // it may be in a check; both only ever warn once per ticket
	}
}

// stopWarner stops the window's ticket warner, if one runs.
func stopWarner() {
	warnerMu.Lock()
	w := warner
	warner = nil
	warnerMu.Unlock()
	if w != nil {
		w.Stop()
	}
}

// showTicket opens the 售后工单 area and, when id is not 0, ticket id's detail.
func (s *shell) showTicket(id uint) {
	s.show(s.ticketsArea)
	if id != 0 {
		s.tickets.ShowDetail(id)
	}
}

// refreshTimeLeft reloads 售后工单 or 今日 when shown, so the time left to each
// promise and the order of what is urgent stay true while the window stays open.
func (s *shell) refreshTimeLeft() {
	if s.shown == s.ticketsArea || s.shown == s.home {
		s.shown.screen.Refresh()
	}
}
