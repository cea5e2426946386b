package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func TestCopyIndexPostToClipboard(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58", OriginalPrice: "60", Redeem: "直充"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "腾讯视频VIP月卡", Category: "影音类", Price: "15", ValidUntil: "2026-12-31 20:00"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "已售罄的券", Category: "生活类", Price: "1", Stock: "0"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()

	if len(s.preview.Parts()) != 1 || s.preview.CopyButton.Text != "复制公告" {
		t.Fatalf("a short post should be one part, got %d", len(s.preview.Parts()))
	}
	shown := s.preview.Text.Text
	test.Tap(s.preview.CopyButton)
	e.Tasks.Wait()

	got := e.App.Clipboard().Content()
	if got != shown {
		t.Errorf("clipboard differs from the preview:\n%s\n---\n%s", got, shown)
	}
	for _, want := range []string{"王者荣耀福利群", "王者荣耀点券 60元", "¥58", "原价¥60", "腾讯视频VIP月卡", "12-31 20:00"} {
		if !strings.Contains(got, want) {
			t.Errorf("copied post lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "已售罄的券") {
		t.Errorf("a sold-out resource is in the post:\n%s", got)
	}
	ps, err := e.Store.Posts(g.ID, 10)
	if err != nil || len(ps) != 1 || ps[0].Body != got {
		t.Fatalf("recorded posts = %d (%v), want the copied one", len(ps), err)
	}
	if len(s.history) != 1 {
		t.Errorf("history shows %d posts, want 1", len(s.history))
	}
}

func TestLongIndexPostSplitsIntoCopyableParts(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "大卡盟", "99887766")
	for i := 0; i < 120; i++ {
		uitest.MustResource(t, e, data.ResourceDraft{Name: "和平精英UC 第" + ui.Itoa(i) + "档", Category: "游戏类", Price: ui.Itoa(i + 1), Redeem: "账号代充"})
	}
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()

	n := len(s.preview.Parts())
	if n < 2 {
		t.Fatalf("a post of 120 lines should split, got %d part(s)", n)
	}
	for i := 0; i < n; i++ {
		want := "复制第 " + ui.Itoa(i+1) + "/" + ui.Itoa(n) + " 段"
		if s.preview.CopyButton.Text != want {
			t.Fatalf("before copying part %d the button says %q, want %q", i+1, s.preview.CopyButton.Text, want)
		}
		shown := s.preview.Text.Text
		test.Tap(s.preview.CopyButton)
		got := e.App.Clipboard().Content()
		if got != shown || got != s.post.Parts[i] {
			t.Errorf("part %d copied differs from the preview", i+1)
		}
		if len([]rune(got)) > 1500 {
			t.Errorf("part %d has %d characters, over 1500", i+1, len([]rune(got)))
		}
		if !strings.Contains(got, "("+ui.Itoa(i+1)+"/"+ui.Itoa(n)+")") {
			t.Errorf("part %d lacks its (i/n) marker", i+1)
		}
	}
	if !strings.Contains(s.preview.Status.Text, "全部复制完了") {
		t.Errorf("after the last part the status says %q", s.preview.Status.Text)
	}
	if ps, _ := e.Store.Posts(g.ID, 10); len(ps) != 1 {
		t.Errorf("copying %d parts recorded %d posts, want 1", n, len(ps))
	}
}

func TestIndexPostForOneCategory(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "卡盟福利群", "12345678")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "腾讯视频VIP月卡", Category: "影音类", Price: "15"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	s.category.SetSelected("影音类")
	text := s.preview.Text.Text
	if !strings.Contains(text, "腾讯视频VIP月卡") || strings.Contains(text, "王者荣耀点券") {
		t.Errorf("the 影音类 post is:\n%s", text)
	}
	s.category.SetSelected(allCategories)
	if !strings.Contains(s.preview.Text.Text, "王者荣耀点券") {
		t.Error("全部分类 lost the 游戏类 resources")
	}
}
