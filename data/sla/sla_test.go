package sla

import (
	"testing"
	"time"
)

var (
	opened = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)
	cst    = time.FixedZone("CST", 8*3600)
)

func at(d time.Duration) *time.Time { t := opened.Add(d); return &t }

func TestBucketAndRemaining(t *testing.T) {
	due := Due(opened, 24)
	if want := opened.Add(24 * time.Hour); !due.Equal(want) {
		t.Fatalf("Due = %v, want %v", due, want)
	}
	tests := []struct {
		name      string
		now       time.Time
		responded bool
		want      Bucket
		left      time.Duration
	}{
		{"just opened", opened, false, Waiting, 24 * time.Hour},
		{"2h01m left", due.Add(-2*time.Hour - time.Minute), false, Waiting, 2*time.Hour + time.Minute},
		{"exactly 2h left", due.Add(-2 * time.Hour), false, DueSoon, 2 * time.Hour},
		{"1s left", due.Add(-time.Second), false, DueSoon, time.Second},
		{"due now", due, false, Overdue, 0},
		{"3h late", due.Add(3 * time.Hour), false, Overdue, -3 * time.Hour},
		{"answered late", due.Add(3 * time.Hour), true, Answered, -3 * time.Hour},
		{"answered", opened, true, Answered, 24 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BucketOf(due, tt.responded, tt.now); got != tt.want {
				t.Errorf("BucketOf = %v, want %v", got, tt.want)
			}
			if got := Remaining(due, tt.now); got != tt.left {
				t.Errorf("Remaining = %v, want %v", got, tt.left)
			}
		})
	}
	if !Overdue.Urgent() || !DueSoon.Urgent() || Waiting.Urgent() || Answered.Urgent() {
		t.Error("Urgent wrong")
	}
}

func TestMedian(t *testing.T) {
	h := time.Hour
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{5 * h}, 5 * h},
		{[]time.Duration{9 * h, h, 3 * h}, 3 * h},         // odd: the middle, unsorted input
		{[]time.Duration{4 * h, h, 2 * h, 10 * h}, 3 * h}, // even: mean of 2h and 4h
		{[]time.Duration{h, 2 * h}, h + 30*time.Minute},   // even, between
		{[]time.Duration{time.Second, 2 * time.Second}, 1500 * time.Millisecond},
	}
	for _, tt := range tests {
		in := append([]time.Duration(nil), tt.in...)
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
		for i := range in {
			if in[i] != tt.in[i] {
				t.Fatalf("Median changed its input")
			}
		}
	}
}

func TestSummarize(t *testing.T) {
	due := Due(opened, 24)
	now := opened.Add(30 * time.Hour)
	ts := []Ticket{
		{Category: "a", OpenedAt: opened, DueAt: due, FirstResponseAt: at(time.Hour), ResolvedAt: at(5 * time.Hour)},
		{Category: "a", OpenedAt: opened, DueAt: due, FirstResponseAt: at(25 * time.Hour)},                                // late
		{Category: "b", OpenedAt: opened, DueAt: due},                                                                     // overdue, unanswered
		{Category: "b", OpenedAt: now.Add(-time.Hour), DueAt: Due(now.Add(-time.Hour), 24)},                               // still inside its promise
		{Category: "b", OpenedAt: opened, DueAt: due, FirstResponseAt: at(24 * time.Hour), ResolvedAt: at(9 * time.Hour)}, // exactly on time
	}
	s := Summarize(ts, now)
	want := Summary{Opened: 5, Judged: 4, Kept: 2, Responded: 3, Resolved: 2,
		MedianResponse: 24 * time.Hour, MedianResolve: 7 * time.Hour}
	if s != want {
		t.Fatalf("Summarize =\n%+v, want\n%+v", s, want)
	}
	if pct, ok := s.KeptPercent(); !ok || pct != 50 {
		t.Errorf("KeptPercent = %v, %v", pct, ok)
	}
	if _, ok := (Summary{Opened: 1}).KeptPercent(); ok {
		t.Error("a month with nothing judged has a percentage")
	}
}

// TestMonths: months are the computer's (here China's) calendar months; a ticket
// opened on 1 December 01:00 in China is November in UTC and December here. Months
// without tickets are listed with zeros, newest first.
func TestMonths(t *testing.T) {
	dec1 := time.Date(2026, 12, 1, 1, 0, 0, 0, cst) // 2026-11-30 17:00 UTC
	sep := time.Date(2026, 9, 15, 12, 0, 0, 0, cst)
	ts := []Ticket{
		{Category: "refund", OpenedAt: dec1, DueAt: Due(dec1, 24)},
		{Category: "card_invalid", OpenedAt: sep, DueAt: Due(sep, 24), FirstResponseAt: ptr(sep.Add(time.Hour))},
		{Category: "other", OpenedAt: sep, DueAt: Due(sep, 24), FirstResponseAt: ptr(sep.Add(3 * time.Hour))},
		{Category: "zzz", OpenedAt: sep, DueAt: Due(sep, 24)},
	}
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, cst)
	ms := Months(ts, []string{"card_invalid", "refund", "other"}, sep, now, now, cst)
	if len(ms) != 4 {
		t.Fatalf("got %d months, want 4 (Dec, Nov, Oct, Sep)", len(ms))
	}
	wantStarts := []string{"2026-12", "2026-11", "2026-10", "2026-09"}
	for i, m := range ms {
		if got := m.Start.Format("2006-01"); got != wantStarts[i] {
			t.Errorf("month %d is %s, want %s", i, got, wantStarts[i])
		}
	}
	if ms[0].Total.Opened != 1 || ms[0].Total.Judged != 0 {
		t.Errorf("December: %+v", ms[0].Total)
	}
	if ms[1].Total != (Summary{}) || ms[2].Total != (Summary{}) || ms[1].Categories != nil {
		t.Errorf("empty months not zero: %+v %+v", ms[1], ms[2])
	}
	sepM := ms[3]
	if sepM.Total.Opened != 3 || sepM.Total.Kept != 2 || sepM.Total.Judged != 3 || sepM.Total.MedianResponse != 2*time.Hour {
		t.Errorf("September total: %+v", sepM.Total)
	}
	var cats []string
	for _, c := range sepM.Categories {
		cats = append(cats, c.Category)
	}
	if got := len(cats); got != 3 || cats[0] != "card_invalid" || cats[1] != "other" || cats[2] != "zzz" {
		t.Errorf("September categories %v, want [card_invalid other zzz]", cats)
	}
	if none := Months(nil, nil, now, now, now, cst); len(none) != 1 || none[0].Total.Opened != 0 {
		t.Errorf("no tickets: %+v", none)
	}
}

func ptr(t time.Time) *time.Time { return &t }
