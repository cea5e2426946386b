package catalog

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// 上新 on a resource that cannot be bought now explains why instead of opening the post,
// and offers to edit it.
func TestNewStockPostOfWhatIsNotOnSaleExplains(t *testing.T) {
	tests := []struct {
		name  string
		draft data.ResourceDraft
		says  string
	}{
		{"stock 0", data.ResourceDraft{Stock: "0"}, "库存为 0，已按售罄处理。\n补货后把库存改成大于 0 再发上新。"},
		{"售罄", data.ResourceDraft{Status: "售罄"}, "已标为售罄"},
		{"下架", data.ResourceDraft{Status: "下架"}, "已下架"},
		{"失效", data.ResourceDraft{Status: "失效"}, "已标为失效"},
		{"upcoming", data.ResourceDraft{ValidFrom: "2026-12-01 10:00"}, "要到 12-01 10:00 才开售"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := uitest.NewEnv(t)
			d := tt.draft
			d.Name, d.Category, d.Price = "Steam钱包 50元", "游戏类", "45"
			uitest.MustResource(t, e, d)
			s, called := openResourcesWithLinks(t, e)
			s.table.Select(widget.TableCellID{Row: 0, Col: 0})
			test.Tap(s.postButton)
			if len(called.posted) != 0 {
				t.Fatalf("the 上新 post was opened for a resource that is %s", tt.name)
			}
			if text := uifind.OverlayText(e.Win); !strings.Contains(text, tt.says) || !strings.Contains(text, "「Steam钱包 50元」") {
				t.Errorf("the explanation says %q, want %q", text, tt.says)
			}
			test.Tap(uifind.OverlayButton(t, e.Win, "编辑资源"))
			e.Tasks.Wait()
			if s.form == nil || s.form.prev == nil || s.form.name.Text != "Steam钱包 50元" {
				t.Error("编辑资源 did not open the resource's form")
			}
		})
	}
}

// An expired resource (saved before its deadline passed) gets no 上新 either.
func TestNewStockPostOfExpiredResourceExplains(t *testing.T) {
	e := uitest.NewEnv(t)
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "优酷VIP 周卡", Category: "影音类", Price: "5", ValidUntil: "2026-12-01"})
	past := uitest.Now.Add(-48 * 3600e9)
	r.ValidUntil = &past
	if err := e.Store.SaveResource(&r); err != nil {
		t.Fatal(err)
	}
	s, called := openResourcesWithLinks(t, e)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.postButton)
	if len(called.posted) != 0 || !strings.Contains(uifind.OverlayText(e.Win), "已经过了，已按过期处理") {
		t.Errorf("expired: posted %v, dialog %q", called.posted, uifind.OverlayText(e.Win))
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "知道了"))
	if e.Win.Canvas().Overlays().Top() != nil {
		t.Error("知道了 left the explanation open")
	}
}
