package posts

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A 上新 post asked for a resource that cannot be bought (here sold out by stock) is not
// shown: the dialog closes and the owner reads why.
func TestNewStockPostOfSoldOutResourceSaysWhy(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "Steam钱包 50元", Category: "游戏类", Price: "45", Stock: "0"})
	p := ShowNewStockPost(e, &g, r)
	if p.post.Text != "" || len(p.preview.Parts()) != 0 {
		t.Errorf("a sold-out resource got a post: %q", p.post.Text)
	}
	if text := uifind.OverlayText(e.Win); !strings.Contains(text, "「Steam钱包 50元」库存为 0，已按售罄处理") {
		t.Errorf("the owner reads %q", text)
	}
	if n := len(e.Win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs are open, want only the explanation", n)
	}
}
