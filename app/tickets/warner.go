package tickets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sla"
)

// WarnEvery is how often, while the app is open, Warner looks for tickets entering
// their last two hours.
const WarnEvery = time.Minute

// Warner sends a desktop notification when a ticket still waiting for its first
// response enters its last sla.WarnBefore (or is found already overdue, say after the
// app was closed for a night), once per ticket: the ticket's WarnedAt is set first,
// in the database, so neither a second window nor a restart warns again. A crash
// between the two loses that one notification rather than repeating it; the list and
// 今日 still show the ticket on top.
type Warner struct {
	env *ui.Env
	// Send shows a notification; NewWarner sends it through the app on the UI
	// goroutine. Tests put their own here to count.
	Send  func(n *fyne.Notification)
	Every time.Duration
	// AfterCheck, when set, runs after each check of the loop, off the UI goroutine:
	// the shell brings the time left on screen up to date with it.
	AfterCheck func()

	mu   sync.Mutex
	stop chan struct{}
	done chan struct{}
}

// NewWarner makes a warner on e's store and clock; Start starts it.
func NewWarner(e *ui.Env) *Warner {
	w := &Warner{env: e, Every: WarnEvery}
	w.Send = func(n *fyne.Notification) { fyne.Do(func() { e.App.SendNotification(n) }) }
	return w
}

// Start checks now and then every w.Every, off the UI goroutine, until Stop. Each
// check runs as one of e's tasks, so a restore waits for it before closing the store.
func (w *Warner) Start() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stop != nil {
		return
	}
	w.stop, w.done = make(chan struct{}), make(chan struct{})
	stop, done, every, after := w.stop, w.done, w.Every, w.AfterCheck
	go func() {
		defer close(done)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			w.env.Tasks.Run(w.checkLogged)
			if after != nil {
				after()
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
}

// Stop ends the checks and waits for the loop to end; a check in flight finishes.
func (w *Warner) Stop() {
	w.mu.Lock()
	stop, done := w.stop, w.done
	w.stop, w.done = nil, nil
	w.mu.Unlock()
	if stop == nil {
		return
	}
	close(stop)
	<-done
}

func (w *Warner) checkLogged() {
	if _, err := w.Check(); err != nil {
		w.env.Log.Warn("ticket warnings", "err", err)
	}
}

// Check warns about every ticket that is due now and was not warned about yet, and
// returns how many notifications it sent. It reads the store's clock.
func (w *Warner) Check() (int, error) {
	now := w.env.Now()
	ts, err := w.env.Store.TicketsToWarn(now)
	if err != nil {
		return 0, err
	}
	sent := 0
	for i := range ts {
		ok, err := w.env.Store.MarkTicketWarned(ts[i].ID, now)
		if err != nil {
			return sent, err
		}
		if ok {
			w.Send(Notification(&ts[i], now))
			sent++
		}
	}
	return sent, nil
}

// Notification is the desktop notification for ticket t at now.
func Notification(t *data.Ticket, now time.Time) *fyne.Notification {
	who := t.Who(0) + "（" + t.Category.Label() + "）"
	if t.Bucket(now) == sla.Overdue {
		return fyne.NewNotification("售后工单已超时",
			who+"的工单 #"+ui.Itoa(int(t.ID))+" 已超过承诺时间 "+data.FormatWait(-t.Remaining(now))+"，请尽快回复。")
	}
	return fyne.NewNotification("售后工单快到期",
		who+"的工单 #"+ui.Itoa(int(t.ID))+" 还剩 "+data.FormatWait(t.Remaining(now))+" 要首次回复。")
}
