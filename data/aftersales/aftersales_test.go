package aftersales

import "testing"

// TestMoves writes the whole table out pair by pair, so a change to moves must be
// made here too, on purpose.
func TestMoves(t *testing.T) {
	allowed := map[[2]State]bool{
		{Waiting, InProgress}: true, {Waiting, Resolved}: true,
		{InProgress, Resolved}: true,
		{Resolved, Closed}:     true, {Resolved, InProgress}: true,
		{Closed, InProgress}: true,
	}
	states := append(States, State("nonsense"))
	for _, from := range states {
		for _, to := range states {
			want := allowed[[2]State{from, to}]
			if got := CanMove(from, to); got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, want)
			}
			if want && MoveLabel(from, to) == "" {
				t.Errorf("move %s → %s has no button label", from, to)
			}
		}
	}
}

func TestFirstResponseAndReopen(t *testing.T) {
	tests := []struct {
		from, to      State
		first, reopen bool
	}{
		{Waiting, InProgress, true, false},
		{Waiting, Resolved, true, false},
		{Waiting, Closed, false, false}, // not a move at all
		{InProgress, Resolved, false, false},
		{Resolved, InProgress, false, true},
		{Closed, InProgress, false, true},
		{Resolved, Closed, false, false},
	}
	for _, tt := range tests {
		if got := IsFirstResponse(tt.from, tt.to); got != tt.first {
			t.Errorf("IsFirstResponse(%s, %s) = %v", tt.from, tt.to, got)
		}
		if got := IsReopen(tt.from, tt.to); got != tt.reopen {
			t.Errorf("IsReopen(%s, %s) = %v", tt.from, tt.to, got)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, s := range States {
		if s.Label() == "" {
			t.Errorf("state %s has no label", s)
		}
	}
	for _, c := range Categories {
		if c.Label() == "" || !c.Valid() {
			t.Errorf("category %s has no label", c)
		}
		if got, ok := CategoryByLabel(c.Label()); !ok || got != c {
			t.Errorf("CategoryByLabel(%s) = %s, %v", c.Label(), got, ok)
		}
	}
	if Category("x").Valid() {
		t.Error("an unknown category is valid")
	}
	if Closed.CanReply() || !Resolved.CanReply() || Closed.Open() || !Waiting.Open() {
		t.Error("open or reply rules wrong")
	}
}
