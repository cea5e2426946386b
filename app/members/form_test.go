package members

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// Problems in the member form, while typing and after 保存, move no field: the seats
// below the tags stay where the owner's mouse is.
func TestMemberFormProblemsMoveNothing(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	s := openMembers(t, e, &g)
	test.Tap(s.addButton)
	f := s.form
	where := func() uitest.Places {
		return uitest.PlacesOf(e.Win, f.qq, f.nickname, f.interests, f.segments, f.notes,
			f.seats[0].cardName, f.seats[0].joined, f.SaveButton)
	}
	before := where()

	test.Type(f.qq, "12")
	if got := f.Notes["qq"].Text; !strings.Contains(got, "QQ号") {
		t.Errorf("the line under QQ号 says %q while it is wrong", got)
	}
	test.Type(f.seats[0].joined, "昨天")
	if got := f.Notes["joined_on"].Text; !strings.Contains(got, "入群日期") {
		t.Errorf("the line under the seats says %q while a date is wrong", got)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("problems while typing moved the form:\nbefore %v\nafter  %v", before, after)
	}
	test.Tap(f.SaveButton)
	if !strings.Contains(f.Summary.Text, "QQ号") || !strings.Contains(f.Summary.Text, "入群日期") {
		t.Errorf("summary after 保存 = %q", f.Summary.Text)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("problems after 保存 moved the form:\nbefore %v\nafter  %v", before, after)
	}

	test.Type(f.qq, "3456789")
	f.seats[0].joined.SetText("2026-11-01")
	if f.Summary.Text != "" || f.Notes["qq"].Text != "" || f.Notes["joined_on"].Text != "" {
		t.Errorf("fixed form still says %q / %q / %q", f.Summary.Text, f.Notes["qq"].Text, f.Notes["joined_on"].Text)
	}
	if after := where(); !slices.Equal(before, after) {
		t.Errorf("fixing the form moved it:\nbefore %v\nafter  %v", before, after)
	}
}
