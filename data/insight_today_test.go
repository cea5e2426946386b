package data

import "testing"

func TestAgendaInsight(t *testing.T) {
	s := newTestStore(t)
	g, other, _ := insightFixture(t, s)
	a, err := s.Agenda(g.ID, testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	in := a.Insight
	// The same weeks as TestLoadInsight: 3 of 5 speak this week and last week; 小刚 is
	// silent by the QQ list since 1 October.
	if !in.HasChat || !in.ThisOK || !in.LastOK || in.This != 0.6 || in.Last != 0.6 || in.SilentDays != 14 ||
		in.Silent.Count != 1 || len(in.Silent.Names) != 1 || in.Silent.Names[0] != "小刚（56 天）" {
		t.Errorf("%+v", in)
	}
	// The second group has chat (小刚's message) but no seats: 1 speaker of 1.
	b, err := s.Agenda(other.ID, testNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Insight.HasChat || b.Insight.This != 1 || b.Insight.LastOK || b.Insight.Silent.Count != 0 {
		t.Errorf("other group %+v", b.Insight)
	}
	// Without a group, nothing is counted.
	if c, err := s.Agenda(0, testNow, nil); err != nil || c.Insight.HasChat || c.Insight.Silent.Count != 0 {
		t.Errorf("no group: %+v %v", c.Insight, err)
	}
}
