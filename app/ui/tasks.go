package app

import "sync"

// tasks runs database work off the UI goroutine. Work applies its result to widgets
// with fyne.Do.
//
// Screen tests set inline: Fyne's test driver runs fyne.Do on the calling goroutine,
// so background work would touch widgets while the test does; inline work keeps a
// test's taps and the work they start in one sequence.
type tasks struct {
	inline bool
	wg     sync.WaitGroup
}

// run starts work in the background (or runs it now, inline).
func (t *tasks) run(work func()) {
	if t.inline {
		work()
		return
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		work()
	}()
}

// wait blocks until every started piece of work has finished.
func (t *tasks) wait() { t.wg.Wait() }
