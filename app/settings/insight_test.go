package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/insight"
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

func TestRequestWordsKeptAndRefused(t *testing.T) {
	e := uitest.NewEnv(t)
	r := newRequestWords(e)
	uitest.Show(e, r.content())
	r.refresh()
	r.Words.SetText("蹲一个、跪求 收个")
	test.Tap(r.Save)
	if ws, err := e.Store.InsightRequestWords(); err != nil || strings.Join(ws, "|") != "蹲一个|跪求|收个" {
		t.Fatalf("saved %q (%v)", ws, err)
	}
	rules, _ := e.Store.InsightRules()
	if !insight.IsRequest("跪求王者点券", rules) {
		t.Error("the owner's word does not mark a request")
	}
	r.Words.SetText("这是一个特别特别长的求助说法")
	test.Tap(r.Save)
	if !strings.Contains(r.Problem.Text, "太长了") {
		t.Errorf("problem %q", r.Problem.Text)
	}
	r.refresh()
	if r.Words.Text != "蹲一个、跪求、收个" {
		t.Errorf("shown %q", r.Words.Text)
	}
}
