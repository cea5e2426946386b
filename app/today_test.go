package app

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// The home lists what waits, and each line's button opens the place to act: here the
// catalog narrowed to what the line counted.
func TestHomeListsWhatWaitsAndGoesThere(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者群", "11111111")
	soon := uitest.Now.Add(48 * time.Hour).Format("2006-01-02")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "快到期的月卡", Category: "影音类", Price: "15", ValidUntil: soon})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "卖完的点券", Category: "游戏类", Price: "6", Stock: "0"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "还多的点券", Category: "游戏类", Price: "6", Stock: "100"})
	sh := openShell(t, e)
	if sh.shown != sh.home {
		t.Fatal("the window should open on 今日")
	}
	text := uifind.LabelTexts(sh.today.lines)
	for _, want := range []string{"1 个资源 3 天内到期：快到期的月卡", "1 个资源已售罄：卖完的点券", "今天还没有给「王者群」发资源索引表", "还没有备份过"} {
		if !strings.Contains(text, want) {
			t.Errorf("home lacks %q:\n%s", want, text)
		}
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去看看"))
	if sh.shown != sh.catalogArea || sh.resources.Shown() != 1 {
		t.Fatalf("去看看 should open the catalog showing the 1 expiring resource, shows %d", sh.resources.Shown())
	}
	sh.show(sh.home)
	test.Tap(uifind.FindButton(sh.today.lines, "去补货"))
	if sh.resources.Shown() != 1 {
		t.Errorf("去补货 shows %d resources, want the sold-out one", sh.resources.Shown())
	}
	sh.show(sh.home)
	test.Tap(uifind.FindButton(sh.today.lines, "去备份"))
	if sh.shown != sh.backupArea {
		t.Error("去备份 should open 数据与备份")
	}
}

// Ctrl+digit opens the first nine areas in the order the navigation shows them.
func TestShortcutsOpenAreas(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者群", "11111111")
	var handlers []func(fyne.Shortcut)
	var names []string
	c := &shortcutRecorder{Canvas: e.Win.Canvas(), add: func(s fyne.Shortcut, h func(fyne.Shortcut)) {
		names, handlers = append(names, s.ShortcutName()), append(handlers, h)
	}}
	sh := openShell(t, e)
	sh.nav.shortcuts(c)
	if want := min(9, len(sh.nav.order)); len(handlers) != want {
		t.Fatalf("%d shortcuts for %d areas, want %d", len(handlers), len(sh.nav.order), want)
	}
	for i, a := range sh.nav.order[:len(handlers)] {
		if want := areaShortcut(i).ShortcutName(); names[i] != want {
			t.Errorf("area %q has shortcut %q, want %q", a.title, names[i], want)
		}
		handlers[i](nil)
		if sh.shown != a {
			t.Errorf("shortcut %d opened %q, want %q", i+1, sh.shown.title, a.title)
		}
	}
}

// shortcutRecorder is a canvas that records the shortcuts added to it.
type shortcutRecorder struct {
	fyne.Canvas
	add func(fyne.Shortcut, func(fyne.Shortcut))
}

func (c *shortcutRecorder) AddShortcut(s fyne.Shortcut, h func(fyne.Shortcut)) { c.add(s, h) }

// The navigation holds the 15 areas of the whole feature map, with their headings, in
// a 1280×800 window without scrolling.
func TestNavigationFitsFifteenAreas(t *testing.T) {
	uitest.NewEnv(t)
	titles := [][]string{{"今日"}, {"资源库", "公告", "需求响应", "精准匹配"}, {"成员", "群管理"},
		{"担保交易", "售后工单", "黑名单"}, {"资源盲盒", "置换区", "投票"}, {"互助积分", "分享会"}, {"数据与备份"}}
	var sections []section
	count := 0
	for _, ts := range titles {
		var as []*area
		for _, title := range ts {
			as = append(as, &area{title: title, icon: theme.HomeIcon()})
			count++
		}
		sections = append(sections, section{title: "分组", areas: as})
	}
	if count < 15 {
		t.Fatalf("only %d areas", count)
	}
	n := newNav(sections, func(*area) {})
	top := widget.NewLabel("当前群").MinSize().Height + theme.Padding()*2
	if h := n.content().MinSize().Height; h+top > 800 {
		t.Errorf("navigation of %d areas is %.0f px tall; with the top bar it needs %.0f of 800", count, h, h+top)
	}
}

// A failed automatic backup is a line on the home that opens 数据与备份.
func TestHomeShowsAFailedAutomaticBackup(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者群", "11111111")
	// A file where the backups folder goes: the automatic backup cannot be written.
	if err := os.WriteFile(e.Store.BackupsDir(), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.AutoBackup(uitest.Now); err == nil {
		t.Fatal("the backup did not fail")
	}
	sh := openShell(t, e)
	text := uifind.LabelTexts(sh.today.lines)
	if !strings.Contains(text, "的自动备份没有成功") {
		t.Fatalf("home lacks the failed backup:\n%s", text)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去数据与备份"))
	if sh.shown != sh.backupArea {
		t.Error("the line's button should open 数据与备份")
	}
}
