package data

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/talent"
)

// 今日 proposes last month's 资源达人 in the first seven days of a month, while it is
// unconfirmed and someone scored; not for every group at once, not after day 7.
func TestAgendaProposesLastMonthsTalent(t *testing.T) {
	s, now, g, _, ids := talentMonthFixture(t)
	due := func(gid uint, at time.Time) TalentDue {
		t.Helper()
		*now = at
		a, err := s.Agenda(gid, at, cst)
		if err != nil {
			t.Fatal(err)
		}
		return a.Talent
	}
	nov := talent.Month{Year: 2026, Month: time.November}
	d := due(g.ID, time.Date(2026, 12, 2, 9, 0, 0, 0, cst))
	if !d.Due() || d.Month != nov || d.Leader != "广州-小明" || d.Score != 23 || d.Members != 4 {
		t.Errorf("on 2 Dec: %+v", d)
	}
	if d := due(g.ID, time.Date(2026, 12, 7, 23, 0, 0, 0, cst)); !d.Due() {
		t.Errorf("on 7 Dec: %+v", d)
	}
	if d := due(g.ID, time.Date(2026, 12, 8, 0, 30, 0, 0, cst)); d.Due() {
		t.Errorf("on 8 Dec: %+v", d)
	}
	// On 3 Nov it is October's turn: 小明's share of 31 Oct 23:30.
	if d := due(g.ID, time.Date(2026, 11, 3, 9, 0, 0, 0, cst)); d.Month != nov.Prev() || d.Score != 10 || d.Members != 1 {
		t.Errorf("on 3 Nov: %+v", d)
	}
	if d := due(0, time.Date(2026, 12, 2, 9, 0, 0, 0, cst)); d.Due() {
		t.Errorf("no group: %+v", d)
	}
	if _, err := s.ConfirmTalent(g.ID, nov, ids["小明"], talent.DefaultWeights(), cst); err != nil {
		t.Fatal(err)
	}
	if d := due(g.ID, time.Date(2026, 12, 3, 9, 0, 0, 0, cst)); d.Due() {
		t.Errorf("after confirming: %+v", d)
	}
}
