// Package uifind finds widgets in what a screen shows, for tests: a button by its text,
// the labels of a dialog. It imports only Fyne.
package uifind

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// OverlayButton finds a button by its text in the window's top overlay (a dialog).
func OverlayButton(t testing.TB, win fyne.Window, text string) *widget.Button {
	t.Helper()
	top := win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing; wanted a button %q", text)
	}
	if b := FindButton(top, text); b != nil {
		return b
	}
	t.Fatalf("the dialog has no button %q", text)
	return nil
}

// FindButton finds a button by its text under o, or nil.
func FindButton(o fyne.CanvasObject, text string) *widget.Button {
	if b, ok := o.(*widget.Button); ok && b.Text == text {
		return b
	}
	for _, child := range Children(o) {
		if b := FindButton(child, text); b != nil {
			return b
		}
	}
	return nil
}

// OverlayText collects the text of every label in the top overlay.
func OverlayText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return LabelTexts(top)
}

// LabelTexts collects the text of every label under o, a line each.
func LabelTexts(o fyne.CanvasObject) string {
	var out strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out.WriteString(l.Text + "\n")
		}
		for _, c := range Children(o) {
			walk(c)
		}
	}
	walk(o)
	return out.String()
}

// Children are the objects drawn inside o: a container's objects or a widget's.
func Children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case fyne.Widget:
		return test.WidgetRenderer(v).Objects()
	}
	return nil
}

// ButtonTexts lists the texts of every button under o.
func ButtonTexts(o fyne.CanvasObject) string {
	out := ""
	if b, ok := o.(*widget.Button); ok {
		out += b.Text + "\n"
	}
	for _, c := range Children(o) {
		out += ButtonTexts(c)
	}
	return out
}
