package settings

import (
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// The promise shows what is in force and a choice is kept at once.
func TestTicketPromise(t *testing.T) {
	e := uitest.NewEnv(t)
	p := newTicketPromise(e)
	uitest.Show(e, p.content())
	p.refresh()
	if p.Choice.Selected != "24 小时" {
		t.Fatalf("shows %q, want the default 24 小时", p.Choice.Selected)
	}
	p.Choice.SetSelected("8 小时")
	if h, err := e.Store.TicketPromiseHours(); err != nil || h != 8 {
		t.Fatalf("kept %d, %v", h, err)
	}
	if err := e.Store.SetTicketPromiseHours(30); err != nil {
		t.Fatal(err)
	}
	p.refresh()
	if p.Choice.Selected != "30 小时" {
		t.Fatalf("hours set elsewhere show as %q", p.Choice.Selected)
	}
	if h, _ := e.Store.TicketPromiseHours(); h != 30 {
		t.Fatalf("showing it changed it to %d", h)
	}
}
