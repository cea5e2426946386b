package catalog

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
)

// Problems that appear while the owner types, and after 保存, move no field of the
// resource form: the one below stays under the mouse.
func TestResourceFormProblemsMoveNothing(t *testing.T) {
	e := uitest.NewEnv(t)
	e.Win.Resize(fyne.NewSize(1280, 800))
	s := openResources(t, e)
	test.Tap(s.addButton)
	e.Tasks.Wait()
	f := s.form
	where := func() uitest.Places {
		return uitest.PlacesOf(e.Win, f.name, f.category, f.price, f.original, f.redeem, f.stock,
			f.validFrom, f.validUntil, f.supplier, f.status, f.tags, f.notes, f.SaveButton)
	}
	before := where()
	steps := []struct {
		what string
		do   func()
		says string // under which field, what
		key  string
	}{
		{"a negative price", func() { test.Type(f.price, "-5") }, "价格不能为负数", "price"},
		{"stock 0 on sale", func() { test.Type(f.stock, "0") }, "", ""},
		{"a deadline before the start", func() {
			test.Type(f.validFrom, "2026-12-12")
			test.Type(f.validUntil, "2026-12-10")
		}, "截止时间必须晚于开始时间", "valid_until"},
		{"保存 with an empty name", func() { test.Tap(f.SaveButton) }, "名称不能为空", "name"},
		{"the fields fixed", func() {
			test.Type(f.name, "Steam钱包 50元")
			f.price.SetText("45")
			f.validFrom.SetText("")
		}, "", ""},
	}
	for _, st := range steps {
		st.do()
		if st.key != "" && !strings.Contains(f.Notes[st.key].Text, st.says) {
			t.Errorf("after %s the line under %s says %q, want %q", st.what, st.key, f.Notes[st.key].Text, st.says)
		}
		if after := where(); !slices.Equal(before, after) {
			t.Errorf("%s moved the form:\nbefore %v\nafter  %v", st.what, before, after)
		}
	}
	if f.Summary.Text != "" {
		t.Errorf("the summary still says %q once every field is fixed", f.Summary.Text)
	}
}
