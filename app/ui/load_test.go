package ui

import (
	"errors"
	"testing"
)

func TestLoadShowsOnlyTheNewest(t *testing.T) {
	e := newTestEnv(t)
	e.Tasks.Inline = false
	var l Latest
	release := make(chan struct{})
	var shown []string
	e.Load(&l, func() (func(), error) {
		<-release // still reading when the newer load starts
		return func() { shown = append(shown, "old") }, nil
	})
	e.Load(&l, func() (func(), error) { return func() { shown = append(shown, "new") }, nil })
	close(release)
	e.Tasks.Wait()
	if len(shown) != 1 || shown[0] != "new" {
		t.Fatalf("shown %v, want only the newest load", shown)
	}
}

func TestLoadErrorIsShownNotApplied(t *testing.T) {
	e := newTestEnv(t)
	var l Latest
	applied := false
	e.Load(&l, func() (func(), error) { return func() { applied = true }, errors.New("disk gone") })
	if applied {
		t.Fatal("a failed load was applied")
	}
	if e.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("no message for the owner")
	}
}
