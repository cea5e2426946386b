package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/qunhuo/qunhuo/assets"
)

// brandOrange is QunHuo's colour, the one on its icon.
var brandOrange = color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0xFF}

// buttonOrange is the brand colour a shade deeper, for what carries white text (the
// main buttons, the chosen area in the navigation): white on brandOrange is 3.6:1,
// under WCAG AA's 4.5:1; on this it is 4.7:1.
var buttonOrange = color.NRGBA{R: 0xC9, G: 0x4A, B: 0x0C, A: 0xFF}

// textColours replace Fyne's text colours where they are too faint to read. WCAG AA
// asks 4.5:1 for normal text; Fyne's grey for quieter text (a label of LowImportance:
// 原价, 下架) is #39393A on black and #E3E3E3 on white, about 1.5:1, and its green
// (#43F436), orange (#FF9800) and red (#F44336) on white and its red on a selected dark
// row are under 4.5:1 too. Each colour here reaches 4.5:1 on the background, a hovered
// row and a selected row (theme_test.go measures them). The grey doubles as the text
// of disabled controls, which stay told apart by being grey: the light theme's text is
// darker than Fyne's #565656 so that grey and black differ.
var textColours = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNameDisabled: color.NRGBA{R: 0xA0, G: 0xA0, B: 0xA0, A: 0xFF},
		theme.ColorNameError:    color.NRGBA{R: 0xFF, G: 0x6B, B: 0x5E, A: 0xFF},
	},
	theme.VariantLight: {
		theme.ColorNameForeground: color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xFF},
		theme.ColorNameDisabled:   color.NRGBA{R: 0x63, G: 0x63, B: 0x63, A: 0xFF},
		theme.ColorNameSuccess:    color.NRGBA{R: 0x1E, G: 0x6B, B: 0x24, A: 0xFF},
		theme.ColorNameWarning:    color.NRGBA{R: 0x9A, G: 0x4A, B: 0x00, A: 0xFF},
		theme.ColorNameError:      color.NRGBA{R: 0xB7, G: 0x1C, B: 0x1C, A: 0xFF},
	},
}

// qunhuoTheme is Fyne's theme with the embedded Chinese font and the brand colour, so
// the app looks the same on Windows, macOS and Linux, with or without Chinese fonts.
type qunhuoTheme struct {
	fyne.Theme
	regular, bold fyne.Resource
	look          Look
}

// NewTheme is QunHuo's theme following the system's light or dark, at the standard size.
func NewTheme() fyne.Theme { return NewThemeWith(Look{}) }

// NewThemeWith is QunHuo's theme as the owner set it in 设置.
func NewThemeWith(l Look) fyne.Theme {
	return &qunhuoTheme{
		Theme:   theme.DefaultTheme(),
		regular: fyne.NewStaticResource("NotoSansSC-Regular.otf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.otf", assets.FontBold),
		look:    l,
	}
}

// Size makes text bigger when the owner asked for it; everything else keeps Fyne's sizes.
func (t *qunhuoTheme) Size(n fyne.ThemeSizeName) float32 {
	size := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameCaptionText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText:
		return size * t.look.scale()
	}
	return size
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
	switch t.look.Variant {
	case VariantLight:
		v = theme.VariantLight
	case VariantDark:
		v = theme.VariantDark
	}
	switch n {
	case theme.ColorNamePrimary:
		return buttonOrange
	case theme.ColorNameHyperlink:
		return brandOrange
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0x7F}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xE8, G: 0x59, B: 0x0C, A: 0x30}
	}
	if c, ok := textColours[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

func AppIcon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }
