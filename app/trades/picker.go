package trades

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// pickerRows is how many matches a picker offers: the best few, never a whole list.
const pickerRows = 30

// choice is one thing a picker offers: a member or a resource.
type choice struct {
	id     uint
	label  string // put in the entry when picked: 小明 10001
	detail string // shown beside it in the list: the trade record, the price
	key    string // what the search matches (the record's SearchKey)
	warn   bool   // shown in the warning colour: a member with disputes
}

// picker is an entry to type a name into and a short list of what matches it; picking
// one puts it in the entry. Typing again drops the pick.
type picker struct {
	Entry   *ui.FormEntry
	List    *widget.List
	Picked  *widget.Label // what was picked, with its detail
	listBox fyne.CanvasObject
	choices []choice
	shown   []int
	picked  int // in choices; -1: none
	setting bool
	changed func() // after the pick changed
}

func newPicker(onEsc func(), hint string, changed func()) *picker {
	p := &picker{picked: -1, changed: changed}
	p.Entry = ui.NewFormEntry(onEsc)
	p.Entry.SetPlaceHolder(hint)
	p.Entry.OnChanged = p.onTyped
	p.Entry.OnSubmitted = func(string) { p.pickFirst() }
	p.List = widget.NewList(func() int { return len(p.shown) }, newRowLabel, p.updateRow)
	p.List.OnSelected = p.onSelected
	p.Picked = widget.NewLabel("")
	p.Picked.Wrapping = fyne.TextWrapWord
	p.Picked.Hide()
	p.listBox = ui.WithMinHeight(p.List, 88)
	return p
}

func newRowLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateClip
	return l
}

// content is the entry's list, a few rows tall, while the owner looks for one; once
// one is picked, what was picked in its place.
func (p *picker) content() fyne.CanvasObject {
	return container.NewVBox(p.listBox, p.Picked)
}

func (p *picker) setChoices(cs []choice) {
	p.choices = cs
	p.filter()
}

func (p *picker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if i < 0 || i >= len(p.shown) {
		l.SetText("")
		return
	}
	c := p.choices[p.shown[i]]
	l.Importance = widget.MediumImportance
	if c.warn {
		l.Importance = widget.WarningImportance
	}
	l.SetText(c.label + "  " + c.detail)
}

func (p *picker) onTyped(string) {
	if p.setting {
		return
	}
	if p.picked >= 0 {
		p.picked = -1
		p.showPicked()
		p.changed()
	}
	p.filter()
}

func (p *picker) filter() {
	q := data.ParseQuery(p.Entry.Text)
	p.shown = p.shown[:0]
	for i, c := range p.choices {
		if q.Matches(c.key) {
			p.shown = append(p.shown, i)
			if len(p.shown) == pickerRows {
				break
			}
		}
	}
	p.List.UnselectAll()
	p.List.Refresh()
}

// pickFirst takes the best match, so Enter picks without the mouse.
func (p *picker) pickFirst() {
	if p.picked < 0 && len(p.shown) > 0 {
		p.pick(p.shown[0])
	}
}

func (p *picker) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(p.shown) {
		return
	}
	p.pick(p.shown[i])
}

// pick takes choices[i]: its label goes in the entry.
func (p *picker) pick(i int) {
	p.picked = i
	p.setting = true
	p.Entry.SetText(p.choices[i].label)
	p.Entry.CursorColumn = utf8.RuneCountInString(p.Entry.Text) // after the name, not where typing stopped
	p.Entry.Refresh()
	p.setting = false
	p.showPicked()
	p.changed()
}

func (p *picker) showPicked() {
	if p.picked < 0 {
		p.Picked.SetText("")
		p.Picked.Hide()
		p.listBox.Show()
		return
	}
	p.listBox.Hide()
	p.Picked.Show()
	c := p.choices[p.picked]
	p.Picked.Importance = widget.MediumImportance
	if c.warn {
		p.Picked.Importance = widget.WarningImportance
	}
	p.Picked.SetText("已选：" + c.label + "，" + c.detail)
}

// id is the picked choice's id, or 0.
func (p *picker) id() uint {
	if p.picked < 0 {
		return 0
	}
	return p.choices[p.picked].id
}
