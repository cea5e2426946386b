package data_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/sla"
)

// benchTicketCount is the tickets of a big 卡盟 after a few years: 20,000, of which a
// few hundred still open.
const benchTicketCount = 20_000

// ticketBenchStore is a store with 3,000 members and benchTicketCount tickets opened
// over the 800 days before testNow, most answered and settled, the last 300 open.
func ticketBenchStore(b *testing.B) *data.Store {
	b.Helper()
	s, err := data.Open(filepath.Join(b.TempDir(), data.DatabaseFile), data.WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	ms := make([]data.Member, 3000)
	for i := range ms {
		ms[i] = data.Member{QQ: fmt.Sprint(100000000 + i), Nickname: fmt.Sprintf("成员%d", i)}
	}
	db := data.DB(s)
	if err := db.CreateInBatches(ms, 500).Error; err != nil {
		b.Fatal(err)
	}
	ts := make([]data.Ticket, benchTicketCount)
	for i := range ts {
		opened := testNow.Add(-time.Duration(benchTicketCount-i) * 57 * time.Minute)
		t := data.Ticket{MemberID: ms[i%len(ms)].ID, Category: data.TicketCategories[i%5], Description: "问题",
			State: data.TicketClosed, OpenedAt: opened, DueAt: sla.Due(opened, 24), UpdatedAt: opened}
		if i < benchTicketCount-300 {
			first, resolved := opened.Add(time.Duration(i%40)*time.Hour), opened.Add(time.Duration(i%70)*time.Hour)
			t.FirstResponseAt, t.ResolvedAt, t.ClosedAt = &first, &resolved, &resolved
		} else {
			t.State = data.TicketWaiting
		}
		ts[i] = t
	}
	if err := db.Omit("Member", "Resource", "Trade", "Events").CreateInBatches(ts, 500).Error; err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkTickets is the 售后工单 list's load: the open tickets with their members,
// most urgent first; the 全部 filter (TicketList: those and the 500 last settled); and
// every ticket, which the list does not load.
func BenchmarkTickets(b *testing.B) {
	s := ticketBenchStore(b)
	for _, tc := range []struct {
		name string
		load func() ([]data.Ticket, error)
	}{
		{"open", func() ([]data.Ticket, error) { return s.Tickets(0, testNow, data.TicketWaiting, data.TicketInProgress) }},
		{"list", func() ([]data.Ticket, error) { return s.TicketList(0, testNow, 500) }},
		{"all", func() ([]data.Ticket, error) { return s.Tickets(0, testNow) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var ts []data.Ticket
			for b.Loop() {
				var err error
				if ts, err = tc.load(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(ts)), "tickets")
		})
	}
}

// BenchmarkTicketMonths is the 月度统计 tab: the last 12 months (about 9,000 of the
// tickets).
func BenchmarkTicketMonths(b *testing.B) {
	s := ticketBenchStore(b)
	for b.Loop() {
		if _, err := s.TicketMonths(0, testNow, time.UTC, 12); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTicketsToWarn is one minute's check of the warner.
func BenchmarkTicketsToWarn(b *testing.B) {
	s := ticketBenchStore(b)
	for b.Loop() {
		if _, err := s.TicketsToWarn(testNow); err != nil {
			b.Fatal(err)
		}
	}
}
