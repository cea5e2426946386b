package insight

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
	"github.com/qunhuo/qunhuo/data/insightchart"
)

// fixture is a group of five: the owner, 小明 and 小红 who talk, 小刚 who joined on
// 1 August and never spoke, 小美 who never spoke (no join date). uitest.Now is Thursday
// 26 November 18:00 China time.
func fixture(t *testing.T, e *ui.Env, chat bool) data.Group {
	t.Helper()
	g := uitest.MustGroup(t, e, "王者卡盟1群", "123456")
	for _, m := range []struct {
		qq, name, joined string
		role             data.Role
	}{
		{"10001", "群主", "", data.RoleOwner},
		{"20001", "小明", "", data.RoleMember},
		{"20002", "小红", "", data.RoleMember},
		{"20003", "小刚", "2026-08-01", data.RoleMember},
		{"20004", "小美", "", data.RoleMember},
	} {
		mm, err := data.MemberDraft{QQ: m.qq, Nickname: m.name, Memberships: []data.MembershipDraft{{GroupID: g.ID, Role: m.role, JoinedOn: m.joined}}}.Parse(e.Loc)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Store.SaveMember(&mm); err != nil {
			t.Fatal(err)
		}
	}
	if !chat {
		return g
	}
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, uitest.Loc) }
	msgs := []insight.Message{
		{At: at(17, 10), SenderQQ: "20001", SenderName: "小明", Text: "早"},
		{At: at(24, 10), SenderQQ: "20001", SenderName: "小明", Text: "求王者点券"},
		{At: at(24, 11), SenderQQ: "20002", SenderName: "小红", Text: "我也想要"},
		{At: at(25, 9), SenderQQ: "20001", SenderName: "小明", Text: "到账了"},
	}
	if err := e.Store.SeedChat(g.ID, "聊天.txt", msgs); err != nil {
		t.Fatal(err)
	}
	return g
}

func newScreen(t *testing.T, chat bool) (*ui.Env, *Screen) {
	e := uitest.NewEnv(t)
	g := fixture(t, e, chat)
	s := NewScreen(e, Links{})
	s.SetGroup(&g)
	uitest.Show(e, s.Content())
	s.Refresh()
	return e, s
}

func cardText(c fyne.CanvasObject) string { return uifind.LabelTexts(c) }

func TestDashboardShowsTheWeek(t *testing.T) {
	e, s := newScreen(t, true)
	if len(s.Cards()) != 10 {
		t.Fatalf("%d number cards", len(s.Cards()))
	}
	// This week 小明 and 小红 of the 5 seated spoke: 40%; last week 小明 alone: 20%.
	if got := cardText(s.Cards()[0]); !strings.Contains(got, "本周 40%") || !strings.Contains(got, "上周 20%，↑20 个百分点") {
		t.Errorf("互动率 card: %q", got)
	}
	// 3 messages by 2 this week, 1 by 1 last week.
	if got := cardText(s.Cards()[2]); !strings.Contains(got, "本周 1.5 条") || !strings.Contains(got, "上周 1.0 条") {
		t.Errorf("人均发言 card: %q", got)
	}
	if s.Empty.Visible() || s.Import.Visible() || s.Report.Disabled() {
		t.Error("empty state, import button or a disabled report with chat imported and no import link")
	}
	if !strings.Contains(s.people.Top.Text, "1. 小明：2 条") || !strings.Contains(s.people.Top.Text, "2. 小红：1 条") {
		t.Errorf("top: %q", s.people.Top.Text)
	}
	// 小刚 joined 117 days ago and 小美 at an unknown time; neither ever spoke. The owner
	// is never listed.
	if len(s.people.silent) != 2 || silentLine(s.people.silent[0]) != "小刚（入群 117 天没说过话）" || silentLine(s.people.silent[1]) != "小美（没见过发言）" {
		t.Fatalf("silent %+v", s.people.silent)
	}
	row := s.people.Silent
	row.Resize(fyne.NewSize(400, 300))
	test.Tap(uifind.FindButton(row, "复制话术"))
	clip := e.App.Clipboard().Content()
	if !strings.HasPrefix(clip, "小刚，还没在「王者卡盟1群」里听你说过话呢！") {
		t.Errorf("clipboard: %q", clip)
	}
	if !strings.Contains(s.notice.Text(), "小刚") {
		t.Errorf("notice %q", s.notice.Text())
	}
}

func TestDashboardWithoutChat(t *testing.T) {
	_, s := newScreen(t, false)
	if !s.Empty.Visible() || !strings.Contains(s.Empty.Text, "消息管理器") {
		t.Errorf("the empty state: %v %q", s.Empty.Visible(), s.Empty.Text)
	}
	if got := cardText(s.Cards()[0]); !strings.Contains(got, "本周 无") {
		t.Errorf("互动率 without chat: %q", got)
	}
	// The app's own numbers and the QQ list's silent members still show.
	if got := cardText(s.Cards()[7]); !strings.Contains(got, "置换成交") || !strings.Contains(got, "本周 0 单") {
		t.Errorf("置换 card: %q", got)
	}
	if len(s.people.silent) != 4 {
		t.Errorf("silent without chat: %+v", s.people.silent)
	}
}

func TestImportButtonFollowsTheLink(t *testing.T) {
	e := uitest.NewEnv(t)
	called := false
	s := NewScreen(e, Links{ImportChat: func(done func()) { called = true; done() }})
	uitest.Show(e, s.Content())
	if !s.Import.Visible() {
		t.Fatal("no import button with a link")
	}
	test.Tap(s.Import)
	if !called || s.shown == nil {
		t.Errorf("import called %v, reloaded %v", called, s.shown != nil)
	}
}

func TestReportCopiedAndPictureSaved(t *testing.T) {
	e, s := newScreen(t, true)
	test.Tap(s.Report)
	d := s.Dialog()
	if d == nil || d.Save.Disabled() || len(d.png) == 0 {
		t.Fatal("the report's picture was not drawn")
	}
	if !strings.Contains(uifind.OverlayText(e.Win), "只支持复制文字") {
		t.Error("the dialog does not say why the picture is not copied")
	}
	test.Tap(d.Preview.CopyButton)
	clip := e.App.Clipboard().Content()
	if !strings.HasPrefix(clip, "【本周群活力周报】王者卡盟1群") || !strings.Contains(clip, "互动率：40%（上周 20%，↑20 个百分点）") {
		t.Errorf("copied %q", clip)
	}
	posts, err := e.Store.Posts(s.GroupID(), 5)
	if err != nil || len(posts) != 1 || posts[0].Kind != data.PostActivityReport {
		t.Errorf("post history %+v %v", posts, err)
	}
	path := filepath.Join(t.TempDir(), "周报.png")
	d.savePicture(path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != insightchart.CardWidth {
		t.Fatalf("saved picture: %v %v", err, img)
	}
	if !strings.Contains(uifind.OverlayText(e.Win), path) {
		t.Errorf("no word of where it went: %q", uifind.OverlayText(e.Win))
	}
}
