package matching

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func TestResourcesForMemberOnSaleOnly(t *testing.T) {
	f := newFixture(t)
	uitest.MustResource(t, f.e, data.ResourceDraft{Name: "王者荣耀点券 30元", Category: "游戏类", Price: "28", Stock: "0", Tags: "王者荣耀"})
	uitest.MustResource(t, f.e, data.ResourceDraft{Name: "王者荣耀点券 128元", Category: "游戏类", Price: "120", Stock: "5", Status: "下架", Tags: "王者荣耀"})
	uitest.MustResource(t, f.e, data.ResourceDraft{Name: "原神创世结晶 60", Category: "游戏类", Price: "50", Stock: "不限", Tags: "原神"})
	l := ShowForMember(f.e, &f.g, f.ids["阿狸"], "阿狸")
	f.e.Tasks.Wait()
	if len(l.fits) != 1 {
		t.Fatalf("%d resources fit, want only the one on sale and in stock", len(l.fits))
	}
	shown := uifind.OverlayText(f.e.Win)
	for _, want := range []string{"有 1 个适合TA", "王者荣耀点券 60元", "¥55", "兴趣「王者荣耀」"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the list does not show %q:\n%s", want, shown)
		}
	}
	l.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(l.privBtn)
	f.e.Tasks.Wait()
	if msg := f.e.App.Clipboard().Content(); !strings.HasPrefix(msg, "阿狸，你好！知道你关注「王者荣耀」") {
		t.Errorf("private message:\n%s", msg)
	}
	if got := f.notices(t); got != "阿狸:private" {
		t.Errorf("notices %q", got)
	}
}
