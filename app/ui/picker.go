package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// pickerRows is how many matches a picker offers: the best few, never a whole list.
const pickerRows = 30

// Choice is one thing a Picker offers: a member, a resource.
type Choice struct {
	ID     uint
	Label  string // put in the entry when picked: 小明 10001
	Detail string // shown beside it in the list: a trade record, a price
	Key    string // what the search matches (the record's SearchKey)
	Warn   bool   // shown in the warning colour: a member with disputes
}

// Picker is an entry to type a name into (QQ number, name, pinyin) and a short list of
// what matches it; Enter or a click picks one and puts it in the entry. Typing again
// drops the pick. Forms watch its Entry like any other field.
type Picker struct {
	Entry   *FormEntry
	List    *widget.List
	Picked  *widget.Label // what was picked, with its detail
	listBox fyne.CanvasObject
	choices []Choice
	Shown   []int // the choices the list shows, best first
	picked  int   // in choices; -1: none
	setting bool
	changed func() // after the pick changed
}

// NewPicker makes a picker whose entry closes the form on Esc (onEsc) and shows hint;
// changed is called after the pick changed. The list shows listHeight of rows.
func NewPicker(onEsc func(), hint string, listHeight float32, changed func()) *Picker {
	p := &Picker{picked: -1, changed: changed}
	p.Entry = NewFormEntry(onEsc)
	p.Entry.SetPlaceHolder(hint)
	p.Entry.OnChanged = p.onTyped
	p.Entry.OnSubmitted = func(string) { p.pickFirst() }
	p.List = widget.NewList(func() int { return len(p.Shown) }, newPickerRow, p.updateRow)
	p.List.OnSelected = p.onSelected
	p.Picked = widget.NewLabel("")
	p.Picked.Wrapping = fyne.TextWrapBreak
	p.Picked.Hide()
	p.listBox = WithMinHeight(p.List, listHeight)
	return p
}

func newPickerRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateClip
	return l
}

// Content is the list while the owner looks for one; once one is picked, what was
// picked in its place. The entry goes above it, in the form's row.
func (p *Picker) Content() fyne.CanvasObject {
	return container.NewVBox(p.listBox, p.Picked)
}

// SetChoices gives the picker what it offers. A pick stays when the new choices still
// have it, by ID.
func (p *Picker) SetChoices(cs []Choice) {
	was := p.ID()
	p.choices, p.picked = cs, -1
	for i, c := range cs {
		if was != 0 && c.ID == was {
			p.picked = i
		}
	}
	p.showPicked()
	p.filter()
}

func (p *Picker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if i < 0 || i >= len(p.Shown) {
		l.SetText("")
		return
	}
	c := p.choices[p.Shown[i]]
	l.Importance = widget.MediumImportance
	if c.Warn {
		l.Importance = widget.WarningImportance
	}
	l.SetText(c.Label + "  " + c.Detail)
}

func (p *Picker) onTyped(string) {
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

// filter lists the choices matching what is typed; nothing typed lists the first few.
func (p *Picker) filter() {
	q := data.ParseQuery(p.Entry.Text)
	p.Shown = p.Shown[:0]
	for i, c := range p.choices {
		if q.Matches(c.Key) {
			p.Shown = append(p.Shown, i)
			if len(p.Shown) == pickerRows {
				break
			}
		}
	}
	p.List.UnselectAll()
	p.List.Refresh()
}

// pickFirst takes the best match, so Enter picks without the mouse.
func (p *Picker) pickFirst() {
	if p.picked < 0 && len(p.Shown) > 0 {
		p.pick(p.Shown[0])
	}
}

func (p *Picker) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(p.Shown) {
		return
	}
	p.pick(p.Shown[i])
}

// pick takes choices[i]: its label goes in the entry.
func (p *Picker) pick(i int) {
	p.picked = i
	p.setting = true
	p.Entry.SetText(p.choices[i].Label)
	p.Entry.CursorColumn = utf8.RuneCountInString(p.Entry.Text) // after the name, not where typing stopped
	p.Entry.Refresh()
	p.setting = false
	p.showPicked()
	p.changed()
}

func (p *Picker) showPicked() {
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
	if c.Warn {
		p.Picked.Importance = widget.WarningImportance
	}
	p.Picked.SetText("已选：" + c.Label + "，" + c.Detail)
}

// ID is the picked choice's ID, or 0.
func (p *Picker) ID() uint {
	if p.picked < 0 {
		return 0
	}
	return p.choices[p.picked].ID
}

// IDPtr is the picked choice's ID, or nil when none is picked.
func (p *Picker) IDPtr() *uint {
	if p.picked < 0 {
		return nil
	}
	id := p.choices[p.picked].ID
	return &id
}

// Pick picks the choice with id, as if the owner had (an edit form showing what was
// saved); no choice has id: nothing changes.
func (p *Picker) Pick(id uint) {
	for i, c := range p.choices {
		if c.ID == id {
			p.pick(i)
			return
		}
	}
}
