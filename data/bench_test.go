package data

import (
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// benchDB is the BigDemo database, built once per machine under os.TempDir().
var benchDB struct {
	once sync.Once
	path string
	err  error
}

// benchStore opens the cached BigDemo database, building it on first use.
func benchStore(b *testing.B) *Store {
	b.Helper()
	benchDB.once.Do(func() { benchDB.path, benchDB.err = DemoFile(BigDemo, 1, testNow) })
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	s, err := Open(benchDB.path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// BenchmarkFilterResources is one keystroke in the catalog's search box.
func BenchmarkFilterResources(b *testing.B) {
	s := benchStore(b)
	rs, err := s.Resources()
	if err != nil {
		b.Fatal(err)
	}
	var idx []int
	for _, query := range []string{"wzry", "腾讯", "100"} {
		b.Run(query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				idx = FilterResources(rs, ResourceFilter{Query: ParseQuery(query)}, testNow, idx)
			}
			b.ReportMetric(float64(len(idx)), "matches")
		})
	}
	b.Run("state", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			idx = FilterResources(rs, ResourceFilter{State: StateOnSale}, testNow, idx)
		}
		b.ReportMetric(float64(len(idx)), "matches")
	})
}

// BenchmarkFilterMembers is one keystroke in the members' search box.
func BenchmarkFilterMembers(b *testing.B) {
	s := benchStore(b)
	ms, err := s.Members(0)
	if err != nil {
		b.Fatal(err)
	}
	var idx []int
	for _, query := range []string{"wzry", "橘猫", "138"} {
		b.Run(query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				idx = FilterMembers(ms, ParseQuery(query), idx)
			}
			b.ReportMetric(float64(len(idx)), "matches")
		})
	}
}

// BenchmarkLoadResources loads the whole catalog, as the catalog screen does first.
func BenchmarkLoadResources(b *testing.B) {
	s := benchStore(b)
	b.ReportAllocs()
	for b.Loop() {
		rs, err := s.Resources()
		if err != nil || len(rs) != BigDemo.Resources {
			b.Fatalf("%d resources, %v", len(rs), err)
		}
	}
}

// BenchmarkLoadMembers loads one group's members and everyone.
func BenchmarkLoadMembers(b *testing.B) {
	s := benchStore(b)
	gs, err := s.Groups()
	if err != nil || len(gs) == 0 {
		b.Fatalf("groups %v, %v", gs, err)
	}
	for _, g := range []Group{gs[0], {Name: "all"}} {
		b.Run(g.Name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				ms, err := s.Members(g.ID)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ms)
			}
			b.ReportMetric(float64(n), "members")
		})
	}
}

// BenchmarkFillDemoBig fills a new database with BigDemo; run it with -benchtime=1x.
func BenchmarkFillDemoBig(b *testing.B) {
	for b.Loop() {
		s, err := Open(filepath.Join(b.TempDir(), DatabaseFile), WithClock(func() time.Time { return testNow }))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.FillDemo(BigDemo, 1); err != nil {
			b.Fatal(err)
		}
		_ = s.Close()
	}
}

// BenchmarkAgenda gathers the 今日 home screen's counts over the reference catalog.
func BenchmarkAgenda(b *testing.B) {
	s := benchStore(b)
	gs, err := s.Groups()
	if err != nil || len(gs) == 0 {
		b.Fatalf("groups %v, %v", gs, err)
	}
	var a Agenda
	b.ReportAllocs()
	for b.Loop() {
		if a, err = s.Agenda(gs[0].ID, testNow, cst); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(a.Expiring.Count), "expiring")
	b.ReportMetric(float64(a.SoldOut.Count), "soldout")
	b.ReportMetric(float64(a.LowStock.Count), "low")
}
