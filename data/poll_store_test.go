package data

import (
	"errors"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/pollcount"
)

var pollLoc = time.FixedZone("CST", 8*3600)

func pollFixture(t *testing.T) (*Store, *time.Time, uint, Poll) {
	t.Helper()
	s, now := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	var cats []Category
	if err := s.db.Order("position").Find(&cats).Error; err != nil || len(cats) < 2 {
		t.Fatalf("categories: %v %v", cats, err)
	}
	p, err := s.CreatePoll(g, PollDraft{Question: "下周想要哪类资源？", ClosesAt: "2026-12-05 20:00", Options: []PollOptionDraft{
		{Label: cats[0].Name, CategoryID: &cats[0].ID}, {Label: cats[1].Name, CategoryID: &cats[1].ID}, {Label: "别的"},
	}}, pollLoc)
	if err != nil {
		t.Fatal(err)
	}
	return s, now, g, p
}

func TestPollDraftRefused(t *testing.T) {
	tests := []struct {
		name  string
		d     PollDraft
		field string
	}{
		{"no question", PollDraft{ClosesAt: "2026-12-05", Options: []PollOptionDraft{{Label: "a"}, {Label: "b"}}}, "question"},
		{"no close", PollDraft{Question: "q", Options: []PollOptionDraft{{Label: "a"}, {Label: "b"}}}, "closes_at"},
		{"bad close", PollDraft{Question: "q", ClosesAt: "明天", Options: []PollOptionDraft{{Label: "a"}, {Label: "b"}}}, "closes_at"},
		{"one option", PollDraft{Question: "q", ClosesAt: "2026-12-05", Options: []PollOptionDraft{{Label: "a"}}}, "options"},
		{"empty option", PollDraft{Question: "q", ClosesAt: "2026-12-05", Options: []PollOptionDraft{{Label: "a"}, {Label: " "}}}, "option.1"},
		{"repeated option", PollDraft{Question: "q", ClosesAt: "2026-12-05", Options: []PollOptionDraft{{Label: "a"}, {Label: "a"}}}, "option.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.d.Parse(pollLoc)
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tt.field) == nil {
				t.Fatalf("err = %v, want a problem with %s", err, tt.field)
			}
		})
	}
}

func TestPollRecordCloseWeights(t *testing.T) {
	s, now, g, p := pollFixture(t)
	if p.ClosesAt != time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC) || len(p.Options) != 3 {
		t.Fatalf("poll = %+v", p)
	}
	// Pasted replies: last vote wins, a late vote and option 4 are not counted.
	r := pollcount.CountText("2026-12-01 20:00:00 甲(11111111)\n1\n2026-12-01 20:01:00 乙(22222222)\n投2\n"+
		"2026-12-01 20:02:00 甲(11111111)\n选2\n2026-12-01 20:03:00 丙(33333333)\n4\n2026-12-06 08:00:00 丁(44444444)\n1\n",
		len(p.Options), p.ClosesAt, pollLoc)
	if err := s.RecordPollVotes(p.ID, r.Votes); err != nil {
		t.Fatal(err)
	}
	got, _ := s.PollByID(p.ID)
	if got.Source != PollCounted || got.Options[0].Votes != 0 || got.Options[1].Votes != 2 || got.Options[2].Votes != 0 {
		t.Fatalf("after counting: %+v", got)
	}
	if n := countRows(t, s, "poll_votes"); n != 2 {
		t.Fatalf("%d vote rows, want 2", n)
	}
	// Typed counts replace the counted votes.
	if err := s.RecordPollCounts(p.ID, []string{"5", "x", ""}); err == nil {
		t.Fatal("a count that is not a number was kept")
	}
	if err := s.RecordPollCounts(p.ID, []string{"6", "3", ""}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "poll_votes"); n != 0 {
		t.Fatalf("typed counts left %d vote rows", n)
	}
	if ps, _ := s.PollsToClose(g, *now); len(ps) != 0 {
		t.Fatalf("an open poll before its close time is to close: %v", ps)
	}
	*now = p.ClosesAt.Add(time.Minute)
	if ps, _ := s.PollsToClose(g, *now); len(ps) != 1 {
		t.Fatalf("polls to close = %v, want the poll", ps)
	}
	if ws, _ := s.DemandWeights(g); len(ws) != 0 {
		t.Fatalf("an open poll gave weights: %v", ws)
	}
	if err := s.ClosePoll(p.ID); err != nil {
		t.Fatal(err)
	}
	var ve ValidationError
	if err := s.ClosePoll(p.ID); !errors.As(err, &ve) || ve.For("closed") == nil {
		t.Fatalf("closing twice: %v", err)
	}
	if err := s.RecordPollCounts(p.ID, []string{"1", "1", "1"}); !errors.As(err, &ve) {
		t.Fatalf("recording into a closed poll: %v", err)
	}
	if ps, _ := s.PollsToClose(g, *now); len(ps) != 0 {
		t.Fatalf("a closed poll is still to close")
	}
	ws, err := s.DemandWeights(g)
	if err != nil || len(ws) != 2 || ws[0].Votes != 6 || *ws[0].CategoryID != *p.Options[0].CategoryID || ws[0].Share != 6.0/9 || ws[0].Name != p.Options[0].Label {
		t.Fatalf("weights = %+v, %v", ws, err)
	}
	if err := s.ClosePoll(9999); !errors.Is(err, ErrNotFound) {
		t.Fatalf("closing a missing poll: %v", err)
	}
}
