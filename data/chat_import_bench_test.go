package data

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkImportChat imports a generated text export of a million messages (about
// 70 MB: 3 groups, 2,000 senders, bodies of 20–60 bytes) into a fresh database:
// parsing and storing. It reports rows/s, the processor time of the import (user and
// system, which the sampler's wakeups barely touch: on a busy machine it is the
// steadier number) and the peak heap, sampled every 10 ms.
func BenchmarkImportChat(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchImportChat(b, n) })
	}
}

func benchImportChat(b *testing.B, n int) {
	dir := b.TempDir()
	msgs := make([]chatMsg, 0, n)
	for i := range n {
		msgs = append(msgs, chatMsg{
			group: fmt.Sprintf("资源分享%d群", i/(n/3+1)),
			name:  fmt.Sprintf("群友%d号", i%2000), qq: fmt.Sprint(100000 + (i*7919)%2000),
			text: fmt.Sprintf("第 %d 条：有没有 Photoshop 2024 的资源？谢谢%s", i, "！"[:3*(i%2)]),
			at:   chatDay.Add(time.Duration(i) * 2 * time.Second),
		})
	}
	path := writeChatText(b, dir, "大群.txt", msgs, "")
	msgs = nil
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	choices := ChatChoices{Groups: []ChatGroupChoice{{Name: "资源分享0群"}, {Name: "资源分享1群"}, {Name: "资源分享2群"}}}
	b.ResetTimer()
	var peak atomic.Uint64
	var cpuTotal time.Duration
	for i := range b.N {
		b.StopTimer()
		s, err := Open(fmt.Sprintf("%s/db%d/%s", dir, i, DatabaseFile))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		start, cpu0 := time.Now(), cpuTime()
		imp, err := s.ImportChat(context.Background(), path, choices, nil)
		el, cpu := time.Since(start), cpuTime()-cpu0
		b.StopTimer()
		cpuTotal += cpu
		close(stop)
		if err != nil || imp.Added != int64(n) {
			b.Fatalf("import = %+v, %v", imp, err)
		}
		b.ReportMetric(float64(n)/el.Seconds(), "rows/s")
		_ = s.Close()
		b.StartTimer()
	}
	if cpuTotal > 0 {
		b.ReportMetric(cpuTotal.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
}
