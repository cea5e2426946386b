package datatest

import (
	"sync"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// Now is the fixed time of tests and of the reference database: 2026-11-26 10:00 UTC,
// 18:00 in China.
var Now = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// Fixed is a clock that always reads t, for data.WithClock.
func Fixed(t time.Time) func() time.Time {
	return func() time.Time { return t }
}

// Clock is a clock a test sets and moves while a store reads it; safe for concurrent use.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock reading t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now reads the clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Advance moves the clock on by d (back, when d is negative).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// Option makes a store read this clock: data.Open(path, c.Option()).
func (c *Clock) Option() data.Option { return data.WithClock(c.Now) }
