package settings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// numberChoice is a section that keeps one number the owner picks from a few choices
// (a notice window in days, a promise in hours, a warning line in percent): a choice
// rather than typing, so nothing can be typed wrong. A change is kept at once.
type numberChoice struct {
	numberSpec
	env     *ui.Env
	Choice  *widget.Select
	status  *widget.Label
	loading bool // set while refresh fills the choice, so that is not a change
}

// numberSpec is what one numberChoice section is about.
type numberSpec struct {
	heading       string
	before, after string // the words either side of the choice
	why           string // a line under it: what the number does
	choices       []int
	format        string // how a number shows, such as "%d 天"
	load          func(s *data.Store) (int, error)
	save          func(s *data.Store, n int) error
	saved         func(label string) string // the status after a save; nil: √ 已保存
}

func newNumberChoice(e *ui.Env, spec numberSpec) *numberChoice {
	c := &numberChoice{numberSpec: spec, env: e}
	opts := make([]string, len(spec.choices))
	for i, n := range spec.choices {
		opts[i] = c.label(n)
	}
	c.Choice = widget.NewSelect(opts, c.onChanged)
	c.status = widget.NewLabel("")
	c.status.Importance = widget.SuccessImportance
	return c
}

func (c *numberChoice) label(n int) string { return fmt.Sprintf(c.format, n) }

func (c *numberChoice) title() string { return c.heading }

func (c *numberChoice) content() fyne.CanvasObject {
	why := widget.NewLabel(c.why)
	why.Wrapping = fyne.TextWrapBreak
	row := container.NewHBox(widget.NewLabel(c.before), c.Choice, widget.NewLabel(c.after))
	return container.NewVBox(row, why, c.status)
}

func (c *numberChoice) refresh() {
	e := c.env
	e.Tasks.Run(func() {
		n, err := c.load(e.Store)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			c.show(n)
		})
	})
}

// show puts n in the choice without taking it for a change; a number set elsewhere
// that is not a choice is offered too, so the owner sees what is in force.
func (c *numberChoice) show(n int) {
	c.loading = true
	defer func() { c.loading = false }()
	if !slices.Contains(c.Choice.Options, c.label(n)) {
		c.Choice.SetOptions(append(slices.Clone(c.Choice.Options), c.label(n)))
	}
	c.Choice.SetSelected(c.label(n))
}

func (c *numberChoice) onChanged(label string) {
	if c.loading {
		return
	}
	var n int
	if _, err := fmt.Sscanf(label, c.format, &n); err != nil {
		return
	}
	e := c.env
	e.Tasks.Run(func() {
		err := c.save(e.Store, n)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			text := "√ 已保存"
			if c.saved != nil {
				text = c.saved(label)
			}
			c.status.SetText(text)
		})
	})
}
