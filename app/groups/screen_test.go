package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestGroupsAddEditDelete(t *testing.T) {
	e := newTestEnv(t)
	var changedTo []uint
	s := newGroupsScreen(e, func(id uint) { changedTo = append(changedTo, id) })
	e.show(s.content())
	test.Tap(s.addButton)
	f := s.form
	test.Type(f.name, "原神资源互助群")
	test.Type(f.number, "1234")
	test.Tap(f.save)
	if err := f.number.Validate(); err == nil {
		t.Fatal("a 4-digit group number was accepted")
	}
	f.number.SetText("765432198")
	test.Tap(f.save)
	gs, _ := e.store.Groups()
	if len(gs) != 1 || gs[0].Name != "原神资源互助群" || len(changedTo) != 1 || changedTo[0] != gs[0].ID {
		t.Fatalf("groups %+v, changed %v", gs, changedTo)
	}
	s.apply(gs)
	s.list.Select(0)
	test.Tap(s.deleteBtn)
	if !strings.Contains(overlayText(e), "原神资源互助群") {
		t.Fatalf("the delete confirmation does not name the group: %q", overlayText(e))
	}
	test.Tap(overlayButton(t, e, "删除"))
	if gs, _ := e.store.Groups(); len(gs) != 0 {
		t.Errorf("group not deleted")
	}
}
