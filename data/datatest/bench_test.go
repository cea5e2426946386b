package datatest

import "testing"

// BenchmarkFillDemoBig fills a new database with BigDemo; run it with -benchtime=1x.
func BenchmarkFillDemoBig(b *testing.B) {
	for b.Loop() {
		s := OpenTemp(b)
		if err := FillDemo(s, BigDemo, 1); err != nil {
			b.Fatal(err)
		}
	}
}
