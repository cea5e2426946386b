// Package ui is what every area shares: the environment a screen gets (Env), background
// tasks with cancel and late-result dropping (Tasks, Latest, RunWithProgress), the theme
// and Fyne's Chinese words, messages that turn errors into Chinese sentences, and the
// widgets used on several screens (record table, form kit, file chooser, post preview,
// progress). It imports data but no area and never GORM.
package ui

import (
	"errors"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/data"
)

// Env is what every screen gets: the app, its window, the store, a way to run work off
// the UI goroutine, the owner's time zone and the log. An area package sees this and
// nothing of the shell.
type Env struct {
	App   fyne.App
	Win   fyne.Window
	Store *data.Store
	Tasks *Tasks
	Loc   *time.Location
	Log   *slog.Logger
	Busy  *Busy // the top bar's corner for work sent to the background
}

// NewEnv puts an environment together; the log discards everything until the shell
// gives it a file.
func NewEnv(a fyne.App, w fyne.Window, s *data.Store, loc *time.Location) *Env {
	return &Env{App: a, Win: w, Store: s, Tasks: &Tasks{}, Loc: loc,
		Log: slog.New(slog.DiscardHandler), Busy: NewBusy()}
}

// Now is the store's clock, so screens and rules agree on the time.
func (e *Env) Now() time.Time { return e.Store.Now() }

// IsValidation reports whether err is a form problem the owner can fix.
func IsValidation(err error) (data.ValidationError, bool) {
	var ve data.ValidationError
	ok := errors.As(err, &ve)
	return ve, ok
}

// Load runs work off the UI goroutine and then, on it, the func work returns, which puts
// what was read on the screen: unless a newer Load on the same Latest has started
// meanwhile (the owner typed on, or switched group), whose result then wins. An error is
// shown to the owner instead, and the log names the screen that called Load.
func (e *Env) Load(l *Latest, work func() (show func(), err error)) {
	n, where := l.Next(), caller(2)
	e.Tasks.Run(func() {
		show, err := work()
		fyne.Do(func() {
			if !l.Is(n) {
				return
			}
			if err != nil {
				e.showErrorAt(where, err)
				return
			}
			show()
		})
	})
}
