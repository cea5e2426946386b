package data

import (
	"testing"
	"time"
)

func TestAgendaPollsToClose(t *testing.T) {
	s, now, g, p := pollFixture(t)
	a, err := s.Agenda(g, *now, pollLoc)
	if err != nil || a.PollsToClose.Count != 0 {
		t.Fatalf("before the close time: %+v %v", a.PollsToClose, err)
	}
	*now = p.ClosesAt
	a, err = s.Agenda(g, *now, pollLoc)
	if err != nil || a.PollsToClose.Count != 1 || a.PollsToClose.IDs[0] != p.ID || a.PollsToClose.Names[0] != "#1 下周想要哪类资源？" {
		t.Fatalf("at the close time: %+v %v", a.PollsToClose, err)
	}
	other := rulesGroup(t, s, "87654321")
	if a, _ := s.Agenda(other, *now, pollLoc); a.PollsToClose.Count != 0 {
		t.Fatalf("another group's poll is on this group's 今日")
	}
	if err := s.ClosePoll(p.ID); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Agenda(g, now.Add(time.Hour), pollLoc); a.PollsToClose.Count != 0 {
		t.Fatalf("a closed poll is still to close")
	}
}
