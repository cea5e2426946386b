package settings

import (
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// The supplier warning line shows the default, keeps a choice with the data, and shows
// a line set some other way as it is.
func TestSupplierWarnKeptWithTheData(t *testing.T) {
	e := uitest.NewEnv(t)
	w := newSupplierWarn(e)
	uitest.Show(e, w.content())
	w.refresh()
	if w.Choice.Selected != "20%" {
		t.Fatalf("a new database shows %q, want the default 20%%", w.Choice.Selected)
	}
	if text := uifind.LabelTexts(w.content()); !strings.Contains(text, "至少 3 个资源") {
		t.Errorf("the section does not say suppliers are judged from 3 resources:\n%s", text)
	}
	w.Choice.SetSelected("30%")
	e.Tasks.Wait()
	if p, err := e.Store.SupplierWarnPercent(); err != nil || p != 30 {
		t.Errorf("saved %d (%v), want 30", p, err)
	}
	if w.status.Text != "√ 已保存" {
		t.Errorf("status %q", w.status.Text)
	}
	if err := e.Store.SetSupplierWarnPercent(33); err != nil {
		t.Fatal(err)
	}
	w.refresh()
	if w.Choice.Selected != "33%" {
		t.Errorf("shows %q, want 33%%", w.Choice.Selected)
	}
	if p, _ := e.Store.SupplierWarnPercent(); p != 33 {
		t.Errorf("showing the setting changed it to %d", p)
	}
}
