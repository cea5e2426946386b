package ui

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Report tells a progress dialog how far long work is: done of total steps (total 0:
// not known). It may be called from any goroutine and as often as the work likes.
type Report func(done, total int)

// Progress is long work shown in a dialog: what is being done, a bar, and 取消. Work
// runs with a context that 取消 cancels; the store's writes take it and roll back, so
// cancelling leaves nothing half-saved.
type Progress struct {
	dlg       dialog.Dialog
	text      *widget.Label
	bar       *widget.ProgressBar
	waiting   *widget.ProgressBarInfinite
	CancelBtn *widget.Button
	cancel    context.CancelFunc
	// BackgroundBtn (在后台继续), once AllowBackground added it, hides the dialog and
	// leaves a small bar with 取消 in the top bar (Env.Busy) until the work ends.
	BackgroundBtn *widget.Button
	buttons       *fyne.Container
	busy          *Busy
	item          *busyItem // in the top bar while the work runs in the background
	ended         bool
	shownAt       atomic.Int64 // unix nanos of the last bar update, to update at most 20 times a second
}

// RunWithProgress runs work off the UI goroutine behind a progress dialog titled title,
// saying what. When work returns, the dialog closes and finish gets its error on the
// UI goroutine; a cancelled run gives an error for which Cancelled is true.
func (e *Env) RunWithProgress(title, what string, work func(ctx context.Context, report Report) error, finish func(err error)) *Progress {
	return e.runWithProgress(title, what, "", work, finish)
}

// RunWithProgressOrBackground is RunWithProgress with 在后台继续 beside 取消: the owner
// can close the dialog and go on using the other screens while the work runs; the top
// bar (Env.Busy) then shows short with a small bar and 取消 until the work ends, and
// finish runs as usual. For work long enough that waiting in front of it is a bother,
// such as importing a big chat export.
func (e *Env) RunWithProgressOrBackground(title, what, short string, work func(ctx context.Context, report Report) error, finish func(err error)) *Progress {
	return e.runWithProgress(title, what, short, work, finish)
}

func (e *Env) runWithProgress(title, what, short string, work func(ctx context.Context, report Report) error, finish func(err error)) *Progress {
	ctx, cancel := context.WithCancel(context.Background())
	p := &Progress{cancel: cancel}
	p.text = widget.NewLabel(what)
	p.text.Wrapping = fyne.TextWrapBreak
	p.bar = widget.NewProgressBar()
	p.bar.Hide()
	p.waiting = widget.NewProgressBarInfinite()
	p.CancelBtn = widget.NewButton("取消", p.onCancel)
	p.buttons = container.NewHBox(p.CancelBtn)
	body := container.NewVBox(p.text, p.bar, p.waiting, container.NewCenter(p.buttons))
	p.dlg = dialog.NewCustomWithoutButtons(title, body, e.Win)
	p.dlg.Resize(fyne.NewSize(420, 200))
	if short != "" {
		p.allowBackground(e.Busy, short)
	}
	p.dlg.Show()
	e.Tasks.RunContext(ctx, func(ctx context.Context) {
		err := work(ctx, p.report)
		if err != nil && ctx.Err() != nil {
			err = ctx.Err() // the driver's words for an interrupted statement vary
		}
		fyne.Do(func() {
			cancel()
			p.waiting.Stop()
			p.dlg.Hide()
			p.ended = true
			if p.item != nil {
				p.busy.remove(p.item)
				p.item = nil
			}
			finish(err)
		})
	})
	return p
}

// report moves the bar; updates closer together than 50 ms are skipped, so work that
// reports every row does not flood the UI goroutine.
func (p *Progress) report(done, total int) {
	now := time.Now().UnixNano()
	last := p.shownAt.Load()
	if done < total && now-last < int64(50*time.Millisecond) {
		return
	}
	if !p.shownAt.CompareAndSwap(last, now) {
		return
	}
	fyne.Do(func() {
		if total <= 0 {
			return
		}
		if p.bar.Hidden {
			p.waiting.Stop()
			p.waiting.Hide()
			p.bar.Show()
		}
		p.bar.SetValue(float64(done) / float64(total))
		p.bar.TextFormatter = func() string { return fmt.Sprintf("%d / %d", done, total) }
		if p.item != nil {
			p.item.Bar.SetValue(float64(done) / float64(total))
		}
	})
}

// allowBackground adds 在后台继续 to the dialog; without a top bar corner (b nil) it
// does nothing.
func (p *Progress) allowBackground(b *Busy, what string) {
	if b == nil || p.ended {
		return
	}
	p.busy = b
	p.BackgroundBtn = widget.NewButton("在后台继续", func() {
		if p.ended || p.item != nil {
			return
		}
		p.dlg.Hide()
		p.item = b.add(what, func() {
			p.item.CancelBtn.Disable()
			p.item.CancelBtn.SetText("正在取消…")
			p.onCancel()
		})
		p.item.Bar.SetValue(p.bar.Value)
	})
	p.BackgroundBtn.Importance = widget.HighImportance
	p.buttons.Add(p.BackgroundBtn)
}

func (p *Progress) onCancel() {
	p.CancelBtn.Disable()
	p.CancelBtn.SetText("正在取消…")
	p.cancel()
}

// Cancelled reports whether err means the owner cancelled the work.
func Cancelled(err error) bool {
	return errors.Is(err, context.Canceled)
}
