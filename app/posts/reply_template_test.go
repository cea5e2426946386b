package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
)

// The reply to a request is edited like the other posts: in the owner's mode with
// {称呼} and {名称}, saved, and used by the next reply; 补货清单 opens in 高级模式.
func TestReplyTemplateInOwnersMode(t *testing.T) {
	e := uitest.NewEnv(t)
	ed := newTemplateEditor(e, data.PostReply, func() (posts.Preview, error) {
		return posts.SamplePreview(data.PostReply, nil), nil
	}, nil)
	ed.show()
	if ed.advanced.Checked {
		t.Fatal("the reply default should open in the owner's mode")
	}
	part := ed.simple.entries[posts.PartResource]
	if !strings.HasPrefix(part.Text, "@{称呼} 你要的 {名称} 有货：{价格}") {
		t.Fatalf("reply part %q", part.Text)
	}
	if !strings.HasPrefix(ed.previewText.Text, "@小明 你要的 示例点卡 有货：¥9.5") {
		t.Fatalf("preview %q", ed.previewText.Text)
	}
	part.SetText("@{称呼} 有的有的：{名称} {价格}[，{兑换方式}]")
	test.Tap(ed.saveBtn)
	body, own, err := e.Store.PostTemplate(data.PostReply)
	if err != nil || !own {
		t.Fatalf("not saved: %v", err)
	}
	r := data.Resource{Name: "王者荣耀点券", PriceCents: 5500, Unlimited: true, Status: data.StatusOnSale}
	got, err := posts.RenderReply(body, posts.BuildReply(data.Group{}, "小明", "求王者点券", r, uitest.Now, uitest.Loc), nil)
	if err != nil || got != "@小明 有的有的：王者荣耀点券 ¥55" {
		t.Fatalf("reply with the owner's template %q, %v", got, err)
	}

	restock := newTemplateEditor(e, data.PostRestock, func() (posts.Preview, error) {
		return posts.SamplePreview(data.PostRestock, nil), nil
	}, nil)
	restock.show()
	if !restock.advanced.Checked || !restock.advanced.Disabled() || !strings.Contains(restock.modeNote.Text, "只有高级模式") || !strings.Contains(restock.previewText.Text, "补货清单") {
		t.Fatalf("补货清单 editor: advanced %v, preview %q", restock.advanced.Checked, restock.previewText.Text)
	}
}
