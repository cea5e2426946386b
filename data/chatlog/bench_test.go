package chatlog

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const benchMessages = 1_000_000

// writeTextExport writes a text export of n messages in two groups: about 70 bytes
// a message, some with two lines, a mention, a placeholder, a system line.
func writeTextExport(tb testing.TB, path string, n int) int64 {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	sep := "================================================================\r\n"
	fmt.Fprint(w, "\xEF\xBB\xBF消息记录（此消息记录为文本格式，不支持重新导入）\r\n\r\n")
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	bodies := []string{"有没有 PS 2024 的资源？", "收到，谢谢群主 [图片]", "@小王 私聊你了", "早\r\n今天上新了吗", "[表情][表情]"}
	for i := range n {
		if i%(n/2+1) == 0 {
			fmt.Fprintf(w, "%s消息分组:我的群聊\r\n%s消息对象:资源群%d\r\n%s\r\n", sep, sep, i/(n/2+1), sep)
		}
		at := start.Add(time.Duration(i) * 7 * time.Second)
		qq := 10000001 + i%1000
		if i%97 == 0 {
			fmt.Fprintf(w, "%s 系统消息(10000)\r\n群友%d 加入本群\r\n\r\n", at.Format("2006-01-02 15:04:05"), qq)
			continue
		}
		fmt.Fprintf(w, "%s 群友%d(%d)\r\n%s\r\n\r\n", at.Format("2006-01-02 15:04:05"), qq%1000, qq, bodies[i%len(bodies)])
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, _ := f.Stat()
	_ = f.Close()
	return st.Size()
}

// peakHeap samples the heap in use (objects and the free space of their spans, as
// MemStats.HeapInuse) until stop is called and returns the largest. It reads
// runtime/metrics, which does not stop the world as ReadMemStats does.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		for {
			metrics.Read(samples)
			if inUse := samples[0].Value.Uint64() + samples[1].Value.Uint64(); inUse > peak.Load() {
				peak.Store(inUse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak.Load() }
}

func benchRead(b *testing.B, path string, size int64, want int) {
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.GC()
	stop := peakHeap()
	cpu := cpuTime()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		rd, err := Open(f)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		_ = f.Close()
		if n != want {
			b.Fatalf("%d messages, want %d", n, want)
		}
	}
	if cpu := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MB")
}

// BenchmarkTextExport parses a generated 1,000,000-message text export (~70 MB).
func BenchmarkTextExport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.txt")
	size := writeTextExport(b, path, benchMessages)
	benchRead(b, path, size, benchMessages)
}

// writeJSONExport writes a QQChatExporter export of n messages, shaped like the
// real one (pretty-printed, elements and resources, no rawMessage).
func writeJSONExport(tb testing.TB, path string, n int) int64 {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprint(w, `{
  "metadata": {"name":"QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter","version":"5.0.0"},
  "chatInfo": {"name":"资源群","type":"group","peerUid":"765432109"},
  "statistics": {"totalMessages":1},
  "messages": [
`)
	ts := int64(1_700_000_000_000)
	for i := range n {
		if i > 0 {
			fmt.Fprint(w, ",\n")
		}
		qq := 10000001 + i%1000
		fmt.Fprintf(w, `    {"id":"%d","seq":"%d","timestamp":%d,"time":"2023-11-15 06:13:20","sender":{"uid":"u_%d","uin":"%d","name":"群友%d","nickname":"群友%d"},"type":"type_1","content":{"text":"@小王 有没有 PS 2024 的资源？","elements":[{"type":"at","data":{"uid":"u_1","name":"小王"}},{"type":"text","data":{"text":" 有没有 PS 2024 的资源？"}}],"resources":[],"mentions":[{"uid":"u_1","name":"小王","type":"user"}]},"recalled":false,"system":false}`,
			7380000000000000000+i, i, ts+int64(i)*7000, qq, qq, qq%1000, qq%1000)
	}
	fmt.Fprint(w, "\n  ],\n  \"exportOptions\": {}\n}\n")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, _ := f.Stat()
	_ = f.Close()
	return st.Size()
}

// BenchmarkJSONExport parses a generated 1,000,000-message QQChatExporter export.
func BenchmarkJSONExport(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.json")
	size := writeJSONExport(b, path, benchMessages)
	benchRead(b, path, size, benchMessages)
}

// BenchmarkListGroups is the pass that lists the groups of the 1,000,000-message
// text export before the owner picks.
func BenchmarkListGroups(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.txt")
	size := writeTextExport(b, path, benchMessages)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		groups, err := ListGroups(f)
		_ = f.Close()
		if err != nil || len(groups) != 2 || groups[0].Messages+groups[1].Messages != benchMessages {
			b.Fatalf("%+v, %v", groups, err)
		}
	}
}
