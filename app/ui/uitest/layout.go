package uitest

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Relayout lays out everything the window shows again, its dialogs too, as a real
// window does before it draws the next frame: Fyne's test canvas skips that pass, so
// without it a field that grew would push nothing down in a test.
func Relayout(win fyne.Window) {
	c := win.Canvas()
	relayout(c.Content())
	for _, o := range c.Overlays().List() {
		relayout(o)
	}
}

func relayout(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch v := o.(type) {
	case *fyne.Container:
		if v.Layout != nil {
			v.Layout.Layout(v.Objects, v.Size())
		}
		for _, child := range v.Objects {
			relayout(child)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(v)
		r.Layout(v.Size())
		for _, child := range r.Objects() {
			relayout(child)
		}
	}
}

// Places are where objects sit in the window and how big they are, to compare before
// and after something changed.
type Places []string

// PlacesOf lays the window out again and notes where each object sits in it.
func PlacesOf(win fyne.Window, objs ...fyne.CanvasObject) Places {
	Relayout(win)
	d := fyne.CurrentApp().Driver()
	out := make(Places, len(objs))
	for i, o := range objs {
		p, s := d.AbsolutePositionForObject(o), o.Size()
		out[i] = fmt.Sprintf("(%.0f,%.0f %.0f×%.0f)", p.X, p.Y, s.Width, s.Height)
	}
	return out
}
