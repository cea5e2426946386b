package groups

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

func TestGroupsAddEditDelete(t *testing.T) {
	e := uitest.NewEnv(t)
	var changedTo []uint
	s := NewScreen(e, func(id uint) { changedTo = append(changedTo, id) })
	uitest.Show(e, s.Content())
	test.Tap(s.addButton)
	f := s.form
	test.Type(f.Name, "原神资源互助群")
	test.Type(f.Number, "1234")
	test.Tap(f.SaveButton)
	if err := f.Number.Validate(); err == nil {
		t.Fatal("a 4-digit group number was accepted")
	}
	f.Number.SetText("765432198")
	test.Tap(f.SaveButton)
	gs, _ := e.Store.Groups()
	if len(gs) != 1 || gs[0].Name != "原神资源互助群" || len(changedTo) != 1 || changedTo[0] != gs[0].ID {
		t.Fatalf("groups %+v, changed %v", gs, changedTo)
	}
	s.Apply(gs)
	s.list.Select(0)
	test.Tap(s.deleteBtn)
	if !strings.Contains(uifind.OverlayText(e.Win), "原神资源互助群") {
		t.Fatalf("the delete confirmation does not name the group: %q", uifind.OverlayText(e.Win))
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "删除"))
	if gs, _ := e.Store.Groups(); len(gs) != 0 {
		t.Errorf("group not deleted")
	}
}
