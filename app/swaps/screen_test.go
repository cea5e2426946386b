package swaps

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

type fixture struct {
	e       *ui.Env
	g       data.Group
	a, b    data.Member
	dq, iqy data.Resource
	s       *Screen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	f.a = uitest.MustMember(t, e, f.g, "10001", "小明")
	f.b = uitest.MustMember(t, e, f.g, "10002", "小红")
	f.dq = uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 600点", Category: "游戏类", Price: "55"})
	f.iqy = uitest.MustResource(t, e, data.ResourceDraft{Name: "爱奇艺月卡", Category: "影音类", Price: "15"})
	f.s = NewScreen(e)
	uitest.ShowGroupScreen(e, f.s, &f.g)
	return f
}

func TestListingFormRefusesThenSaves(t *testing.T) {
	f := newFixture(t)
	if !f.s.Listings.empty.Visible() || uifind.FindButton(f.s.Content(), "新挂单") == nil {
		t.Fatal("an empty zone should say how to start")
	}
	test.Tap(f.s.Listings.AddButton)
	form := f.s.Listings.Form
	test.Tap(form.SaveButton)
	if ls, _ := f.e.Store.SwapListings(0); len(ls) != 0 {
		t.Fatal("an empty form was saved")
	}
	if !strings.Contains(uifind.OverlayText(f.e.Win), "请在名单里点选成员") {
		t.Errorf("the refusal does not name the member field: %q", uifind.OverlayText(f.e.Win))
	}
	uitest.PickIn(t, form.Member, "10001")
	uitest.PickIn(t, form.Has, "wzry")
	test.Type(form.Quantity, "2")
	form.WantCategory.SetSelected("影音类")
	test.Type(form.Remarks, "周末前换")
	test.Tap(form.SaveButton)
	ls, err := f.e.Store.SwapListings(0)
	if err != nil || len(ls) != 1 {
		t.Fatalf("listings = %v, %v", ls, err)
	}
	l := ls[0]
	if l.MemberID != f.a.ID || l.HasResourceID == nil || *l.HasResourceID != f.dq.ID || l.Quantity != 2 ||
		l.WantLabel() != "任意影音类" || l.Note != "周末前换" || l.GroupID == nil || *l.GroupID != f.g.ID {
		t.Errorf("saved %+v", l)
	}
	if len(f.s.Listings.shown) != 1 || f.s.Listings.empty.Visible() {
		t.Errorf("the list shows %d rows after saving", len(f.s.Listings.shown))
	}
	if !strings.Contains(f.s.notice.Text(), "已挂单") {
		t.Errorf("notice = %q", f.s.notice.Text())
	}
}

func TestMediateASuggestionToCompletion(t *testing.T) {
	f := newFixture(t)
	gid := &f.g.ID
	for _, d := range []data.SwapDraft{
		{GroupID: gid, MemberID: f.a.ID, HasResourceID: &f.dq.ID, WantText: "爱奇艺 月卡", Days: 7},
		{GroupID: gid, MemberID: f.b.ID, HasResourceID: &f.iqy.ID, WantResourceID: &f.dq.ID, Days: 7},
	} {
		if _, err := f.e.Store.AddSwapListing(d); err != nil {
			t.Fatal(err)
		}
	}
	f.s.Refresh()
	if got := f.s.suggestionsItem.Text; got != "配对建议（新 1）" {
		t.Errorf("tab title = %q", got)
	}
	f.s.ShowSuggestions()
	if n, _ := f.e.Store.NewSwapMatches(f.g.ID); n != 0 {
		t.Errorf("opening the tab left %d new matches", n)
	}
	if len(f.s.Suggestions.all) != 1 {
		t.Fatalf("%d suggestions", len(f.s.Suggestions.all))
	}
	row := f.s.Suggestions.List.CreateItem()
	f.s.Suggestions.List.UpdateItem(0, row)
	texts := uifind.LabelTexts(row)
	if !strings.Contains(texts, "两人互换") || !strings.Contains(texts, "（同一资源）") {
		t.Errorf("row = %q", texts)
	}
	test.Tap(uifind.FindButton(row, "配对公告"))
	if post := strings.Join(f.s.post.Parts(), ""); !strings.Contains(post, "【置换配对 · 两人互换】") || strings.Contains(post, "10001") {
		t.Errorf("match post = %q", post)
	}
	test.Tap(uifind.FindButton(row, "撮合"))
	ds, _ := f.e.Store.SwapDeals(0)
	if len(ds) != 1 || ds[0].State != data.SwapDealMediating {
		t.Fatalf("deals = %+v", ds)
	}
	if f.s.Tabs.Selected() != f.s.dealsItem || len(f.s.Suggestions.all) != 0 {
		t.Errorf("after 撮合: tab %q, %d suggestions left", f.s.Tabs.Selected().Text, len(f.s.Suggestions.all))
	}
	if f.s.Deals.CompleteBtn.Disabled() || !strings.Contains(f.s.Deals.Detail.Text, "撮合中") {
		t.Fatalf("the new deal is not shown: %q", f.s.Deals.Detail.Text)
	}
	test.Type(f.s.Deals.Note, "两人已互换")
	test.Tap(f.s.Deals.CompleteBtn)
	ds, _ = f.e.Store.SwapDeals(0)
	if ds[0].State != data.SwapDealCompleted || ds[0].Events[1].Note != "两人已互换" {
		t.Errorf("deal = %+v", ds[0])
	}
	if n, _ := f.e.Store.CompletedSwaps(f.b.ID); n != 1 {
		t.Errorf("小红 completed %d swaps", n)
	}
	if !f.s.Deals.CompleteBtn.Disabled() || !strings.Contains(f.s.Deals.Detail.Text, "两人已互换") {
		t.Errorf("after completing: %q", f.s.Deals.Detail.Text)
	}
	f.s.Listings.Scope.SetSelected(scopeAll)
	var states []string
	for row := range f.s.Listings.shown {
		l := widget.NewLabel("")
		f.s.Listings.fillCell(row, 1, l)
		states = append(states, l.Text)
	}
	if strings.Join(states, ",") != "已成交,已成交" {
		t.Errorf("listing states = %v", states)
	}
}

func TestSwapBoardPost(t *testing.T) {
	f := newFixture(t)
	if _, err := f.e.Store.AddSwapListing(data.SwapDraft{GroupID: &f.g.ID, MemberID: f.a.ID, HasText: "网易云年卡",
		WantText: "话费", Days: 3}); err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	test.Tap(f.s.Listings.PostBtn)
	post := strings.Join(f.s.post.Parts(), "")
	if !strings.Contains(post, "【星河卡盟 · 资源置换区】") || !strings.Contains(post, "有 网易云年卡，想换 话费") {
		t.Errorf("board = %q", post)
	}
}

// An expired listing leaves 开放中 and shows 已过期 under 全部挂单; a withdrawn one is
// 已撤下 in the database and on screen, and neither is matched.
func TestExpiredAndWithdrawnListings(t *testing.T) {
	f := newFixture(t)
	earlier, err := data.Open(f.e.Store.Path(), data.WithClock(func() time.Time { return uitest.Now.AddDate(0, 0, -10) }))
	if err != nil {
		t.Fatal(err)
	}
	_, err = earlier.AddSwapListing(data.SwapDraft{GroupID: &f.g.ID, MemberID: f.a.ID, HasText: "甲", WantText: "乙", Days: 3})
	_ = earlier.Close()
	if err != nil {
		t.Fatal(err)
	}
	l, err := f.e.Store.AddSwapListing(data.SwapDraft{GroupID: &f.g.ID, MemberID: f.b.ID, HasText: "乙", WantText: "甲", Days: 7})
	if err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	if len(f.s.Listings.shown) != 1 || len(f.s.Suggestions.all) != 0 {
		t.Fatalf("开放中 shows %d, %d suggestions; want the open one and no match with the expired", len(f.s.Listings.shown), len(f.s.Suggestions.all))
	}
	f.s.Listings.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(f.s.Listings.WithdrawBtn)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "撤下"))
	ls, _ := f.e.Store.SwapListings(0)
	for _, x := range ls {
		if x.ID == l.ID && x.State != data.SwapListingWithdrawn {
			t.Errorf("listing %d is %s after 撤下", x.ID, x.State)
		}
	}
	if !f.s.Listings.empty.Visible() || !strings.Contains(f.s.notice.Text(), "已撤下") {
		t.Errorf("after 撤下: empty %v, notice %q", f.s.Listings.empty.Visible(), f.s.notice.Text())
	}
	f.s.Listings.Scope.SetSelected(scopeAll)
	var states []string
	for row := range f.s.Listings.shown {
		lb := widget.NewLabel("")
		f.s.Listings.fillCell(row, 1, lb)
		states = append(states, lb.Text)
	}
	slices.Sort(states)
	if strings.Join(states, ",") != "已撤下,已过期" {
		t.Errorf("全部挂单 states = %v", states)
	}
}
