package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A swap suggestion not yet seen is on 今日; its button opens 配对建议, and seeing it
// there takes the line off 今日.
func TestHomeListsNewSwapMatches(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	var ms []data.Member
	for _, m := range []data.Member{{QQ: "2851234567", Nickname: "小明"}, {QQ: "2851234568", Nickname: "小红"}} {
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	for _, d := range []data.SwapDraft{
		{GroupID: &g.ID, MemberID: ms[0].ID, HasText: "网易云年卡", WantText: "话费50元", Days: 7},
		{GroupID: &g.ID, MemberID: ms[1].ID, HasText: "话费 50元", WantText: "网易云 年卡", Days: 7},
	} {
		if _, err := e.Store.AddSwapListing(d); err != nil {
			t.Fatal(err)
		}
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	want := "置换区有 1 个新配对"
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, want) {
		t.Fatalf("今日 shows %q, want %q", got, want)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去看配对"))
	if sh.shown != sh.swapsArea || sh.swaps.Tabs.Selected().Text != "配对建议（新 1）" {
		t.Fatalf("去看配对 should open 配对建议; shown %v", sh.shown.title)
	}
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); strings.Contains(got, want) {
		t.Errorf("a seen match is still new on 今日: %q", got)
	}
}
