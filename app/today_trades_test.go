package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A trade past its deadline is on 今日, and its button opens it in 担保交易.
func TestHomeListsOverdueTrades(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	var ms []data.Member
	for _, m := range []data.Member{{QQ: "2851234567", Nickname: "小明"}, {QQ: "2851234568", Nickname: "小红"}} {
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	// Opened 3 hours ago: the 2 hours to pay are over.
	earlier, err := data.Open(e.Store.Path(), data.WithClock(func() time.Time { return uitest.Now.Add(-3 * time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := earlier.OpenTrade(data.TradeDraft{GroupID: &g.ID, BuyerID: ms[0].ID, SellerID: ms[1].ID, Item: "王者荣耀点券", Amount: "55"})
	_ = earlier.Close()
	if err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	sh.show(sh.home)
	want := fmt.Sprintf("担保交易超时：#%d 王者荣耀点券（等买家付款）", tr.ID)
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, want) {
		t.Fatalf("今日 shows %q, want %q", got, want)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去处理"))
	if sh.shown != sh.tradesArea || sh.trades.Selected() != tr.ID {
		t.Fatalf("去处理 should open the trade in 担保交易; shown %v, selected %d", sh.shown.title, sh.trades.Selected())
	}
}
