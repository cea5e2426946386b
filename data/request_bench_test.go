package data_test

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// BenchmarkRequestSearch is one keystroke in the quick capture's request box: the
// request split into words and looked up in BigDemo's 20,000 resources, best 20 kept.
func BenchmarkRequestSearch(b *testing.B) {
	s := benchStore(b)
	rs, err := s.Resources()
	if err != nil {
		b.Fatal(err)
	}
	th, err := s.Thesaurus()
	if err != nil {
		b.Fatal(err)
	}
	q := data.NewRequestSearch(th, rs, testNow)
	for _, ask := range []string{"求王者点券", "wzry", "有没有爱奇艺月卡", "会员"} {
		b.Run(ask, func(b *testing.B) {
			b.ReportAllocs()
			var ms []data.RequestMatch
			for b.Loop() {
				ms = q.Find(ask, 20)
			}
			if len(ms) == 0 {
				b.Fatalf("%s found nothing in the reference catalog", ask)
			}
			b.ReportMetric(float64(len(ms)), "matches")
		})
	}
}

// TestRequestSearchOnDemo holds the rankings on the demo catalog an owner first sees.
func TestRequestSearchOnDemo(t *testing.T) {
	s := datatest.OpenTemp(t, datatest.NewClock(testNow).Option())
	if err := datatest.FillDemo(s, datatest.SmallDemo, 1); err != nil {
		t.Fatal(err)
	}
	rs, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	th, _ := s.Thesaurus()
	q := data.NewRequestSearch(th, rs, testNow)
	for ask, want := range map[string]string{"求王者点券": "王者荣耀点券", "wzry点券": "王者荣耀点券", "求爱奇艺月卡": "爱奇艺"} {
		ms := q.Find(ask, 5)
		if len(ms) == 0 {
			t.Errorf("%s: nothing found", ask)
			continue
		}
		if name := rs[ms[0].Index].Name; !strings.Contains(name, want) {
			t.Errorf("%s: first is %q, want one with %q", ask, name, want)
		}
	}
}
