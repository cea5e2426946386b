package ui

import (
	"context"
	"sync"
	"sync/atomic"
)

// Tasks runs database work off the UI goroutine. Work copies what it needs from widgets
// before it starts (on the UI goroutine) and applies its result to widgets with fyne.Do.
//
// Screen tests set Inline: Fyne's test driver runs fyne.Do on the calling goroutine,
// so background work would touch widgets while the test does; inline work keeps a
// test's taps and the work they start in one sequence. Tests that want real
// goroutines leave Inline off and call Wait.
type Tasks struct {
	Inline bool
	// OnPanic gets a panic recovered in any task; the shell sets it to log the panic
	// and tell the owner, so a bug in one task never takes the window down. Without
	// it a panic goes on as usual.
	OnPanic func(p any)
	wg      sync.WaitGroup
}

// Run starts work in the background (or runs it now, inline).
func (t *Tasks) Run(work func()) {
	t.RunContext(context.Background(), func(context.Context) { work() })
}

// RunContext starts work with ctx, which the caller cancels to stop it early. Work that
// is cancelled must leave nothing half-saved: the store's writes take the context and
// roll back their transaction.
func (t *Tasks) RunContext(ctx context.Context, work func(ctx context.Context)) {
	if t.Inline {
		t.guarded(ctx, work)
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		t.guarded(ctx, work)
	}()
}

func (t *Tasks) guarded(ctx context.Context, work func(ctx context.Context)) {
	if t.OnPanic != nil {
		defer func() {
			if p := recover(); p != nil {
				t.OnPanic(p)
			}
		}()
	}
	work(ctx)
}

// Wait blocks until every started piece of work has finished.
func (t *Tasks) Wait() { t.wg.Wait() }

// Latest numbers requests so that only the newest one's result is applied: a screen
// takes a number before it starts work and drops the result when, by the time it
// arrives, a newer request has been made (the owner typed on, or changed a column).
type Latest struct{ n atomic.Uint64 }

// Next is the number of a new request; every earlier number is now stale.
func (l *Latest) Next() uint64 { return l.n.Add(1) }

// Is reports whether n is still the newest request.
func (l *Latest) Is(n uint64) bool { return l.n.Load() == n }
