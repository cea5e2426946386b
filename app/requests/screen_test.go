package requests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// rowText is what row i of a list shows, and its buttons.
func rowText(t *testing.T, l *rowList, i int) (string, []string) {
	t.Helper()
	if i >= l.count() {
		t.Fatalf("row %d of %d", i, l.count())
	}
	text, actions := l.row(i)
	var labels []string
	for _, a := range actions {
		labels = append(labels, a.label)
	}
	return text, labels
}

func tapAction(t *testing.T, l *rowList, i int, label string) {
	t.Helper()
	_, actions := l.row(i)
	for _, a := range actions {
		if a.label == label {
			a.do()
			return
		}
	}
	t.Fatalf("row %d has no %s", i, label)
}

func capture(t *testing.T, e *ui.Env, g data.Group, m data.Member, text string, ago time.Duration) data.Request {
	t.Helper()
	r, err := e.Store.CaptureRequest(data.RequestDraft{MemberID: m.ID, GroupID: &g.ID, Text: text, AskedAt: uitest.Now.Add(-ago)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The lists: 待回复 oldest first, replied to and then met, 无货 on the board, and once
// the item is on sale the members waiting are one click from a copied notice.
func TestRequestsScreenLoop(t *testing.T) {
	e := uitest.NewEnv(t)
	g, xm := requestFixture(t, e)
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	if !strings.Contains(s.Waiting.empty.Message.Text, "Ctrl+Q") || !s.Waiting.empty.Visible() {
		t.Fatalf("empty 待回复 says %q", s.Waiting.empty.Message.Text)
	}
	capture(t, e, g, xm, "有没有原神月卡", 30*time.Minute)
	capture(t, e, g, xm, "求王者点券", 2*time.Hour)
	s.Refresh()
	first, buttons := rowText(t, s.Waiting, 0)
	if first != "广州-小明：求王者点券（等了 2小时）" || strings.Join(buttons, " ") != "回复 无货 删除" {
		t.Fatalf("first waiting row %q %q", first, buttons)
	}
	if s.tabs.Items[0].Text != "待回复 2" {
		t.Fatalf("tab %q", s.tabs.Items[0].Text)
	}

	tapAction(t, s.Waiting, 0, "回复") // the capture opens with the request
	if s.Capture.Text.Text != "求王者点券" || s.Capture.pickedMember() == nil || s.Capture.pickedResource() == nil {
		t.Fatalf("reply opened with %q", s.Capture.Text.Text)
	}
	test.Tap(s.Capture.CopyButton)
	if !strings.HasPrefix(e.App.Clipboard().Content(), "@广州-小明 你要的 王者荣耀点券") {
		t.Fatalf("clipboard %q", e.App.Clipboard().Content())
	}
	replied, _ := rowText(t, s.Replied, 0)
	if replied != "广州-小明：求王者点券（回复用时 2小时）" {
		t.Fatalf("replied row %q", replied)
	}
	tapAction(t, s.Replied, 0, "已满足")
	if rs, _ := e.Store.Requests(g.ID, 0, data.RequestMet); len(rs) != 1 {
		t.Fatalf("%d met", len(rs))
	}

	tapAction(t, s.Waiting, 0, "无货")
	board, _ := rowText(t, s.Board, 0)
	if !strings.HasPrefix(board, "原神月卡（未分类，无货）：1 人在等，最早 11月26日；广州-小明") {
		t.Fatalf("board row %q", board)
	}
	if s.Offers.count() != 0 || !s.Offers.empty.Visible() {
		t.Fatal("offers before the item is on sale")
	}
	uitest.MustResource(t, e, data.ResourceDraft{Name: "原神 空月祝福 月卡", Category: "游戏类", Price: "25", Redeem: "UID代充"})
	s.Refresh()
	offer, buttons := rowText(t, s.Offers, 0)
	if offer != "「原神 空月祝福 月卡」上架了，1 人在等：广州-小明" || strings.Join(buttons, "") != "复制通知" {
		t.Fatalf("offer row %q %q", offer, buttons)
	}
	tapAction(t, s.Offers, 0, "复制通知")
	if got := e.App.Clipboard().Content(); got != "@广州-小明 你要的 原神 空月祝福 月卡 有货：¥25，兑换方式：UID代充，私聊我下单~" {
		t.Fatalf("notice copied %q", got)
	}
	if s.Offers.count() != 0 || s.Board.count() != 0 {
		t.Fatalf("after telling: %d offers, %d on the board", s.Offers.count(), s.Board.count())
	}
	if rs, _ := e.Store.Requests(g.ID, 0, data.RequestReplied); len(rs) != 1 {
		t.Fatalf("%d replied after the notice", len(rs))
	}
}

// The 补货清单 is a post to copy and a sheet to save; deleting asks first.
func TestRestockPostExportAndDelete(t *testing.T) {
	e := uitest.NewEnv(t)
	g, xm := requestFixture(t, e)
	r := capture(t, e, g, xm, "求原神月卡", time.Hour)
	if _, err := e.Store.CloseRequest(r.ID, data.RequestNoStock); err != nil {
		t.Fatal(err)
	}
	capture(t, e, g, xm, "求星巴克券", time.Hour)
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	test.Tap(s.RestockButton)
	if s.restockPreview == nil || !strings.Contains(s.restockPreview.Text.Text, "● 原神月卡：1 人在等") {
		t.Fatal("no 补货清单 post")
	}
	test.Tap(s.restockPreview.CopyButton)
	if !strings.Contains(e.App.Clipboard().Content(), "【星河卡盟·补货清单】") {
		t.Fatalf("copied %q", e.App.Clipboard().Content())
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "关闭"))

	path := filepath.Join(t.TempDir(), "补货清单.csv")
	s.writeRestock(path, ui.FormatCSV)
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), "原神月卡,未分类,1,1,2026-11-26") {
		t.Fatalf("csv %q, %v", b, err)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "知道了"))

	tapAction(t, s.Waiting, 0, "删除")
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	if rs, _ := e.Store.Requests(g.ID, 0, data.RequestWaiting); len(rs) != 0 {
		t.Fatalf("%d waiting after delete", len(rs))
	}
}
