package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/groups"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

func openShell(t *testing.T, e *ui.Env) *shell {
	t.Helper()
	sh := newShell(e)
	uitest.Show(e, sh.content())
	sh.start()
	return sh
}

func TestFirstStartWelcomesAndCreatesTheGroup(t *testing.T) {
	e := uitest.NewEnv(t)
	sh := openShell(t, e)
	if !strings.Contains(uifind.OverlayText(e.Win), "欢迎使用群活") {
		t.Fatalf("an empty database should open with the welcome, got %q", uifind.OverlayText(e.Win))
	}
	w := findWelcome(t, sh)
	test.Type(w.Name, "王者荣耀福利群")
	test.Type(w.Number, "12ab")
	test.Tap(w.SaveButton)
	if err := w.Number.Validate(); err == nil || !strings.Contains(err.Error(), "群号") {
		t.Fatalf("a bad group number was not refused at the field: %v", err)
	}
	w.Number.SetText("")
	test.Type(w.Number, "123456789")
	test.Tap(w.SaveButton)

	if sh.current == nil || sh.current.Number != "123456789" {
		t.Fatalf("current group = %+v, want the new one", sh.current)
	}
	if sh.groupSelect.Selected != "王者荣耀福利群（123456789）" {
		t.Errorf("selector shows %q", sh.groupSelect.Selected)
	}
	if e.Win.Canvas().Overlays().Top() != nil {
		t.Error("the welcome is still open")
	}
}

func TestWelcomeCanLoadDemoData(t *testing.T) {
	e := uitest.NewEnv(t)
	sh := openShell(t, e)
	w := findWelcome(t, sh)
	test.Type(w.Name, "影音会员群")
	test.Type(w.Number, "87654321")
	test.Tap(w.Demo)
	test.Tap(w.SaveButton)

	if len(sh.resources.All()) != datatest.SmallDemo.Resources {
		t.Errorf("catalog shows %d resources after the demo, want %d", len(sh.resources.All()), datatest.SmallDemo.Resources)
	}
	if len(sh.groups) < 1 || sh.current == nil || sh.current.Name != "影音会员群" {
		t.Errorf("the owner's own group should stay current, got %+v", sh.current)
	}
}

// findWelcome is the welcome the shell opened: its entries are the group form's.
func findWelcome(t *testing.T, sh *shell) *groups.Welcome {
	t.Helper()
	if sh.welcome == nil {
		t.Fatal("no welcome was shown")
	}
	return sh.welcome
}

func TestSwitchingGroupReloadsTheShownScreen(t *testing.T) {
	e := uitest.NewEnv(t)
	a := uitest.MustGroup(t, e, "王者群", "11111111")
	b := uitest.MustGroup(t, e, "原神群", "22222222")
	m, _ := data.MemberDraft{QQ: "33333333", Nickname: "只在原神群", Memberships: []data.MembershipDraft{{GroupID: b.ID}}}.Parse(e.Loc)
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	sh := openShell(t, e)
	if sh.current == nil || sh.current.ID != a.ID {
		t.Fatalf("first group should be current, got %+v", sh.current)
	}
	sh.show(sh.membersArea)
	if len(sh.members.All()) != 0 {
		t.Fatalf("王者群 shows %d members, want 0", len(sh.members.All()))
	}
	sh.groupSelect.SetSelected(groupLabel(&b))
	if len(sh.members.All()) != 1 {
		t.Errorf("after switching to 原神群 the member list shows %d, want 1", len(sh.members.All()))
	}
	if got, err := e.Store.CurrentGroupID(); err != nil || got != b.ID {
		t.Errorf("remembered group %d (%v), want %d", got, err, b.ID)
	}
}

// Fyne's own words are Chinese whatever the system language.
func TestFyneSpeaksChinese(t *testing.T) {
	uitest.NewEnv(t)
	for en, zh := range map[string]string{"Cancel": "取消", "OK": "确定", "Yes": "是", "No": "否", "Save": "保存", "Open": "打开", "Copy": "复制", "Paste": "粘贴"} {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
	e := uitest.NewEnv(t)
	dialog.ShowConfirm("删除", "确定吗?", func(bool) {}, e.Win)
	uifind.OverlayButton(t, e.Win, "是")
	uifind.OverlayButton(t, e.Win, "否")
}

func TestOpenFailuresAreExplainedInChinese(t *testing.T) {
	for kind, want := range map[data.OpenErrorKind]string{
		data.OpenInUse:       "已经打开了",
		data.OpenLocked:      "正被其他程序占用",
		data.OpenReadOnly:    "无法写入",
		data.OpenCorrupt:     "已损坏",
		data.OpenNewerSchema: "更新版本",
		data.OpenFailed:      "打开数据时出错",
	} {
		msg := explainOpen(&data.OpenError{Kind: kind, Path: "/x", Err: uitest.ErrTest}, "/数据")
		if !strings.Contains(msg, want) {
			t.Errorf("kind %d: %q lacks %q", kind, msg, want)
		}
		if strings.Contains(msg, uitest.ErrTest.Error()) {
			t.Errorf("kind %d shows the Go error: %q", kind, msg)
		}
	}
}

func TestRefusedOpenShowsDialogThenQuits(t *testing.T) {
	e := uitest.NewEnv(t)
	quit := 0
	o := &opener{app: e.App, win: e.Win, dir: "/数据", quit: func() { quit++ }}
	o.refuse(&data.OpenError{Kind: data.OpenInUse, Err: data.ErrFolderInUse})
	if !strings.Contains(uifind.OverlayText(e.Win), "群活已经打开了") {
		t.Fatalf("dialog says %q", uifind.OverlayText(e.Win))
	}
	if quit != 0 {
		t.Fatal("the app quit before the owner read why")
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "退出群活"))
	if quit != 1 {
		t.Errorf("closing the message quit the app %d times, want once", quit)
	}
}
