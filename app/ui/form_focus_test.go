package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/qunhuo/qunhuo/data"
)

// Saving a form with a problem puts the focus in the field that has it, whichever kind
// of entry it is: the app's own entries must get the focus themselves (not the
// widget.Entry inside them), or they stop passing shortcuts on and Esc stops closing.
func TestProblemFieldGetsTheFocus(t *testing.T) {
	e := newTestEnv(t)
	var problems data.ValidationError
	k := NewFormKit(e, func() error {
		if len(problems) == 0 {
			return nil
		}
		return problems
	}, func() {})
	name := k.Entry("name", "")
	notes := NewMultiLineEntry()
	k.WatchEntry("notes", notes)
	k.Show("表单", container.NewVBox(name, notes), fyne.NewSize(400, 300))
	for _, tc := range []struct {
		field string
		want  fyne.Focusable
	}{{"notes", notes}, {"name", name}} {
		problems = data.ValidationError{{Field: tc.field, Message: "有问题"}}
		k.ShowProblems(problems)
		if got := e.Win.Canvas().Focused(); got != tc.want {
			t.Errorf("a problem at %s focuses %T %p, want %p", tc.field, got, got, tc.want)
		}
	}
}
