package rules

import (
	"slices"

	"github.com/qunhuo/qunhuo/data/rulebook"
)

// draft is a group's rules as the owner edits them, before they are saved.
type draft struct {
	baseID   uint               // the version it started from; 0 for the defaults
	base     []rulebook.Section // what that version says
	sections []rulebook.Section
	note     string
	selected int // the section shown in the editor
}

func newDraft(baseID uint, base []rulebook.Section) *draft {
	return &draft{baseID: baseID, base: base, sections: slices.Clone(base)}
}

// dirty tells whether the owner changed anything since the version it started from.
func (d *draft) dirty() bool {
	return d.note != "" || !rulebook.Same(d.base, d.sections)
}

// add puts an empty section after the selected one and selects it.
func (d *draft) add() {
	at := min(d.selected+1, len(d.sections))
	d.sections = slices.Insert(d.sections, at, rulebook.Section{})
	d.selected = at
}

// remove takes the selected section out and returns it.
func (d *draft) remove() rulebook.Section {
	if len(d.sections) == 0 {
		return rulebook.Section{}
	}
	i := d.selected
	gone := d.sections[i]
	d.sections = slices.Delete(d.sections, i, i+1)
	d.selected = max(0, min(i, len(d.sections)-1))
	return gone
}

// move swaps the selected section with the one by steps (-1 up, 1 down), if any.
func (d *draft) move(by int) bool {
	i, j := d.selected, d.selected+by
	if i < 0 || j < 0 || j >= len(d.sections) {
		return false
	}
	d.sections[i], d.sections[j] = d.sections[j], d.sections[i]
	d.selected = j
	return true
}
