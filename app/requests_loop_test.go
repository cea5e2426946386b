package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// owner plays the keyboard on the window as a real one would: typing and keys go to
// the focused widget, and every key and shortcut is counted; typed text is not.
type owner struct {
	t       *testing.T
	c       fyne.Canvas
	presses int
}

func (o *owner) typeText(s string) {
	f := o.c.Focused()
	if f == nil {
		o.t.Fatalf("typing %q with nothing focused", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

func (o *owner) key(name fyne.KeyName) {
	o.presses++
	o.c.Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// The loop of the issue: a member asks 求王者点券 in QQ; from any screen the owner has
// the reply on the clipboard and the request recorded as 已回复 in at most 5 presses
// besides typing: Ctrl+Q, (the member's name), Enter, (the request), Enter.
func TestRequestLoopFromAnyScreen(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	xm := data.Member{QQ: "10001", Nickname: "小明", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&xm); err != nil {
		t.Fatal(err)
	}
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "55", Redeem: "官方直充"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀皮肤碎片", Category: "游戏类", Price: "3"})
	var ctrlQ func(fyne.Shortcut)
	sh := openShell(t, e)
	sh.captureShortcuts(&shortcutRecorder{Canvas: e.Win.Canvas(), add: func(s fyne.Shortcut, h func(fyne.Shortcut)) {
		if s.ShortcutName() == captureShortcut.ShortcutName() {
			ctrlQ = h
		}
	}})
	if ctrlQ == nil {
		t.Fatal("no Ctrl+Q")
	}
	for _, a := range []*area{sh.catalogArea, sh.membersArea, sh.settingsArea} {
		sh.show(a)
		o := &owner{t: t, c: e.Win.Canvas()}
		o.presses++ // Ctrl+Q
		ctrlQ(captureShortcut)
		o.typeText("xiaoming")
		o.key(fyne.KeyReturn)
		o.typeText("求王者点券")
		o.key(fyne.KeyReturn)
		want := "@小明 你要的 王者荣耀点券 有货：¥55，兑换方式：官方直充，私聊我下单~"
		if got := e.App.Clipboard().Content(); got != want {
			t.Fatalf("from %s: clipboard %q, want %q", a.title, got, want)
		}
		t.Logf("from %s: %d presses besides typing the member's name and the request", a.title, o.presses)
		if o.presses > 5 {
			t.Fatalf("from %s: %d presses, want at most 5", a.title, o.presses)
		}
		e.App.Clipboard().SetContent("")
		test.Tap(uifind.OverlayButton(t, e.Win, "关闭"))
	}
	rs, err := e.Store.Requests(g.ID, 0, data.RequestReplied)
	if err != nil || len(rs) != 3 {
		t.Fatalf("%d requests recorded as 已回复 (%v), want 3", len(rs), err)
	}
}

// The top bar's button opens the capture too, and 今日 lists what waits oldest first,
// each line one click from its reply.
func TestHomeListsWaitingRequests(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	xm := data.Member{QQ: "10001", Nickname: "小明", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&xm); err != nil {
		t.Fatal(err)
	}
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "55"})
	for _, text := range []string{"求王者点券", "有没有原神月卡"} {
		if _, err := e.Store.CaptureRequest(data.RequestDraft{MemberID: xm.ID, GroupID: &g.ID, Text: text,
			AskedAt: uitest.Now.Add(-time2(text))}); err != nil {
			t.Fatal(err)
		}
	}
	sh := openShell(t, e)
	text := uifind.LabelTexts(sh.today.lines)
	first, second := indexOf(text, "小明 求助：求王者点券（等了 2小时）"), indexOf(text, "小明 求助：有没有原神月卡（等了 30分钟）")
	if first < 0 || second < 0 || first > second {
		t.Fatalf("home should list both, oldest first:\n%s", text)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "回复"))
	c := sh.requests.Capture
	if c.Text.Text != "求王者点券" || c.Reply.Text == "" {
		t.Fatalf("回复 opened the capture with %q, reply %q", c.Text.Text, c.Reply.Text)
	}
	test.Tap(c.CopyButton)
	rs, _ := e.Store.Requests(g.ID, 0, data.RequestReplied)
	if len(rs) != 1 || rs[0].ReplyTime().String() != "2h0m0s" {
		t.Fatalf("replied %+v", rs)
	}
	if got := uifind.LabelTexts(sh.today.lines); indexOf(got, "求王者点券") >= 0 {
		t.Fatalf("the replied request is still on 今日:\n%s", got)
	}
}

func time2(text string) time.Duration {
	if text == "求王者点券" {
		return 2 * time.Hour
	}
	return 30 * time.Minute
}

func indexOf(s, sub string) int { return strings.Index(s, sub) }

// Ctrl+Q and Ctrl+digit work while the owner is typing in a search box or a form:
// Fyne gives the focused entry every shortcut, and the app's entries pass these on.
func TestWindowShortcutsWhileTyping(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "星河卡盟", "812345678")
	sh := openShell(t, e)
	sh.show(sh.catalogArea)
	c := e.Win.Canvas()
	search := firstEntry(sh.resources.Content())
	if search == nil {
		t.Fatal("no search box on 资源库")
	}
	c.Focus(search)
	test.Type(search, "王者")
	c.Focused().(fyne.Shortcutable).TypedShortcut(captureShortcut)
	if text := uifind.OverlayText(e.Win); !strings.Contains(text, "记下求助") {
		t.Fatalf("Ctrl+Q in the search box did not open the capture: %q", text)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "关闭"))
	c.Focus(search)
	c.Focused().(fyne.Shortcutable).TypedShortcut(areaShortcut(0))
	if sh.shown != sh.home {
		t.Fatalf("Ctrl+1 in the search box shows %s, want 今日", sh.shown.title)
	}
}

// firstEntry is the first of the app's entries in o, depth first.
func firstEntry(o fyne.CanvasObject) *ui.Entry {
	if e, ok := o.(*ui.Entry); ok {
		return e
	}
	for _, c := range uifind.Children(o) {
		if e := firstEntry(c); e != nil {
			return e
		}
	}
	return nil
}
