package requests

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// requestFixture is a group with two members and a small catalog.
func requestFixture(t *testing.T, e *ui.Env) (data.Group, data.Member) {
	t.Helper()
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	xm := data.Member{QQ: "10001", Nickname: "小明", Memberships: []data.Membership{{GroupID: g.ID, CardName: "广州-小明", Role: data.RoleMember}}}
	xh := data.Member{QQ: "10002", Nickname: "小红", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	for _, m := range []*data.Member{&xm, &xh} {
		if err := e.Store.SaveMember(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []data.ResourceDraft{
		{Name: "和平精英点券 60元", Category: "游戏类", Price: "58"},
		{Name: "王者荣耀皮肤碎片", Category: "游戏类", Price: "3"},
		{Name: "王者荣耀点券", Category: "游戏类", Price: "55", Redeem: "官方直充"},
		{Name: "王者荣耀点券 600点", Category: "游戏类", Price: "540", Redeem: "官方直充"},
		{Name: "爱奇艺黄金VIP会员", Category: "影音类", Price: "19"},
	} {
		uitest.MustResource(t, e, d)
	}
	return g, xm
}

func enter(f fyne.Focusable) { f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func requestRows(t *testing.T, e *ui.Env) []data.Request {
	t.Helper()
	rs, err := e.Store.Requests(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// The quick capture's shortest way: the member by pinyin, Enter, the request, Enter.
// The best resource is chosen by itself, the reply is on the clipboard and the request
// is recorded as 已回复 with that resource.
func TestCaptureCopiesTheReply(t *testing.T) {
	e := uitest.NewEnv(t)
	g, xm := requestFixture(t, e)
	c := NewCapture(e, nil)
	c.SetGroup(&g)
	c.Show()

	test.Type(c.Member, "xiaoming")
	if m := c.pickedMember(); m == nil || m.ID != xm.ID {
		t.Fatalf("typing xiaoming chose %+v, want 小明", m)
	}
	enter(c.Member)
	if e.Win.Canvas().Focused() != c.Text {
		t.Fatal("Enter in the member field should move on to the request")
	}
	test.Type(c.Text, "求王者点券")
	if r := c.pickedResource(); r == nil || r.Name != "王者荣耀点券" {
		t.Fatalf("chosen %+v, want 王者荣耀点券 first", r)
	}
	want := "@广州-小明 你要的 王者荣耀点券 有货：¥55，兑换方式：官方直充，私聊我下单~"
	if c.Reply.Text != want {
		t.Fatalf("reply shown %q, want %q", c.Reply.Text, want)
	}
	enter(c.Text)
	if got := e.App.Clipboard().Content(); got != want {
		t.Fatalf("clipboard %q, want %q", got, want)
	}
	rs := requestRows(t, e)
	if len(rs) != 1 || rs[0].State != data.RequestReplied || rs[0].MemberID != xm.ID || rs[0].Text != "求王者点券" ||
		rs[0].ItemKey != "王者点券" || rs[0].ResourceID == nil || rs[0].RepliedAt == nil || rs[0].GroupID == nil || *rs[0].GroupID != g.ID {
		t.Fatalf("recorded %+v", rs)
	}
	if !strings.Contains(c.Status.Text, "回复已复制") || c.Text.Text != "" || c.Member.Text != "" {
		t.Fatalf("after copying: status %q, fields %q %q", c.Status.Text, c.Member.Text, c.Text.Text)
	}
}

// Another match than the first is one click; the reply follows it.
func TestCapturePickAnotherResource(t *testing.T) {
	e := uitest.NewEnv(t)
	g, _ := requestFixture(t, e)
	c := NewCapture(e, nil)
	c.SetGroup(&g)
	c.Show()
	test.Type(c.Member, "10002")
	test.Type(c.Text, "wzry点券")
	if len(c.matches) < 2 {
		t.Fatalf("%d matches", len(c.matches))
	}
	c.Text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // ↓ in the request: the next resource
	if c.matchPick != 1 {
		t.Fatalf("↓ chose %d, want 1", c.matchPick)
	}
	if !strings.Contains(c.Reply.Text, "@小红 你要的 王者荣耀点券 600点") {
		t.Fatalf("reply %q", c.Reply.Text)
	}
	test.Tap(c.CopyButton)
	if got := e.App.Clipboard().Content(); got != c.Reply.Text && !strings.Contains(got, "600点") {
		t.Fatalf("clipboard %q", got)
	}
}

// Bad input is refused at its field, and nothing is saved.
func TestCaptureRefusesAtTheField(t *testing.T) {
	e := uitest.NewEnv(t)
	g, _ := requestFixture(t, e)
	c := NewCapture(e, nil)
	c.SetGroup(&g)
	c.Show()
	test.Type(c.Text, "求王者点券")
	test.Tap(c.LaterButton)
	if p := c.kit.Notes; p == nil {
		t.Fatal("no notes")
	}
	if !strings.Contains(c.kit.Summary.Text, "请选是哪位成员要的") {
		t.Fatalf("summary %q, want the member named", c.kit.Summary.Text)
	}
	c.Text.SetText(strings.Repeat("求", 201))
	test.Type(c.Member, "xiaohong")
	test.Tap(c.LaterButton)
	if !strings.Contains(c.kit.Summary.Text, "要的东西最多 200 个字") {
		t.Fatalf("summary %q, want the text's limit", c.kit.Summary.Text)
	}
	if rs := requestRows(t, e); len(rs) != 0 {
		t.Fatalf("saved %d", len(rs))
	}
	if !c.CopyButton.Disabled() {
		t.Fatal("copy is on without a resource that fits")
	}
}

// Nothing fits: 记为无货 puts it on the board; a QQ number nobody has becomes a member.
func TestCaptureNoStockAndNewMember(t *testing.T) {
	e := uitest.NewEnv(t)
	g, _ := requestFixture(t, e)
	c := NewCapture(e, nil)
	c.SetGroup(&g)
	c.Show()
	test.Type(c.Member, "2851234567")
	test.Type(c.Text, "有没有原神月卡？")
	if c.pickedResource() != nil || !strings.Contains(c.Reply.Text, "没有在售的资源完全对得上") {
		t.Fatalf("reply %q", c.Reply.Text)
	}
	test.Tap(c.NoStockButton)
	rs := requestRows(t, e)
	if len(rs) != 1 || rs[0].State != data.RequestNoStock || rs[0].Member == nil || rs[0].Member.QQ != "2851234567" {
		t.Fatalf("recorded %+v", rs)
	}
	// Something close is on sale: nothing is chosen, but the board files it under the
	// closest resource's category.
	test.Type(c.Member, "xiaoming")
	test.Type(c.Text, "求王者荣耀战令")
	if len(c.matches) == 0 || c.pickedResource() != nil {
		t.Fatalf("%d close matches, chosen %v", len(c.matches), c.pickedResource())
	}
	test.Tap(c.NoStockButton)
	board, _ := e.Store.DemandBoard(g.ID)
	if len(board) != 2 || board[0].ItemKey != "原神月卡" || board[0].CategoryName != "" ||
		board[1].ItemKey != "王者荣耀战令" || board[1].CategoryName != "游戏类" {
		t.Fatalf("board %+v", board)
	}
}
