package data_test

import (
	"strings"
	"testing"
	"time"

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

// BenchmarkAgendaWithRequests is the 今日 home of a busy group: the reference catalog
// with 1,000 requests of the last 60 days, a third of them 无货 (the oldest 60 days ago,
// so the restock offers look at every resource changed since).
func BenchmarkAgendaWithRequests(b *testing.B) {
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	s := datatest.OpenCopy(b, path)
	gs, _ := s.Groups()
	ms, err := s.Members(gs[0].ID)
	if err != nil || len(ms) == 0 {
		b.Fatal(err)
	}
	asks := []string{"求王者点券", "有没有原神月卡", "求爱奇艺年卡", "求星巴克券", "谁有网易云年卡", "求喜茶代金券"}
	err = s.Transaction(func(tx *data.Store) error {
		for i := range 1000 {
			d := data.RequestDraft{MemberID: ms[i%len(ms)].ID, GroupID: &gs[0].ID, Text: asks[i%len(asks)],
				AskedAt: testNow.Add(-time.Duration(i) * 86 * time.Minute)}
			r, err := tx.CaptureRequest(d)
			if err != nil {
				return err
			}
			if i%3 == 0 {
				if _, err := tx.CloseRequest(r.ID, data.RequestNoStock); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var a data.Agenda
	b.ReportAllocs()
	for b.Loop() {
		if a, err = s.Agenda(gs[0].ID, testNow, cst); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(a.Requests.WaitingCount), "waiting")
	b.ReportMetric(float64(a.Requests.Restock), "restock")
}
