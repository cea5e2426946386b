package datatest

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	c := NewClock(Now)
	s := OpenTemp(t, c.Option())
	steps := []struct {
		move func()
		want time.Time
	}{
		{func() {}, Now},
		{func() { c.Advance(time.Hour) }, Now.Add(time.Hour)},
		{func() { c.Advance(-2 * time.Hour) }, Now.Add(-time.Hour)},
		{func() { c.Set(Now.AddDate(0, 0, 8)) }, Now.AddDate(0, 0, 8)},
	}
	for i, st := range steps {
		st.move()
		if got := s.Now(); !got.Equal(st.want) {
			t.Errorf("step %d: store reads %v, want %v", i, got, st.want)
		}
	}
	if got := Fixed(Now)(); !got.Equal(Now) {
		t.Errorf("Fixed reads %v", got)
	}
}
