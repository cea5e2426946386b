package settings

import (
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

func TestNoticeDaysKeptWithTheData(t *testing.T) {
	e := uitest.NewEnv(t)
	n := newNoticeDays(e)
	uitest.Show(e, n.content())
	n.refresh()
	if n.Choice.Selected != "7 天" {
		t.Fatalf("a new database shows %q, want the default 7 天", n.Choice.Selected)
	}
	n.Choice.SetSelected("14 天")
	e.Tasks.Wait()
	if d, err := e.Store.NoticeDays(); err != nil || d != 14 {
		t.Errorf("saved %d (%v), want 14", d, err)
	}
	if n.status.Text != "√ 已保存" {
		t.Errorf("status %q", n.status.Text)
	}
	// A number kept some other way is shown as it is, not replaced by a choice.
	if err := e.Store.SetNoticeDays(21); err != nil {
		t.Fatal(err)
	}
	n.refresh()
	if n.Choice.Selected != "21 天" {
		t.Errorf("shows %q, want 21 天", n.Choice.Selected)
	}
	if d, _ := e.Store.NoticeDays(); d != 21 {
		t.Errorf("showing the setting changed it to %d", d)
	}
}
