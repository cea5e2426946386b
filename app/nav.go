package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/app/ui"
)

// section is a heading of the navigation: areas are grouped the way an owner thinks of
// the work (资源, 成员, 交易与售后, 活动, 积分, 数据), not by how the code is laid out.
type section struct {
	title string
	areas []*area
}

// nav is the column of areas on the left: headings and one button per area, packed
// tight so that 15 areas and their headings fit a 1280×800 window without scrolling.
// Ctrl (⌘ on macOS) + 1…9 opens the first nine areas in the order shown.
type nav struct {
	sections []section
	buttons  map[*area]*widget.Button
	order    []*area
	onPick   func(a *area)
	box      *fyne.Container
}

func newNav(sections []section, onPick func(a *area)) *nav {
	n := &nav{sections: sections, buttons: map[*area]*widget.Button{}, onPick: onPick}
	n.box = container.New(layout.NewCustomPaddedVBoxLayout(0))
	for _, sec := range sections {
		if sec.title != "" {
			n.box.Add(sectionHeading(sec.title))
		}
		for _, a := range sec.areas {
			b := widget.NewButtonWithIcon(a.title, a.icon, func() { n.onPick(a) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			n.buttons[a] = b
			n.order = append(n.order, a)
			n.box.Add(b)
		}
	}
	return n
}

// sectionHeading is a small, quiet heading over a group of areas.
func sectionHeading(title string) fyne.CanvasObject {
	t := canvas.NewText(title, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.CaptionTextSize()
	t.TextStyle = fyne.TextStyle{Bold: true}
	return container.New(layout.NewCustomPaddedLayout(theme.Padding(), 0, theme.Padding()*2, 0), t)
}

func (n *nav) content() fyne.CanvasObject {
	hint := canvas.NewText(shortcutHint(), theme.Color(theme.ColorNameForeground))
	hint.TextSize = theme.CaptionTextSize()
	compact := container.NewThemeOverride(n.box, compactTheme{fyne.CurrentApp().Settings().Theme()})
	return container.NewBorder(nil, container.NewPadded(hint), nil, nil, container.NewVScroll(container.NewPadded(compact)))
}

// compactTheme packs the navigation's buttons closer than elsewhere (inner padding 4
// instead of 8): 20 areas and 7 headings fit 800 pixels with room for the top bar. A
// shorter window scrolls the navigation.
type compactTheme struct{ fyne.Theme }

func (t compactTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding {
		return 4
	}
	return t.Theme.Size(n)
}

// shortcutHint tells the owner how to switch areas by keyboard.
func shortcutHint() string {
	if fyne.CurrentDevice().IsMobile() {
		return ""
	}
	return fmt.Sprintf("快捷键：%s+数字 切换", modifierName())
}

// select marks a as the shown area.
func (n *nav) selectArea(a *area) {
	for other, b := range n.buttons {
		want := widget.LowImportance
		if other == a {
			want = widget.HighImportance
		}
		if b.Importance != want {
			b.Importance = want
			b.Refresh()
		}
	}
}

// shortcuts registers Ctrl/Cmd+1…9 on the canvas for the first nine areas.
func (n *nav) shortcuts(c fyne.Canvas) {
	for i, a := range n.order {
		if i >= 9 {
			break
		}
		ui.AddWindowShortcut(c, areaShortcut(i), func(fyne.Shortcut) { n.onPick(a) })
	}
}

// areaShortcut is Ctrl (Cmd on macOS) with the digit of the i-th area, from 1.
func areaShortcut(i int) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(string(rune('1' + i))), Modifier: fyne.KeyModifierShortcutDefault}
}
