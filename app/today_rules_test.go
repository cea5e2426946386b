package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// Rules saved and not posted are on 今日; its button opens the 群规公告, and once it
// is copied the line is gone.
func TestHomeAsksToPostChangedRules(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	if _, err := e.Store.SaveRules(g.ID, "", rulebook.Defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.SaveRules(g.ID, "售后改为 12 小时", rulebook.Defaults()[1:]); err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, "群规第 2 版（11月26日 修订）还没发到群里") {
		t.Fatalf("今日 shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去发群规"))
	if sh.shown != sh.rulesArea || len(sh.rules.Post.Preview.Parts()) != 1 {
		t.Fatal("去发群规 should open the 群规公告")
	}
	test.Tap(sh.rules.Post.Preview.CopyButton)
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); strings.Contains(got, "群规") {
		t.Fatalf("the rules were copied, 今日 still shows %q", got)
	}
}
