package ui

import (
	"image/color"

	"fyne.io/fyne/v2/canvas"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

func LayoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

func Itoa(n int) string { return strconv.Itoa(n) }

// NewSelect makes a select showing selected without calling onChanged for it, so a
// screen's constructor does not react to its own defaults.
func NewSelect(options []string, selected string, onChanged func(string)) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.Selected = selected
	s.OnChanged = onChanged
	return s
}

// Widen gives o at least width, keeping its own height; a select otherwise shrinks to
// its placeholder and cuts long group names.
func Widen(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// WithMinHeight keeps o at least h tall; a scroll container otherwise shrinks to
// almost nothing at the top of a border layout.
func WithMinHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(spacer, o)
}

// Bold is a label in bold: headings of a screen's parts.
func Bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
