package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/assets"
)

// brandOrange is QunHuo's colour, the one on its icon.
var brandOrange = color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0xFF}

// qunhuoTheme is Fyne's theme with the embedded Chinese font and the brand colour, so
// the app looks the same on Windows, macOS and Linux, with or without Chinese fonts.
type qunhuoTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
}

func NewTheme() fyne.Theme {
	return &qunhuoTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansSC-Regular.otf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.otf", assets.FontBold),
	}
}

func (t *qunhuoTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return t.bold
	}
	return t.regular
}

func (t *qunhuoTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return brandOrange
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0x7F}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0x30}
	}
	return t.Theme.Color(n, v)
}

func AppIcon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }
