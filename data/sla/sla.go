// Package sla is the clock of the after-sales promise: a first response within some
// hours of a ticket being opened. It says when a ticket is due, how long is left,
// whether it is overdue or due soon, and sums up months of tickets (opened, share
// answered within the promise, median times). Everything is computed from plain
// values and a time "now" passed in, so it is tested with any clock; it imports
// neither GORM nor Fyne.
package sla

import (
	"cmp"
	"slices"
	"time"
)

// The promise's limits, in hours.
const (
	DefaultHours = 24
	MinHours     = 1
	MaxHours     = 168 // a week
)

// WarnBefore is how long before its due time a waiting ticket counts as due soon: it
// sits at the top of the list and the desktop notification fires.
const WarnBefore = 2 * time.Hour

// Due is when the first response to a ticket opened at opened is promised by.
func Due(opened time.Time, hours int) time.Time {
	return opened.Add(time.Duration(hours) * time.Hour)
}

// Bucket is how urgent a ticket is.
type Bucket int

// The buckets, most urgent first, so sorting by Bucket puts what is late on top.
const (
	Overdue  Bucket = iota // waiting past its due time
	DueSoon                // waiting, due within WarnBefore
	Waiting                // waiting, more than WarnBefore left
	Answered               // first response given: the promise is settled
)

// BucketOf says how urgent a ticket due at due is at now; responded is whether it had
// its first response. A ticket due exactly now is overdue.
func BucketOf(due time.Time, responded bool, now time.Time) Bucket {
	switch left := due.Sub(now); {
	case responded:
		return Answered
	case left <= 0:
		return Overdue
	case left <= WarnBefore:
		return DueSoon
	}
	return Waiting
}

// Urgent reports whether b belongs at the top: overdue or due soon.
func (b Bucket) Urgent() bool { return b == Overdue || b == DueSoon }

// Remaining is the time left until due at now; negative once overdue.
func Remaining(due, now time.Time) time.Duration { return due.Sub(now) }

// Kept reports whether a first response at responded kept the promise due at due.
func Kept(due, responded time.Time) bool { return !responded.After(due) }

// Ticket is what the statistics read of one ticket.
type Ticket struct {
	Category        string
	OpenedAt        time.Time
	DueAt           time.Time
	FirstResponseAt *time.Time
	ResolvedAt      *time.Time
}

// Summary sums up a set of tickets.
type Summary struct {
	Opened int
	// Judged counts the tickets whose promise is settled: answered, or overdue
	// without an answer. Tickets still inside their promise are not judged yet.
	Judged int
	Kept   int // of Judged, answered within the promise
	// Responded and Resolved count the tickets the medians are taken over.
	Responded, Resolved int
	MedianResponse      time.Duration // 0 when none responded
	MedianResolve       time.Duration // from opening to resolved; 0 when none resolved
}

// KeptPercent is the share of judged tickets answered within the promise, in percent;
// ok is false when none is judged yet.
func (s Summary) KeptPercent() (pct float64, ok bool) {
	if s.Judged == 0 {
		return 0, false
	}
	return 100 * float64(s.Kept) / float64(s.Judged), true
}

// CategorySummary is a summary of one category's tickets.
type CategorySummary struct {
	Category string
	Summary
}

// Month is one calendar month of tickets by their opening time.
type Month struct {
	Start      time.Time // the first instant of the month, in the zone asked for
	Total      Summary
	Categories []CategorySummary // only the categories with tickets, in the order asked for
}

// Months sums up tickets by the month they were opened in loc (nil: the computer's
// zone), for every month from first's through last's, newest first; a month without
// tickets is there with zeros. categories orders the per-category lines; a category
// not listed comes after them. now judges tickets still waiting.
func Months(ts []Ticket, categories []string, first, last, now time.Time, loc *time.Location) []Month {
	if loc == nil {
		loc = time.Local
	}
	start, end := monthStart(first, loc), monthStart(last, loc)
	byMonth := map[time.Time][]Ticket{}
	for _, t := range ts {
		m := monthStart(t.OpenedAt, loc)
		byMonth[m] = append(byMonth[m], t)
	}
	var out []Month
	for m := end; !m.Before(start); m = m.AddDate(0, -1, 0) {
		out = append(out, month(m, byMonth[m], categories, now))
	}
	return out
}

func month(start time.Time, ts []Ticket, categories []string, now time.Time) Month {
	m := Month{Start: start, Total: Summarize(ts, now)}
	byCat := map[string][]Ticket{}
	for _, t := range ts {
		byCat[t.Category] = append(byCat[t.Category], t)
	}
	order := slices.Clone(categories)
	var extra []string
	for c := range byCat {
		if !slices.Contains(order, c) {
			extra = append(extra, c)
		}
	}
	slices.Sort(extra)
	for _, c := range append(order, extra...) {
		if len(byCat[c]) > 0 {
			m.Categories = append(m.Categories, CategorySummary{Category: c, Summary: Summarize(byCat[c], now)})
		}
	}
	return m
}

// Summarize sums up ts at now.
func Summarize(ts []Ticket, now time.Time) Summary {
	s := Summary{Opened: len(ts)}
	var response, resolve []time.Duration
	for _, t := range ts {
		switch {
		case t.FirstResponseAt != nil:
			s.Judged++
			if Kept(t.DueAt, *t.FirstResponseAt) {
				s.Kept++
			}
			response = append(response, t.FirstResponseAt.Sub(t.OpenedAt))
		case !now.Before(t.DueAt):
			s.Judged++
		}
		if t.ResolvedAt != nil {
			resolve = append(resolve, t.ResolvedAt.Sub(t.OpenedAt))
		}
	}
	s.Responded, s.Resolved = len(response), len(resolve)
	s.MedianResponse, s.MedianResolve = Median(response), Median(resolve)
	return s
}

// Median is the middle of ds, the mean of the two middle ones for an even count, or 0
// for none. ds is not changed.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.SortFunc(s, cmp.Compare)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	a, b := s[n/2-1], s[n/2]
	return a + (b-a)/2 // no overflow, unlike (a+b)/2
}

// monthStart is the first instant of t's month in loc.
func monthStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
}
