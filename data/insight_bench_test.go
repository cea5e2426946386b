package data_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// insightMessages is the size of the benchmark's chat: the design's reference export.
const insightMessages = 1_000_000

// insightBenchFile is a database of one group of 3,000 members with about 1,000,000
// messages of demo chat over 12 weeks, built on first use under the temp folder (a few
// minutes) and reused after; its name holds the schema so an old one is not measured.
func insightBenchFile(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("qunhuo-insight-chat1m-v1-%s.db", data.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := fmt.Sprintf("%s.%d.building", path, os.Getpid())
	s, err := data.Open(tmp, data.WithClock(datatest.Fixed(datatest.Now)))
	if err != nil {
		b.Fatal(err)
	}
	err = datatest.FillDemo(s, datatest.DemoSize{Groups: 1, Members: 3000, Resources: 50, Suppliers: 3}, 1)
	if err == nil {
		var gs []data.Group
		if gs, err = s.Groups(); err == nil {
			err = datatest.FillDemoChat(s, gs[0].ID, insightMessages, 1, datatest.Now)
		}
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkLoadInsight is the 互动率 dashboard's load: 12 weeks of metrics over about
// 1,000,000 stored messages of one group, the app's own weeks included. "first" reads
// the chat (the first load after an import, a post or a new week); "again" is every
// other load, the chat's reads kept in memory.
func BenchmarkLoadInsight(b *testing.B) {
	s := datatest.OpenCopy(b, insightBenchFile(b))
	gs, err := s.Groups()
	if err != nil {
		b.Fatal(err)
	}
	for _, first := range []bool{true, false} {
		name := map[bool]string{true: "first", false: "again"}[first]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var in *data.Insight
			cpu := data.CPUTime()
			for b.Loop() {
				if first {
					data.ResetInsightCache()
				}
				if in, err = s.LoadInsight(gs[0].ID, datatest.Now); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((data.CPUTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(in.ChatMessages), "messages")
			b.ReportMetric(float64(len(in.Report.Requests)), "requests")
			b.ReportMetric(100*in.Report.This().Rate, "rate%")
		})
	}
}

// BenchmarkAgendaWithChat is 今日 on the same database: the 互动率 line reads three
// weeks of the chat the first time ("first") and then keeps it ("again").
func BenchmarkAgendaWithChat(b *testing.B) {
	s := datatest.OpenCopy(b, insightBenchFile(b))
	gs, err := s.Groups()
	if err != nil {
		b.Fatal(err)
	}
	for _, first := range []bool{true, false} {
		name := map[bool]string{true: "first", false: "again"}[first]
		b.Run(name, func(b *testing.B) {
			cpu := data.CPUTime()
			for b.Loop() {
				if first {
					data.ResetInsightCache()
				}
				if _, err := s.Agenda(gs[0].ID, datatest.Now, cst); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((data.CPUTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}
