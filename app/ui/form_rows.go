package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
}

// Form lays rows out as label and field, like Fyne's widget.Form, but every field that
// has rules gets a problem line under it that is there from the start and always one
// line tall: empty while the field is fine, the problem in red when it is not (cut
// with … when long; the summary has it in full). Fyne's form adds the line only when
// a problem appears, which pushed every field below down under the owner's mouse.
func (k *FormKit) Form(rows ...FormRow) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, r := range rows {
		label := widget.NewLabelWithStyle(r.Label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		field := r.Widget
		if r.Key != "" {
			field = container.NewVBox(r.Widget, k.ProblemLine(r.Key))
		}
		objs = append(objs, label, field)
	}
	k.Changed()
	return container.New(layout.NewFormLayout(), objs...)
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
