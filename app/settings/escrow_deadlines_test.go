package settings

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/escrow"
)

func TestEscrowDeadlinesSection(t *testing.T) {
	e := uitest.NewEnv(t)
	d := newEscrowDeadlines(e)
	uitest.Show(e, d.content())
	d.refresh()
	if d.pay.Selected != "2 小时" || d.deliver.Selected != "24 小时" || d.confirm.Selected != "24 小时" || d.status.Text != "" {
		t.Fatalf("defaults shown as %q %q %q; status %q", d.pay.Selected, d.deliver.Selected, d.confirm.Selected, d.status.Text)
	}
	d.deliver.SetSelected("48 小时")
	got, err := e.Store.EscrowDeadlines()
	want := escrow.Deadlines{Pay: 2 * time.Hour, Deliver: 48 * time.Hour, Confirm: 24 * time.Hour}
	if err != nil || got != want || d.status.Text != "√ 已保存" {
		t.Fatalf("saved %v (%v), status %q", got, err, d.status.Text)
	}
	// Hours set elsewhere that are not a choice still show.
	if err := e.Store.SetEscrowDeadlines(escrow.Deadlines{Pay: 5 * time.Hour, Deliver: 24 * time.Hour, Confirm: 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	d.refresh()
	if d.pay.Selected != "5 小时" {
		t.Fatalf("pay shows %q", d.pay.Selected)
	}
}
