package data

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkSaveResources2000 commits an import of 2,000 new resources in one
// transaction, as the import wizard does.
func BenchmarkSaveResources2000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := newTestStore(b)
		rs := make([]*Resource, 2000)
		for i := range rs {
			rs[i] = &Resource{Name: fmt.Sprintf("导入测试资源 %d", i), Category: Category{Name: "游戏类"},
				PriceCents: 990, Supplier: &Supplier{Name: fmt.Sprintf("货源%d", i%20)}, Status: StatusOnSale, Unlimited: true}
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
	path, err := DemoFile(BigDemo, 1, testNow)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		s := openCopy(b, path)
		rs := make([]*Resource, 2000)
		for i := range rs {
			rs[i] = &Resource{Name: fmt.Sprintf("导入测试资源 %d", i), Category: Category{Name: "游戏类"},
				PriceCents: 990, Status: StatusOnSale, Unlimited: true}
		}
		b.StartTimer()
		if err := s.SaveResources(rs); err != nil {
			b.Fatal(err)
		}
	}
}

// openCopy opens a copy of the database at path in the benchmark's temp folder.
func openCopy(b *testing.B, path string) *Store {
	b.Helper()
	dst := filepath.Join(b.TempDir(), DatabaseFile)
	src, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := src.Backup(dst); err != nil {
		b.Fatal(err)
	}
	_ = src.Close()
	s, err := Open(dst, WithClock(func() time.Time { return testNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}
