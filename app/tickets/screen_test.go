package tickets

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// newEnv is uitest.NewEnv with a clock the test moves.
func newEnv(t *testing.T) (*ui.Env, *datatest.Clock) {
	t.Helper()
	a := test.NewTempApp(t)
	ui.UseChineseForFyne()
	a.Settings().SetTheme(ui.NewTheme())
	clock := datatest.NewClock(uitest.Now)
	store, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile), clock.Option())
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	e := ui.NewEnv(a, w, store, uitest.Loc)
	e.Tasks.Inline = true
	t.Cleanup(func() { w.Close(); _ = store.Close() })
	return e, clock
}

func mustMember(t *testing.T, e *ui.Env, qq, nick string) data.Member {
	t.Helper()
	m := data.Member{QQ: qq, Nickname: nick}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func newScreen(t *testing.T) (*Screen, *ui.Env, *datatest.Clock) {
	e, clock := newEnv(t)
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.Refresh()
	return s, e, clock
}

func countTickets(t *testing.T, e *ui.Env) []data.Ticket {
	t.Helper()
	ts, err := e.Store.Tickets(0, e.Now())
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestOpenTicketThroughForm opens a ticket by typing and picking, after the form
// refused it without a member and without a description, naming the fields.
func TestOpenTicketThroughForm(t *testing.T) {
	s, e, _ := newScreen(t)
	m := mustMember(t, e, "2851234567", "小明")
	mustMember(t, e, "10086001", "小红")
	if !s.empty.Visible() {
		t.Fatal("an empty list says nothing")
	}
	test.Tap(s.NewButton)
	f := s.Form
	test.Tap(f.kit.SaveButton)
	if got := f.kit.Summary.Text; !strings.Contains(got, "请选是哪位成员") || !strings.Contains(got, "问题描述不能为空") || !strings.Contains(got, "请选问题类型") {
		t.Fatalf("empty form: %q", got)
	}
	test.Type(f.Member.Entry, "xiaoming")
	if len(f.Member.Shown) != 1 {
		t.Fatalf("typing xiaoming shows %d members", len(f.Member.Shown))
	}
	f.Member.List.Select(0)
	f.Category.SetSelected("卡密无效")
	test.Tap(f.kit.SaveButton)
	if got := f.kit.Summary.Text; !strings.Contains(got, "问题描述不能为空") || strings.Contains(got, "成员") {
		t.Fatalf("without a description: %q", got)
	}
	if n := len(countTickets(t, e)); n != 0 {
		t.Fatalf("%d tickets saved from a refused form", n)
	}
	test.Type(f.Description, "卡密提示已被使用")
	test.Tap(f.kit.SaveButton)
	ts := countTickets(t, e)
	if len(ts) != 1 || ts[0].MemberID != m.ID || ts[0].Category != data.TicketCardInvalid ||
		ts[0].Description != "卡密提示已被使用" || ts[0].State != data.TicketWaiting {
		t.Fatalf("saved %+v", ts)
	}
	if len(s.tickets) != 1 || s.empty.Visible() {
		t.Fatal("the list did not show the new ticket")
	}
	if text, _ := LeftText(&s.tickets[0], e.Now()); text != "剩 1天" {
		t.Errorf("time left %q", text)
	}
	if !strings.Contains(s.notice.Text(), "已开单") {
		t.Errorf("notice %q", s.notice.Text())
	}
}

// TestDetailMoves answers, resolves, closes and reopens a ticket on its detail.
func TestDetailMoves(t *testing.T) {
	s, e, clock := newScreen(t)
	m := mustMember(t, e, "2851234567", "小明")
	tk, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketNotArrived, Description: "充了没到账"})
	if err != nil {
		t.Fatal(err)
	}
	s.Refresh()
	s.onSelected(0)
	d := s.Detail
	if len(d.MoveButtons) != 2 {
		t.Fatalf("a waiting ticket offers %d moves", len(d.MoveButtons))
	}
	test.Tap(d.ReplyButton) // nothing typed
	if !strings.Contains(d.Problem.Text, "回复内容不能为空") {
		t.Fatalf("empty reply: %q", d.Problem.Text)
	}
	clock.Advance(3 * time.Hour)
	test.Type(d.Reply, "已收到，正在核实")
	test.Tap(d.ReplyButton)
	got, _ := e.Store.Ticket(tk.ID)
	if got.State != data.TicketInProgress || got.ResponseTime() != 3*time.Hour {
		t.Fatalf("after the reply: %+v", got)
	}
	if clip := e.App.Clipboard().Content(); !strings.Contains(clip, "@小明") || !strings.Contains(clip, "已收到，正在核实") {
		t.Fatalf("clipboard %q", clip)
	}
	for _, to := range []data.TicketState{data.TicketResolved, data.TicketClosed, data.TicketInProgress} {
		b := d.MoveButtons[to]
		if b == nil {
			t.Fatalf("no button to %s in %s", to, d.ticket.State)
		}
		test.Tap(b)
		if got, _ := e.Store.Ticket(tk.ID); got.State != to {
			t.Fatalf("tapped %q: state %s", b.Text, got.State)
		}
	}
	got, _ = e.Store.Ticket(tk.ID)
	if len(got.Events) != 5 || !strings.Contains(d.Log.Text, "已关闭 → 处理中") {
		t.Fatalf("log %d entries:\n%s", len(got.Events), d.Log.Text)
	}
	// Another window resolves it meanwhile: the button's move is refused and said so.
	if _, err := e.Store.MoveTicket(tk.ID, data.TicketResolved, ""); err != nil {
		t.Fatal(err)
	}
	test.Tap(d.MoveButtons[data.TicketResolved])
	if !strings.Contains(d.Problem.Text, "刚才已经是「已解决」") {
		t.Fatalf("stale move: %q", d.Problem.Text)
	}
}

// TestUrgentOnTop: tickets overdue or due within two hours come first, marked.
func TestUrgentOnTop(t *testing.T) {
	s, e, clock := newScreen(t)
	m := mustMember(t, e, "2851234567", "小明")
	open := func(desc string) data.Ticket {
		tk, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketRefund, Description: desc})
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}
	first := open("早的")
	clock.Advance(5 * time.Hour)
	open("晚的")
	clock.Advance(17*time.Hour + 30*time.Minute) // first: 1h30m left
	s.Refresh()
	text, imp := LeftText(&s.tickets[0], e.Now())
	if s.tickets[0].ID != first.ID || text != "快到期 剩 1小时30分" || imp != widget.WarningImportance {
		t.Fatalf("top %d %q %v", s.tickets[0].ID, text, imp)
	}
	clock.Advance(2 * time.Hour)
	s.Refresh()
	if text, imp := LeftText(&s.tickets[0], e.Now()); text != "超时 30分钟" || imp != widget.DangerImportance {
		t.Fatalf("overdue %q %v", text, imp)
	}
	if !strings.Contains(s.Summary.Text, "已超时 1 张") {
		t.Errorf("summary %q", s.Summary.Text)
	}
}

// TestWarnerOnce: the notification fires when a ticket enters its last two hours, once,
// and not again after a restart.
func TestWarnerOnce(t *testing.T) {
	e, clock := newEnv(t)
	m := mustMember(t, e, "2851234567", "小明")
	if _, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketRefund, Description: "要退款"}); err != nil {
		t.Fatal(err)
	}
	var sent []*fyne.Notification
	w := NewWarner(e)
	w.Send = func(n *fyne.Notification) { sent = append(sent, n) }
	check := func() {
		t.Helper()
		if _, err := w.Check(); err != nil {
			t.Fatal(err)
		}
	}
	check()
	clock.Advance(21*time.Hour + 59*time.Minute) // 2h01m left
	check()
	if len(sent) != 0 {
		t.Fatalf("warned %d times before the last two hours", len(sent))
	}
	clock.Advance(2 * time.Minute)
	check()
	check()
	if len(sent) != 1 || sent[0].Title != "售后工单快到期" || !strings.Contains(sent[0].Content, "还剩 1小时59分") {
		t.Fatalf("sent %+v", sent)
	}
	restarted := NewWarner(e)
	restarted.Send = w.Send
	clock.Advance(3 * time.Hour)
	if _, err := restarted.Check(); err != nil || len(sent) != 1 {
		t.Fatalf("after a restart: %v, %d sent", err, len(sent))
	}
}

// TestWarnerSendsThroughApp: by default the notification goes to the app.
func TestWarnerSendsThroughApp(t *testing.T) {
	e, clock := newEnv(t)
	m := mustMember(t, e, "2851234567", "")
	if _, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketOther, Description: "别的问题"}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(25 * time.Hour)
	w := NewWarner(e)
	want := fyne.NewNotification("售后工单已超时", "285****567（其他）的工单 #1 已超过承诺时间 1小时，请尽快回复。")
	test.AssertNotificationSent(t, want, func() {
		if _, err := w.Check(); err != nil {
			t.Fatal(err)
		}
	})
}

// TestWarnerStartStop: the loop checks at once and on every tick, and Stop ends it.
func TestWarnerStartStop(t *testing.T) {
	e, clock := newEnv(t)
	m := mustMember(t, e, "2851234567", "小明")
	if _, err := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketOther, Description: "别的问题"}); err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32
	w := NewWarner(e)
	w.Every = 5 * time.Millisecond
	w.Send = func(*fyne.Notification) { n.Add(1) }
	w.Start()
	time.Sleep(20 * time.Millisecond)
	clock.Advance(23 * time.Hour)
	deadline := time.Now().Add(5 * time.Second)
	for n.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	w.Stop()
	w.Stop() // twice is fine
	if n.Load() != 1 {
		t.Fatalf("sent %d, want 1", n.Load())
	}
}

// TestStatsTab: the month's line and its category line.
func TestStatsTab(t *testing.T) {
	s, e, clock := newScreen(t)
	m := mustMember(t, e, "2851234567", "小明")
	tk, _ := e.Store.OpenTicket(data.TicketDraft{MemberID: m.ID, Category: data.TicketRefund, Description: "要退款"})
	clock.Advance(2 * time.Hour)
	e.Store.MoveTicket(tk.ID, data.TicketResolved, "")
	s.tabs.SelectIndex(1)
	if len(s.Stats.rows) != 2 || s.Stats.rows[0].month != "2026年11月" || s.Stats.rows[1].category != "退款" {
		t.Fatalf("rows %+v", s.Stats.rows)
	}
	if got := KeptText(s.Stats.rows[0].sum); got != "100%（1/1）" {
		t.Errorf("kept %q", got)
	}
	if got := uifind.LabelTexts(s.Stats.Table); !strings.Contains(got, "2小时") {
		t.Errorf("table shows %q", got)
	}
}

// TestGuidePost: the 售后通道 post says the promise in force.
func TestGuidePost(t *testing.T) {
	s, e, _ := newScreen(t)
	if err := e.Store.SetTicketPromiseHours(12); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.GuideButton)
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "12 小时内一定回复你") {
		t.Fatalf("post %q", got)
	}
}

// TestWarnerAfterCheck: the loop runs AfterCheck after every check.
func TestWarnerAfterCheck(t *testing.T) {
	e, _ := newEnv(t)
	var n atomic.Int32
	w := NewWarner(e)
	w.Every = 5 * time.Millisecond
	w.AfterCheck = func() { n.Add(1) }
	w.Start()
	deadline := time.Now().Add(5 * time.Second)
	for n.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	w.Stop()
	if n.Load() < 3 {
		t.Fatalf("AfterCheck ran %d times", n.Load())
	}
}
