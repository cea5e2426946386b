package groups

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// A problem that appears while the owner types, or after 保存, moves no field and no
// button: a click aimed at the field below lands in it.
func TestGroupFormProblemsMoveNothing(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, func(uint) {})
	uitest.Show(e, s.Content())
	test.Tap(s.addButton)
	f := s.form
	where := func() uitest.Places {
		return uitest.PlacesOf(e.Win, f.Name, f.Number, f.notes, f.SaveButton)
	}
	before := where()

	test.Type(f.Number, "12ab")
	if err := f.Number.Validate(); err == nil {
		t.Fatal("a group number with letters was accepted")
	}
	if got := f.Notes["number"].Text; !strings.Contains(got, "群号") {
		t.Errorf("the line under 群号 says %q while it is wrong", got)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("a problem while typing moved the form:\nbefore %v\nafter  %v", before, after)
	}

	test.Tap(f.SaveButton) // the empty name is a problem now too
	if got := f.Notes["name"].Text; !strings.Contains(got, "群名称") {
		t.Errorf("the line under 群名称 says %q after 保存", got)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("problems after 保存 moved the form:\nbefore %v\nafter  %v", before, after)
	}

	f.Number.SetText("")
	test.Type(f.Number, "765432198")
	test.Type(f.Name, "原神资源互助群")
	if got := f.Notes["number"].Text + f.Notes["name"].Text; got != "" {
		t.Errorf("fixed fields still show %q", got)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("fixing the fields moved the form:\nbefore %v\nafter  %v", before, after)
	}
}

// The summary above the buttons always says what is wrong now: it shrinks as the owner
// fixes fields and is empty once all is well.
func TestGroupFormSummaryFollowsTheFields(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, func(uint) {})
	uitest.Show(e, s.Content())
	test.Tap(s.addButton)
	f := s.form
	if f.Summary.Text != "" {
		t.Fatalf("a new form starts with a summary: %q", f.Summary.Text)
	}
	test.Tap(f.SaveButton)
	if !strings.Contains(f.Summary.Text, "群名称") || !strings.Contains(f.Summary.Text, "群号") {
		t.Fatalf("summary after an empty 保存 = %q, want both fields", f.Summary.Text)
	}
	test.Type(f.Name, "原神资源互助群")
	if strings.Contains(f.Summary.Text, "群名称") || !strings.Contains(f.Summary.Text, "群号") {
		t.Errorf("summary after the name was typed = %q, want only the number", f.Summary.Text)
	}
	test.Type(f.Number, "1234")
	if !strings.Contains(f.Summary.Text, "5–12") {
		t.Errorf("summary with a 4-digit number = %q, want the rule", f.Summary.Text)
	}
	test.Type(f.Number, "5")
	if f.Summary.Text != "" {
		t.Errorf("summary when all is well = %q, want it empty", f.Summary.Text)
	}
}

// After an empty 开始使用 the welcome still shows the demo check box and what the demo
// adds, above the summary: nothing slides into a scroll area.
func TestWelcomeKeepsTheDemoInViewAfterProblems(t *testing.T) {
	e := uitest.NewEnv(t)
	e.Win.Resize(fyne.NewSize(1280, 800))
	w := ShowWelcome(e, func(uint, bool) {})
	if !strings.Contains(w.DemoNote.Text, "示例群") {
		t.Errorf("the welcome does not say the demo adds a group: %q", w.DemoNote.Text)
	}
	before := uitest.PlacesOf(e.Win, w.Name, w.Number, w.Demo, w.DemoNote, w.SaveButton)
	test.Tap(w.SaveButton)
	if !strings.Contains(w.Summary.Text, "群名称") {
		t.Fatalf("an empty 开始使用 was not refused: %q", w.Summary.Text)
	}
	after := uitest.PlacesOf(e.Win, w.Name, w.Number, w.Demo, w.DemoNote, w.SaveButton)
	if !slices.Equal(before, after) {
		t.Errorf("problems moved the welcome:\nbefore %v\nafter  %v", before, after)
	}
	d := fyne.CurrentApp().Driver()
	noteBottom := d.AbsolutePositionForObject(w.DemoNote).Y + w.DemoNote.Size().Height
	if summaryTop := d.AbsolutePositionForObject(w.Summary).Y; noteBottom > summaryTop {
		t.Errorf("the demo text ends at %.0f, below the top of the summary at %.0f: it is cut off", noteBottom, summaryTop)
	}
}

// A saved group is confirmed on the screen and selected in the list once it reloads.
func TestSavedGroupIsConfirmedAndSelected(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	var s *Screen
	s = NewScreen(e, func(uint) { // the shell reloads the groups after a change
		gs, _ := e.Store.Groups()
		s.Apply(gs)
	})
	uitest.Show(e, s.Content())
	gs, _ := e.Store.Groups()
	s.Apply(gs)
	test.Tap(s.addButton)
	test.Type(s.form.Name, "原神资源互助群")
	test.Type(s.form.Number, "765432198")
	test.Tap(s.form.SaveButton)

	if s.selected < 0 || s.groups[s.selected].Name != "原神资源互助群" {
		t.Errorf("selected %d in %v, want the saved group", s.selected, s.groups)
	}
	if got := s.notice.Text(); !strings.Contains(got, "已保存「原神资源互助群」") {
		t.Errorf("notice = %q", got)
	}
}

// What only the store can refuse (a group number already added) shows under the field
// and in the summary until the owner changes that field.
func TestGroupFormShowsTheStoresRefusalUntilTheFieldChanges(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	s := NewScreen(e, func(uint) {})
	uitest.Show(e, s.Content())
	test.Tap(s.addButton)
	f := s.form
	test.Type(f.Name, "原神资源互助群")
	test.Type(f.Number, "123456789")
	test.Tap(f.SaveButton)
	if got := f.Notes["number"].Text; !strings.Contains(got, "已经添加过了") {
		t.Fatalf("the line under 群号 says %q after the store refused the number", got)
	}
	test.Type(f.notes, "周末活动多") // another field: the refusal stays
	if !strings.Contains(f.Summary.Text, "已经添加过了") {
		t.Errorf("the refusal left the summary when another field changed: %q", f.Summary.Text)
	}
	test.Type(f.Number, "0")
	if f.Notes["number"].Text != "" || f.Summary.Text != "" {
		t.Errorf("after the number changed: line %q, summary %q", f.Notes["number"].Text, f.Summary.Text)
	}
}
