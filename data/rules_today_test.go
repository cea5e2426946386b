package data

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/rulebook"
)

// 今日 asks for a 群规公告 once a version is saved, until one is copied; a newer
// version asks again. Another group's post does not count.
func TestAgendaRules(t *testing.T) {
	s, now := requestStore(t)
	g := rulesGroup(t, s, "12345678")
	other := rulesGroup(t, s, "87654321")
	agenda := func() AgendaRules {
		t.Helper()
		a, err := s.Agenda(g, *now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return a.Rules
	}
	post := func(group uint) {
		t.Helper()
		if err := s.RecordPost(&Post{GroupID: &group, Kind: PostRules, Body: "群规 " + now.String()}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if a := agenda(); a.Number != 0 || a.Unposted {
		t.Fatalf("no rules yet: %+v", a)
	}
	if _, err := s.SaveRules(g, "", rulebook.Defaults()); err != nil {
		t.Fatal(err)
	}
	if a := agenda(); a.Number != 1 || !a.Unposted || !a.SavedAt.Equal(now.UTC()) {
		t.Fatalf("version 1 saved: %+v", a)
	}
	*now = now.Add(time.Hour)
	post(other)
	if a := agenda(); !a.Unposted {
		t.Fatalf("another group's post counted: %+v", a)
	}
	post(g)
	if a := agenda(); a.Unposted {
		t.Fatalf("posted: %+v", a)
	}
	*now = now.Add(time.Hour)
	if _, err := s.SaveRules(g, "第二版", rulebook.Defaults()[1:]); err != nil {
		t.Fatal(err)
	}
	if a := agenda(); a.Number != 2 || !a.Unposted {
		t.Fatalf("version 2 saved after the post: %+v", a)
	}
	if a, _ := s.Agenda(0, *now, time.UTC); a.Rules.Number != 0 {
		t.Errorf("no group: %+v", a.Rules)
	}
}
