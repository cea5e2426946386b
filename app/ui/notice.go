package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NoticeTime is how long a notice stays: long enough to read a short sentence.
const NoticeTime = 5 * time.Second

// Notice is a line on a screen that confirms what just happened (已保存「…」) and goes
// away by itself: nothing for the owner to dismiss. It takes no room while empty.
type Notice struct {
	Label *widget.Label
	icon  *widget.Icon
	box   *fyne.Container
	tasks *Tasks
	timer *time.Timer // takes the notice away; a newer notice stops the older one's
	shown int         // counts Show calls, so a timer that fired late leaves a newer one alone
}

// NewNotice makes an empty notice for a screen of e; put Content on the screen.
func NewNotice(e *Env) *Notice {
	n := &Notice{Label: widget.NewLabel(""), icon: widget.NewIcon(theme.ConfirmIcon()), tasks: e.Tasks}
	n.Label.Importance = widget.SuccessImportance
	n.box = container.NewHBox(n.icon, n.Label)
	n.box.Hide()
	return n
}

// Content is what the screen shows.
func (n *Notice) Content() fyne.CanvasObject { return n.box }

// Show says text for NoticeTime. It runs on the UI goroutine.
//
// With inline tasks (screen tests) the notice stays until the next one: Fyne's test
// driver would run the timer's fyne.Do on the timer's goroutine, in whatever test runs
// five seconds later.
func (n *Notice) Show(text string) {
	n.shown++
	shown := n.shown
	n.Label.SetText(text)
	n.box.Show()
	if n.timer != nil {
		n.timer.Stop()
	}
	if n.tasks.Inline {
		return
	}
	n.timer = time.AfterFunc(NoticeTime, func() {
		fyne.Do(func() {
			if n.shown == shown {
				n.Clear()
			}
		})
	})
}

// Clear takes the notice away now.
func (n *Notice) Clear() {
	n.Label.SetText("")
	n.box.Hide()
}

// Text is what the notice says now, "" when it is gone.
func (n *Notice) Text() string { return n.Label.Text }
