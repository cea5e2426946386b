package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A box past its close time is on 今日 as 该截止, and its button opens it in 资源盲盒;
// a winner who has not shared by the deadline is listed too.
func TestHomeListsBlindBoxes(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	// made, opened, entered and drawn 10 days ago
	earlier, err := data.Open(e.Store.Path(), data.WithClock(func() time.Time { return uitest.Now.Add(-240 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = earlier.Close() })
	mk := func(title string) data.BlindBox {
		b, err := earlier.SaveBox(0, data.BoxDraft{GroupID: &g.ID, Title: title, Winners: 1, OpensAt: earlier.Now(),
			ClosesAt: earlier.Now().Add(time.Hour), ShareDays: 3, Items: []data.BoxItemDraft{{Name: "原神月卡", Quantity: 1}}})
		if err == nil {
			b, err = earlier.OpenBox(b.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	due := mk("周末盲盒")
	drawn := mk("上周盲盒")
	m := data.Member{QQ: "2851234567", Nickname: "小明"}
	if err := earlier.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	if _, err := earlier.AddBoxEntry(drawn.ID, data.BoxEntryDraft{MemberID: m.ID, Demand: "求月卡"}); err != nil {
		t.Fatal(err)
	}
	if _, err := earlier.CloseBox(drawn.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := earlier.DrawBox(drawn.ID); err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	got := uifind.LabelTexts(sh.today.lines)
	for _, want := range []string{"资源盲盒周末盲盒（该截止）", "中奖者分享超时：上周盲盒：小明（285****567）"} {
		if !strings.Contains(got, want) {
			t.Errorf("今日 shows %q, want %q", got, want)
		}
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去处理"))
	if sh.shown != sh.blindBoxArea || sh.blindBox.Detail.Box == nil || sh.blindBox.Detail.Box.ID != due.ID {
		t.Fatalf("去处理 should open the box in 资源盲盒; shown %v", sh.shown.title)
	}
}
