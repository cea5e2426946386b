package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A resource marked 失效 that no 失效资源公示 named yet waits on 今日; 去公示 opens the
// post, and once it is copied the line goes.
func TestHomeAsksToPostTheBlacklist(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者群", "11111111")
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "坏掉的点券", Category: "游戏类", Price: "6"})
	if err := e.Store.MarkInvalid(r.ID, data.InvalidMark{Reason: "卡密无效"}); err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	if text := uifind.LabelTexts(sh.today.lines); !strings.Contains(text, "1 个资源标为失效后还没公示：坏掉的点券") {
		t.Fatalf("home lacks the blacklist line:\n%s", text)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去公示"))
	if sh.shown != sh.blacklistArea || sh.blacklist.Post == nil {
		t.Fatal("去公示 should open 失效名单 with its 公示")
	}
	p := sh.blacklist.Post
	if !strings.Contains(p.Preview.Text.Text, "坏掉的点券") {
		t.Fatalf("the 公示 says %q", p.Preview.Text.Text)
	}
	test.Tap(p.Preview.CopyButton)
	sh.show(sh.home)
	if text := uifind.LabelTexts(sh.today.lines); strings.Contains(text, "还没公示") {
		t.Errorf("the line stays after the 公示 was copied:\n%s", text)
	}
}
