package pollcount

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// BenchmarkCountText (about 14 ms) counts a paste of 2,000 messages from 500 members (a busy
// group's evening), a quarter of them chatter.
func BenchmarkCountText(b *testing.B) {
	var sb strings.Builder
	at := time.Date(2026, 12, 1, 18, 0, 0, 0, cst)
	for i := range 2000 {
		fmt.Fprintf(&sb, "%s 群友%d(%d)\n", at.Add(time.Duration(i)*time.Second).Format("2006-01-02 15:04:05"), i%500, 10000000+i%500)
		if i%4 == 3 {
			sb.WriteString("谢谢群主，今天的资源真不错\n")
		} else {
			fmt.Fprintf(&sb, "投%d\n", 1+i%6)
		}
	}
	text := sb.String()
	b.ReportAllocs()
	for b.Loop() {
		r := CountText(text, 6, time.Time{}, cst)
		if r.Total() == 0 {
			b.Fatal("no votes")
		}
	}
}
