package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func TestEmptyHistorySaysHowToCopyTheFirstPost(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "58"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()

	if !s.noHistory.Visible() || !strings.HasPrefix(s.noHistory.Message.Text, "还没有复制过公告。把左边的资源索引表复制下来") {
		t.Fatalf("an empty history says %q (shown %v)", s.noHistory.Message.Text, s.noHistory.Visible())
	}
	b := uifind.FindButton(s.noHistory.Buttons, "复制公告")
	if b == nil {
		t.Fatalf("the empty history offers %q, want 复制公告", uifind.ButtonTexts(s.noHistory.Buttons))
	}
	test.Tap(b)
	e.Tasks.Wait()
	if got := e.App.Clipboard().Content(); got != s.post.Parts[0] {
		t.Errorf("the button copied %q, want the post shown", got)
	}
	if len(s.history) != 1 || s.noHistory.Visible() {
		t.Errorf("after the first copy the history has %d posts and still says %q", len(s.history), s.noHistory.Message.Text)
	}
}

func TestEmptyHistoryWithNothingOnSale(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	if !s.noHistory.Visible() || !strings.Contains(s.noHistory.Message.Text, "资源库里有在售的资源后") {
		t.Errorf("with nothing on sale the history says %q (shown %v)", s.noHistory.Message.Text, s.noHistory.Visible())
	}
}
