package data_test

import (
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// BenchmarkBlacklist loads the 失效名单 of the reference catalog (20,000 resources, one
// in fifty 失效): all, and narrowed to one supplier and one reason.
func BenchmarkBlacklist(b *testing.B) {
	s := benchStore(b)
	sups, err := s.Suppliers()
	if err != nil || len(sups) == 0 {
		b.Fatal(sups, err)
	}
	for _, tc := range []struct {
		name string
		f    data.BlacklistFilter
	}{
		{"all", data.BlacklistFilter{}},
		{"supplier", data.BlacklistFilter{SupplierID: sups[0].ID}},
		{"reason", data.BlacklistFilter{Reason: data.ReasonOther}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				es, err := s.Blacklist(tc.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(es)
			}
			b.ReportMetric(float64(n), "entries")
		})
	}
}

// BenchmarkSupplierReliability counts every supplier of the reference catalog, as the
// reliability tab and the resource form do when they open.
func BenchmarkSupplierReliability(b *testing.B) {
	s := benchStore(b)
	var n int
	for b.Loop() {
		recs, err := s.SupplierReliability()
		if err != nil {
			b.Fatal(err)
		}
		n = len(recs)
	}
	b.ReportMetric(float64(n), "suppliers")
}

// BenchmarkMarkAndRestore is one resource marked 失效 and taken off the list again, in
// the reference catalog.
func BenchmarkMarkAndRestore(b *testing.B) {
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	s := datatest.OpenCopy(b, path)
	rs, err := s.Resources()
	if err != nil {
		b.Fatal(err)
	}
	var id uint
	for _, r := range rs {
		if r.Status == data.StatusOnSale {
			id = r.ID
			break
		}
	}
	for b.Loop() {
		if err := s.MarkInvalid(id, data.InvalidMark{Reason: "卡密无效", Evidence: "bench"}); err != nil {
			b.Fatal(err)
		}
		if err := s.RestoreResource(id, data.StatusOnSale, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
