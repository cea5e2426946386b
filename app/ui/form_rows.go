package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// FormRow is one line of a form: its label, the field, and the key of the field whose
// problem shows on a line under it ("" for a field without rules, such as a status).
type FormRow struct {
	Label  string
	Key    string
	Widget fyne.CanvasObject
	Beside *FormRow // a second short field on the same line (价格 and 原价), or nil
}

// Form lays rows out as label and field, like Fyne's widget.Form, but every field that
// has rules gets a problem line under it that is there from the start and always one
// line tall: empty while the field is fine, the problem in red when it is not (cut
// with … when long; the summary has it in full). Fyne's form adds the line only when
// a problem appears, which pushed every field below down under the owner's mouse.
//
// A row with a field Beside puts two short fields on one line, so a long form fits the
// window without scrolling; the labels of each column line up.
func (k *FormKit) Form(rows ...FormRow) *fyne.Container {
	var objs []fyne.CanvasObject
	grid := &formGrid{}
	for _, r := range rows {
		line := []fyne.CanvasObject{k.formLabel(r), k.formField(r)}
		if r.Beside != nil {
			line = append(line, k.formLabel(*r.Beside), k.formField(*r.Beside))
		}
		grid.lines = append(grid.lines, line)
		objs = append(objs, line...)
	}
	k.Changed()
	return container.New(grid, objs...)
}

func (k *FormKit) formLabel(r FormRow) fyne.CanvasObject {
	return widget.NewLabelWithStyle(r.Label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// formField is the field with its problem line under it, when it has rules.
func (k *FormKit) formField(r FormRow) fyne.CanvasObject {
	if r.Key == "" {
		return r.Widget
	}
	return container.NewVBox(r.Widget, k.ProblemLine(r.Key))
}

// formGrid lays out lines of label and field, or label, field, label, field: each
// column of labels as wide as its widest, the fields sharing what is left, a field
// alone on its line spanning the whole width. A line is as tall as its tallest cell;
// every cell keeps its own height at the top of the line.
type formGrid struct {
	lines [][]fyne.CanvasObject
}

// labelWidths are the widths of the first and the second column of labels.
func (g *formGrid) labelWidths() (first, second float32) {
	for _, l := range g.lines {
		first = max(first, l[0].MinSize().Width)
		if len(l) == 4 {
			second = max(second, l[2].MinSize().Width)
		}
	}
	return first, second
}

func lineHeight(l []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range l {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (g *formGrid) MinSize([]fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	first, second := g.labelWidths()
	var fields, height float32
	for i, l := range g.lines {
		if len(l) == 4 {
			fields = max(fields, 2*max(l[1].MinSize().Width, l[3].MinSize().Width)+second+2*pad)
		} else {
			fields = max(fields, l[1].MinSize().Width)
		}
		if i > 0 {
			height += pad
		}
		height += lineHeight(l)
	}
	return fyne.NewSize(first+pad+fields, height)
}

func (g *formGrid) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	first, second := g.labelWidths()
	fieldsX := first + pad
	half := (size.Width - fieldsX - second - 2*pad) / 2
	var y float32
	for _, l := range g.lines {
		h := lineHeight(l)
		place := func(o fyne.CanvasObject, x, w float32) {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, o.MinSize().Height)) // a select stays a select's height
		}
		place(l[0], 0, first)
		if len(l) == 4 {
			place(l[1], fieldsX, half)
			place(l[2], fieldsX+half+pad, second)
			place(l[3], fieldsX+half+pad+second+pad, half)
		} else {
			place(l[1], fieldsX, size.Width-fieldsX)
		}
		y += h + pad
	}
}

// ProblemLine is a line that shows the first problem of the fields keys, always one line
// tall. Form puts one under each field; a form puts one under fields that share a rule
// (the seats of a member, one line for every group).
func (k *FormKit) ProblemLine(keys ...string) fyne.CanvasObject {
	note := newNote()
	for _, key := range keys {
		if k.Notes[key] == nil {
			k.Notes[key] = note
		}
	}
	k.lines = append(k.lines, problemLine{keys: keys, label: note})
	return container.NewThemeOverride(note, noteTheme{})
}

// problemLine is a problem line and the fields it speaks for.
type problemLine struct {
	keys  []string
	label *widget.Label
}

// newNote is an empty problem line: caption size, one line, cut with … when long.
func newNote() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.DangerImportance
	return l
}

// setNote shows p on a problem line, or empties it.
func setNote(l *widget.Label, p *data.FieldError) {
	text := ""
	if p != nil {
		text = p.Message
	}
	if l.Text != text {
		l.SetText(text)
	}
}

// noteTheme is the app's theme with little padding around the text, so a problem line
// sits close under its field and takes about 20 px instead of a label's 32.
type noteTheme struct{}

func (noteTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (n noteTheme) Color(c fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return n.current().Color(c, v)
}
func (n noteTheme) Font(s fyne.TextStyle) fyne.Resource     { return n.current().Font(s) }
func (n noteTheme) Icon(i fyne.ThemeIconName) fyne.Resource { return n.current().Icon(i) }

func (n noteTheme) Size(s fyne.ThemeSizeName) float32 {
	if s == theme.SizeNameInnerPadding {
		return 2
	}
	return n.current().Size(s)
}
