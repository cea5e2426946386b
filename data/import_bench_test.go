package data_test

import (
	"fmt"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// BenchmarkSaveResources2000 commits an import of 2,000 new resources in one
// transaction, as the import wizard does.
func BenchmarkSaveResources2000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := datatest.OpenTemp(b)
		rs := make([]*data.Resource, 2000)
		for i := range rs {
			rs[i] = &data.Resource{Name: fmt.Sprintf("导入测试资源 %d", i), Category: data.Category{Name: "游戏类"},
				PriceCents: 990, Supplier: &data.Supplier{Name: fmt.Sprintf("货源%d", i%20)}, Status: data.StatusOnSale, Unlimited: true}
		}
		b.StartTimer()
		if err := s.SaveResources(rs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveResources2000IntoBig is the same import into the 20,000-resource
// reference catalog: the duplicate-name check must not scan the catalog per row.
func BenchmarkSaveResources2000IntoBig(b *testing.B) {
	path, err := datatest.DemoFile(datatest.BigDemo, 1, datatest.Now)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s := datatest.OpenCopy(b, path)
		rs := make([]*data.Resource, 2000)
		for i := range rs {
			rs[i] = &data.Resource{Name: fmt.Sprintf("导入测试资源 %d", i), Category: data.Category{Name: "游戏类"},
				PriceCents: 990, Status: data.StatusOnSale, Unlimited: true}
		}
		b.StartTimer()
		if err := s.SaveResources(rs); err != nil {
			b.Fatal(err)
		}
	}
}
