package data

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkPasteCloseDraw: a paste of 1,000 entry messages from members new to the
// database, then the list frozen and 10 winners drawn.
func BenchmarkPasteCloseDraw(b *testing.B) {
	var paste strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&paste, "2026-11-20 20:%02d:%02d 成员%d(%d)\n参加盲盒 求原神月卡 %d\n", i/60%60, i%60, i, 300000000+i, i)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), DatabaseFile))
		if err != nil {
			b.Fatal(err)
		}
		bx, err := s.SaveBox(0, BoxDraft{Title: "bench", Winners: 10, OpensAt: s.Now(), ClosesAt: s.Now().Add(time.Hour), ShareDays: 3,
			Items: []BoxItemDraft{{Name: "月卡", Quantity: 10}}})
		if err == nil {
			_, err = s.OpenBox(bx.ID)
		}
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := s.PasteBoxEntries(bx.ID, paste.String(), time.UTC)
		if err != nil || len(res.Added) != 1000 {
			b.Fatalf("%v %d %v", err, len(res.Added), res.Skipped)
		}
		if _, err := s.CloseBox(bx.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := s.DrawBox(bx.ID); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		_ = s.Close()
		b.StartTimer()
	}
}
