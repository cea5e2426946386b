package settings

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// Choosing 深色 and 大 applies at once, is kept in the database, and shows again when
// the settings are opened anew.
func TestAppearanceAppliesAndIsKept(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	a := s.appearance
	if a.variant.Selected != "跟随系统" || a.size.Selected != "标准" {
		t.Fatalf("a new database shows %q, %q; want 跟随系统, 标准", a.variant.Selected, a.size.Selected)
	}
	a.variant.SetSelected("深色")
	a.size.SetSelected("大")
	th := e.App.Settings().Theme()
	if got, want := th.Color(theme.ColorNameBackground, theme.VariantLight), theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark); got != want {
		t.Errorf("深色 on a light system draws the background %v, want the dark %v", got, want)
	}
	if got, want := th.Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText)*1.15; got != want {
		t.Errorf("大 makes text %v, want %v", got, want)
	}
	l, err := ui.LoadLook(e.Store)
	if err != nil || l.Variant != ui.VariantDark || l.Scale != 1.15 {
		t.Fatalf("kept look %+v (%v), want dark at 1.15", l, err)
	}
	again := NewScreen(e, Links{})
	uitest.Show(e, again.Content())
	again.Refresh()
	if again.appearance.variant.Selected != "深色" || again.appearance.size.Selected != "大" {
		t.Errorf("reopened settings show %q, %q", again.appearance.variant.Selected, again.appearance.size.Selected)
	}
}

// The template buttons open the editor of their kind of post.
func TestTemplateButtonsOpenTheirEditor(t *testing.T) {
	e := uitest.NewEnv(t)
	var opened []data.PostKind
	s := NewScreen(e, Links{EditTemplate: func(k data.PostKind) { opened = append(opened, k) }})
	uitest.Show(e, s.Content())
	tpl := s.sections[3].(*templates)
	test.Tap(tpl.index)
	test.Tap(tpl.stock)
	if len(opened) != 2 || opened[0] != data.PostIndex || opened[1] != data.PostNewStock {
		t.Errorf("opened %v", opened)
	}
}
