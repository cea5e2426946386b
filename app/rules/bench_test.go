package rules

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// A keystroke in a section of the largest rules an owner can save (30 sections of
// about 1,000 characters): the draft is checked once and every row of the list redrawn.
func BenchmarkKeystrokeLargestRules(b *testing.B) {
	e := uitest.NewEnv(b)
	g := uitest.MustGroup(b, e, "星河卡盟", "812345678")
	ss := make([]rulebook.Section, rulebook.MaxSections)
	for i := range ss {
		ss[i] = rulebook.Section{Title: "规则" + string(rune('A'+i)), Body: strings.Repeat(strings.Repeat("规", 36)+"\n", 25)}
	}
	if _, err := e.Store.SaveRules(g.ID, "", ss); err != nil {
		b.Fatal(err)
	}
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	s.Editor.List.Select(15)
	for b.Loop() {
		test.Type(s.Editor.Title, "字")
	}
	if !strings.Contains(s.Editor.d.sections[15].Title, "字规则P") {
		b.Fatalf("typed into %q", s.Editor.d.sections[15].Title)
	}
}
