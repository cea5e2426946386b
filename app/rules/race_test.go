package rules

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// With work on real goroutines (run under -race): loading, saving, the history's
// versions and a restore read and write the database off the UI goroutine and touch
// widgets only in fyne.Do.
func TestRulesOnGoroutines(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	s := NewScreen(e)
	// A notice takes itself away after 5 s in a fyne.Do from a timer; Fyne's test
	// driver runs fyne.Do on the caller's goroutine, so under a loaded -race run that
	// redraw raced the screen's own (not so in the app, where fyne.Do is serialised).
	// The notices here stay, as with inline tasks.
	s.notice = ui.NewNotice(&ui.Env{Tasks: &ui.Tasks{Inline: true}})
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	e.Tasks.Wait()
	test.Tap(s.Editor.SaveButton)
	e.Tasks.Wait()
	e.Tasks.Wait() // the reload the save started
	s.Editor.List.Select(4)
	test.Type(s.Editor.Title, "严禁")
	test.Tap(s.Editor.SaveButton)
	for range 3 {
		e.Tasks.Wait() // the save, the reload, the history's version
	}
	if s.History.List.Length() != 2 || !strings.Contains(s.History.String(), "标题由「禁止事项」改为「严禁禁止事项」") {
		t.Fatalf("history %d versions:\n%s", s.History.List.Length(), s.History.String())
	}
	s.History.List.Select(1)
	e.Tasks.Wait()
	test.Tap(s.History.RestoreButton)
	test.Tap(uifind.OverlayButton(t, e.Win, "恢复"))
	for range 3 {
		e.Tasks.Wait()
	}
	if h, _ := e.Store.RuleHistory(g.ID); len(h) != 3 || s.History.List.Length() != 3 {
		t.Fatalf("after restore: %d versions stored, %d listed", len(h), s.History.List.Length())
	}
}
