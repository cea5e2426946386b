package tickets

import (
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
	label  string // put in the entry when picked
	detail string // shown beside it in the list
	key    string // what the search matches (the record's SearchKey)
}

// picker is an entry to type a name into and a short list of what matches it; picking
// one puts it in the entry. Typing again drops the pick.
type picker struct {
	Entry   *ui.FormEntry
	List    *widget.List
	Picked  *widget.Label
	choices []choice
	shown   []int
	picked  int // in choices; -1: none
	setting bool
	changed func()
}

func newPicker(onEsc func(), hint string, changed func()) *picker {
	p := &picker{picked: -1, changed: changed}
	p.Entry = ui.NewFormEntry(onEsc)
	p.Entry.SetPlaceHolder(hint)
	p.Entry.OnChanged = p.onTyped
	p.List = widget.NewList(func() int { return len(p.shown) }, newRowLabel, p.updateRow)
	p.List.OnSelected = p.onSelected
	p.Picked = widget.NewLabel("")
	p.Picked.Wrapping = fyne.TextWrapWord
	return p
}

func newRowLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateClip
	return l
}

// content is the list under the entry, a few rows tall, and what was picked.
func (p *picker) content(height float32) fyne.CanvasObject {
	return container.NewBorder(nil, p.Picked, nil, nil, ui.WithMinHeight(p.List, height))
}

func (p *picker) setChoices(cs []choice) {
	p.choices, p.picked = cs, -1
	p.showPicked()
	p.filter()
}

func (p *picker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if i < 0 || i >= len(p.shown) {
		l.SetText("")
		return
	}
	c := p.choices[p.shown[i]]
	l.SetText(c.label + " · " + c.detail)
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

// filter lists the choices matching what is typed; nothing typed lists the first few.
func (p *picker) filter() {
	q := data.ParseQuery(p.Entry.Text)
	p.shown = p.shown[:0]
	for i, c := range p.choices {
		if q.Empty() || q.Matches(c.key) {
			p.shown = append(p.shown, i)
			if len(p.shown) == pickerRows {
				break
			}
		}
	}
	p.List.UnselectAll()
	p.List.Refresh()
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
	p.setting = false
	p.showPicked()
	p.changed()
}

func (p *picker) showPicked() {
	if p.picked < 0 {
		p.Picked.SetText("")
		return
	}
	c := p.choices[p.picked]
	p.Picked.SetText("已选：" + c.label + " · " + c.detail)
}

// id is the picked choice's id, or 0.
func (p *picker) id() uint {
	if p.picked < 0 {
		return 0
	}
	return p.choices[p.picked].id
}

// idPtr is the picked choice's id, or nil when none is picked.
func (p *picker) idPtr() *uint {
	if p.picked < 0 {
		return nil
	}
	id := p.choices[p.picked].id
	return &id
}
