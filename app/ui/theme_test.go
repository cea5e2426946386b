package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
)

// tableImportances are the importances list screens give their cells: text, 原价 and
// 下架, 在售, 售罄, 失效 (the catalog's screen test holds it to these).
var tableImportances = []widget.Importance{
	widget.MediumImportance, widget.LowImportance, widget.SuccessImportance,
	widget.WarningImportance, widget.DangerImportance,
}

// fixedVariant is a theme that draws one variant whatever the system prefers.
type fixedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

// TestListTextContrast draws a record table and its detail pane with text of every
// importance, in the dark and the light theme, and measures each drawn text colour
// against what can be behind it (the background, the header row, a hovered row, a
// selected row) by WCAG's contrast ratio: AA asks 4.5:1 for normal text.
func TestListTextContrast(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		name := map[fyne.ThemeVariant]string{theme.VariantDark: "深色", theme.VariantLight: "浅色"}[v]
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := fixedVariant{NewTheme(), v}
			a.Settings().SetTheme(th)
			table := NewRecordTable([]Column{{Title: "名称", Width: 200}},
				func() int { return len(tableImportances) },
				func(row, _ int, l *widget.Label) {
					l.Importance = tableImportances[row]
					l.SetText(fmt.Sprintf("原价 ¥%d", row))
				}, func(int) {})
			detail := NewRecordDetail("点选一行")
			w := test.NewWindow(tableAbovePane(table, detail.Content()))
			defer w.Close()
			w.Resize(fyne.NewSize(400, 600))

			bg := th.Color(theme.ColorNameBackground, v)
			behind := map[string]color.Color{
				"背景":   bg,
				"表头":   th.Color(theme.ColorNameHeaderBackground, v),
				"悬停的行": over(bg, th.Color(theme.ColorNameHover, v)),
				"选中的行": over(bg, th.Color(theme.ColorNameSelection, v)),
			}
			texts := drawnTexts(w.Content())
			if len(texts) < len(tableImportances)+2 { // the cells, the title, the hint
				t.Fatalf("found %d texts drawn, want every cell's, the title and the hint", len(texts))
			}
			for _, txt := range texts {
				for where, b := range behind {
					if r := contrast(txt.Color, b); r < 4.5 {
						t.Errorf("「%s」 %v on %s %v: %.2f:1, under 4.5:1", txt.Text, hex(txt.Color), where, hex(b), r)
					}
				}
			}
		})
	}
}

func tableAbovePane(top, bottom fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: borderBottom{}, Objects: []fyne.CanvasObject{top, bottom}}
}

// borderBottom lays out the table above the pane, as a screen does.
type borderBottom struct{}

func (borderBottom) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := objs[1].MinSize().Height
	objs[0].Resize(fyne.NewSize(size.Width, size.Height-h))
	objs[1].Move(fyne.NewPos(0, size.Height-h))
	objs[1].Resize(fyne.NewSize(size.Width, h))
}

func (borderBottom) MinSize(objs []fyne.CanvasObject) fyne.Size { return fyne.NewSize(100, 100) }

// drawnTexts are the canvas texts drawn under o, with something to read.
func drawnTexts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	if txt, ok := o.(*canvas.Text); ok && txt.Visible() && strings.TrimSpace(txt.Text) != "" {
		out = append(out, txt)
	}
	for _, c := range uifind.Children(o) {
		out = append(out, drawnTexts(c)...)
	}
	return out
}

// over is fg drawn with its alpha over the opaque bg.
func over(bg, fg color.Color) color.Color {
	b, f := color.NRGBAModel.Convert(bg).(color.NRGBA), color.NRGBAModel.Convert(fg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-a) + float64(y)*a)) }
	return color.NRGBA{R: mix(b.R, f.R), G: mix(b.G, f.G), B: mix(b.B, f.B), A: 0xFF}
}

// contrast is WCAG 2's contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(n.R) + 0.7152*channel(n.G) + 0.0722*channel(n.B)
}

func hex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B)
}

func TestContrastFormula(t *testing.T) {
	black, white := color.Black, color.White
	if r := contrast(black, white); math.Abs(r-21) > 0.01 {
		t.Errorf("black on white = %.2f, want 21", r)
	}
	// WebAIM's checker gives #767676 on white 4.54:1, the lightest grey that passes AA.
	if r := contrast(color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xFF}, white); math.Abs(r-4.54) > 0.01 {
		t.Errorf("#767676 on white = %.2f, want 4.54", r)
	}
}

// TestButtonTextContrast draws a button of every importance the screens use, enabled,
// in both themes, and measures its text against its own background: white on the
// brand orange (#E8590C) was 3.6:1.
func TestButtonTextContrast(t *testing.T) {
	for v, name := range map[fyne.ThemeVariant]string{theme.VariantDark: "深色", theme.VariantLight: "浅色"} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(fixedVariant{NewTheme(), v})
		for _, imp := range []widget.Importance{widget.MediumImportance, widget.HighImportance, widget.DangerImportance} {
			b := widget.NewButton("新增资源", func() {})
			b.Importance = imp
			w := test.NewWindow(b)
			bg := buttonBackground(b)
			if bg == nil {
				t.Fatalf("importance %v: found no background drawn", imp)
			}
			for _, txt := range drawnTexts(b) {
				if r := contrast(txt.Color, bg); r < 4.5 {
					t.Errorf("%s, importance %v: 「%s」 %v on %v: %.2f:1, under 4.5:1", name, imp, txt.Text, hex(txt.Color), hex(bg), r)
				}
			}
			w.Close()
		}
	}
}

// buttonBackground is the colour of the first opaque rectangle a button draws.
func buttonBackground(b *widget.Button) color.Color {
	for _, o := range uifind.Children(b) {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor != nil {
			if _, _, _, a := r.FillColor.RGBA(); a == 0xFFFF {
				return r.FillColor
			}
		}
	}
	return nil
}
