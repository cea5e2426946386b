package settings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

// noticeDayChoices are the notice windows an owner picks from.
var noticeDayChoices = []int{1, 3, 5, 7, 10, 14, 30, 60, 90}

// noticeDays is 精准匹配's one setting: for how many days a member told about a
// resource is not pushed the same resource again. A change is kept at once.
type noticeDays struct {
	env     *ui.Env
	days    *widget.Select
	status  *widget.Label
	loading bool // set while refresh fills the choice, so that is not a change
}

func newNoticeDays(e *ui.Env) *noticeDays {
	n := &noticeDays{env: e}
	opts := make([]string, len(noticeDayChoices))
	for i, d := range noticeDayChoices {
		opts[i] = dayLabel(d)
	}
	n.days = widget.NewSelect(opts, n.onChanged)
	n.status = widget.NewLabel("")
	n.status.Importance = widget.SuccessImportance
	return n
}

func dayLabel(d int) string { return fmt.Sprintf("%d 天", d) }

func (n *noticeDays) title() string { return "精准匹配" }

func (n *noticeDays) content() fyne.CanvasObject {
	why := widget.NewLabel("同一个资源，告知过的成员在这段时间里不再被点名，免得一件事反复推给同一个人。")
	why.Wrapping = fyne.TextWrapWord
	row := container.NewHBox(widget.NewLabel("告知过的成员"), n.days, widget.NewLabel("内不再点名"))
	return container.NewVBox(row, why, n.status)
}

func (n *noticeDays) refresh() {
	e := n.env
	e.Tasks.Run(func() {
		d, err := e.Store.NoticeDays()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			n.show(d)
		})
	})
}

// show puts d in the choice without taking it for a change; a number set elsewhere
// that is not a choice is offered too, so the owner sees what is in force.
func (n *noticeDays) show(d int) {
	n.loading = true
	defer func() { n.loading = false }()
	if !slices.Contains(noticeDayChoices, d) {
		n.days.SetOptions(append(slices.Clone(n.days.Options), dayLabel(d)))
	}
	n.days.SetSelected(dayLabel(d))
}

func (n *noticeDays) onChanged(label string) {
	if n.loading {
		return
	}
	var d int
	if _, err := fmt.Sscanf(label, "%d 天", &d); err != nil {
		return
	}
	e := n.env
	e.Tasks.Run(func() {
		err := e.Store.SetNoticeDays(d)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			n.status.SetText("√ 已保存")
		})
	})
}
