package settings

import (
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

func TestInsightSilenceKeptWithTheData(t *testing.T) {
	e := uitest.NewEnv(t)
	n := newInsightSilence(e)
	uitest.Show(e, n.content())
	n.refresh()
	if n.Choice.Selected != "14 天" {
		t.Fatalf("a new database shows %q, want the default 14 天", n.Choice.Selected)
	}
	n.Choice.SetSelected("30 天")
	e.Tasks.Wait()
	if d, err := e.Store.InsightSilentDays(); err != nil || d != 30 {
		t.Errorf("saved %d (%v), want 30", d, err)
	}
	rules, err := e.Store.InsightRules()
	if err != nil || rules.SilentDays != 30 {
		t.Errorf("the rules use %d (%v)", rules.SilentDays, err)
	}
	if err := e.Store.SetInsightSilentDays(0); err == nil {
		t.Error("0 days accepted")
	}
}
