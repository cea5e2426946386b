package backup

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// 载入示例数据 then 删除示例数据: the demo's records go, the owner's group and resource
// stay, and the button hides once nothing of the demo is left.
func TestDemoDataLoadedAndRemoved(t *testing.T) {
	e := uitest.NewEnv(t)
	mine := uitest.MustGroup(t, e, "我的群", "12345678")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "我自己的资源", Category: "游戏类", Price: "10"})
	demos := 0
	s := NewScreen(e, func() { demos++ })
	uitest.Show(e, s.Content())
	s.Refresh()
	if s.removeDemo.Visible() {
		t.Fatal("删除示例数据 shown before any demo")
	}
	test.Tap(s.demoButton)
	test.Tap(uifind.OverlayButton(t, e.Win, "载入"))
	if rs, _ := e.Store.Resources(); len(rs) < 10 || !s.removeDemo.Visible() {
		t.Fatalf("after loading: %d resources, remove shown %v", len(rs), s.removeDemo.Visible())
	}
	test.Tap(s.removeDemo)
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	rs, _ := e.Store.Resources()
	gs, _ := e.Store.Groups()
	if len(rs) != 1 || rs[0].Name != "我自己的资源" || len(gs) != 1 || gs[0].ID != mine.ID {
		t.Fatalf("after removing: %d resources, %d groups", len(rs), len(gs))
	}
	if s.removeDemo.Visible() || !strings.Contains(s.status.Text, "已删除") || demos != 2 {
		t.Errorf("remove shown %v, status %q, shell told %d times", s.removeDemo.Visible(), s.status.Text, demos)
	}
}
