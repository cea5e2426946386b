package reliability

import (
	"strings"
	"testing"
)

func TestRateAndThreshold(t *testing.T) {
	for _, tc := range []struct {
		name               string
		resources, invalid int
		percent            int
		wantPercent        int
		wantRate           string
		wantAbove          bool
	}{
		{"none supplied", 0, 0, 20, 0, "—", false},
		{"one of one, too few to judge", 1, 1, 20, 100, "100%", false},
		{"two of two, too few to judge", 2, 2, 20, 100, "100%", false},
		{"one of three", 3, 1, 20, 33, "33.3%", true},
		{"none of three", 3, 0, 20, 0, "0%", false},
		{"one of five is exactly the line", 5, 1, 20, 20, "20%", false},
		{"one of four is above", 4, 1, 20, 25, "25%", true},
		{"one of six is below", 6, 1, 20, 16, "16.7%", false},
		{"a strict owner: 1 in 100 at 1%", 100, 1, 1, 1, "1%", false},
		{"a strict owner: 2 in 100 at 1%", 100, 2, 1, 2, "2%", true},
		{"all bad at 100% is not above", 10, 10, 100, 100, "100%", false},
		{"two of seven at 25%", 7, 2, 25, 28, "28.6%", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Name: "老王卡铺", Resources: tc.resources, Invalid: tc.invalid}
			if got := r.Percent(); got != tc.wantPercent {
				t.Errorf("Percent = %d, want %d", got, tc.wantPercent)
			}
			if got := r.RateText(); got != tc.wantRate {
				t.Errorf("RateText = %q, want %q", got, tc.wantRate)
			}
			if got := r.Above(tc.percent); got != tc.wantAbove {
				t.Errorf("Above(%d) = %v, want %v", tc.percent, got, tc.wantAbove)
			}
			note, warn := Note(r, true, tc.percent)
			if warn != tc.wantAbove {
				t.Errorf("Note warns %v (%q), want %v", warn, note, tc.wantAbove)
			}
			if tc.resources > 0 && tc.wantAbove && !strings.Contains(note, tc.wantRate) {
				t.Errorf("Note %q does not give the rate %s", note, tc.wantRate)
			}
			if !tc.wantAbove && r.Judged() && !strings.Contains(note, tc.wantRate) {
				t.Errorf("Note %q does not give the rate %s", note, tc.wantRate)
			}
		})
	}
}

func TestCheckPercent(t *testing.T) {
	for p, want := range map[int]bool{-1: false, 0: false, 1: true, 20: true, 100: true, 101: false} {
		if got := CheckPercent(p); got != want {
			t.Errorf("CheckPercent(%d) = %v, want %v", p, got, want)
		}
	}
	if !CheckPercent(DefaultPercent) {
		t.Error("the default threshold is not a valid one")
	}
}

func TestNoteOfANewSupplier(t *testing.T) {
	if note, warn := Note(Record{}, false, DefaultPercent); warn || !strings.Contains(note, "新的供应商") {
		t.Errorf("new supplier: %q, warn %v", note, warn)
	}
	if note, _ := Note(Record{Resources: 2, Invalid: 2}, true, DefaultPercent); !strings.Contains(note, "满 3 个才算失效率") {
		t.Errorf("too few to judge: %q", note)
	}
}
