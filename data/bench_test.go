// The benchmarks of package data run on the reference database (data/datatest), so
// they are external tests: package data_test may import datatest, which imports data.
package data_test

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// cst is China Standard Time, the demo owner's zone.
var cst = time.FixedZone("CST", 8*3600)

// benchStore opens the reference database (BigDemo), building it on first use.
func benchStore(b *testing.B) *data.Store { return datatest.OpenReference(b) }

// testNow is the reference database's clock.
var testNow = datatest.Now

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
				idx = data.FilterResources(rs, data.ResourceFilter{Query: data.ParseQuery(query)}, testNow, idx)
			}
			b.ReportMetric(float64(len(idx)), "matches")
		})
	}
	b.Run("state", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			idx = data.FilterResources(rs, data.ResourceFilter{State: data.StateOnSale}, testNow, idx)
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
				idx = data.FilterMembers(ms, data.ParseQuery(query), idx)
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
		if err != nil || len(rs) != datatest.BigDemo.Resources {
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
	for _, g := range []data.Group{gs[0], {Name: "all"}} {
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

// BenchmarkAgenda gathers the 今日 home screen's counts over the reference catalog.
func BenchmarkAgenda(b *testing.B) {
	s := benchStore(b)
	gs, err := s.Groups()
	if err != nil || len(gs) == 0 {
		b.Fatalf("groups %v, %v", gs, err)
	}
	var a data.Agenda
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
