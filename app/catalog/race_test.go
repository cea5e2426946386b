package catalog

import (
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// With work on real goroutines (run under -race): two reloads in a row, the second
// after a new resource was saved, end showing the newest catalog; a late first load
// is dropped rather than shown over it.
func TestReloadOnGoroutinesShowsTheNewest(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	e.Tasks.Wait()
	uitest.MustResource(t, e, data.ResourceDraft{Name: "原神月卡", Category: "游戏类", Price: "30"})
	first := s.latest.Next() // a load started earlier whose result is still on its way
	s.Refresh()
	e.Tasks.Wait()
	if s.latest.Is(first) || s.Shown() != 2 {
		t.Fatalf("after the reload the catalog shows %d, want 2", s.Shown())
	}
}
