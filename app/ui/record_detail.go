package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Field is one value of a record as the detail pane shows it: 名称：王者荣耀点券 60元.
type Field struct {
	Label, Value string
}

// FieldGap separates two fields on a line of the detail pane: the embedded font has no
// ideographic space, and fewer spaces ran the fields together.
const FieldGap = "      "

// detailHeight fits three lines of text: most records, with their notes, in full.
const detailHeight = 84

// RecordDetail shows every field of the record selected in a table, each value in full:
// the table's cells clip what is longer than their column.
type RecordDetail struct {
	Text   *widget.RichText
	hint   string
	scroll *container.Scroll
	shown  []Field // what the pane shows; nil for the hint
}

// NewRecordDetail makes an empty pane that says hint until a record is shown.
func NewRecordDetail(hint string) *RecordDetail {
	d := &RecordDetail{Text: widget.NewRichText(), hint: hint}
	d.Text.Wrapping = fyne.TextWrapBreak
	d.scroll = container.NewVScroll(d.Text)
	d.showHint()
	return d
}

// Content is the pane, a fixed height so the table above does not jump when a record
// with long notes is picked; longer details scroll.
func (d *RecordDetail) Content() fyne.CanvasObject {
	return container.NewBorder(widget.NewSeparator(), nil, nil, nil, WithMinHeight(d.scroll, detailHeight))
}

// Show lists fields as 名称：value, each value in full; empty values are left out.
// A field is one segment, its gap to the next at its end: a line breaks between
// fields, never between a label and its value or before a gap.
func (d *RecordDetail) Show(fields []Field) {
	if d.shown != nil && slices.Equal(d.shown, fields) {
		return // a search keystroke over 20,000 rows need not lay the pane out again
	}
	d.shown = slices.Clone(fields)
	var segs []widget.RichTextSegment
	for _, f := range fields {
		if f.Value == "" {
			continue
		}
		if n := len(segs); n > 0 {
			segs[n-1].(*widget.TextSegment).Text += FieldGap
		}
		segs = append(segs, &widget.TextSegment{Text: f.Label + "：" + f.Value, Style: widget.RichTextStyleInline})
	}
	d.set(segs)
}

// Clear shows the hint again.
func (d *RecordDetail) Clear() {
	if d.shown != nil {
		d.shown = nil
		d.showHint()
	}
}

func (d *RecordDetail) showHint() {
	hint := widget.RichTextStyleInline
	hint.ColorName = theme.ColorNameDisabled // the theme's grey for quieter text
	d.set([]widget.RichTextSegment{&widget.TextSegment{Text: d.hint, Style: hint}})
}

func (d *RecordDetail) set(segs []widget.RichTextSegment) {
	d.Text.Segments = segs
	d.Text.Refresh()
	d.scroll.ScrollToTop()
}

// String is the pane's text, as the owner reads it.
func (d *RecordDetail) String() string { return d.Text.String() }
