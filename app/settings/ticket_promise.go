package settings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

// promiseHourChoices are the first-response promises an owner picks from.
var promiseHourChoices = []int{2, 4, 8, 12, 24, 48, 72}

// ticketPromise is 售后工单's one setting: within how many hours of opening a ticket
// the owner promises a first response. A change is kept at once and applies to
// tickets opened from then on.
type ticketPromise struct {
	env     *ui.Env
	Hours   *widget.Select
	status  *widget.Label
	loading bool // set while refresh fills the choice, so that is not a change
}

func newTicketPromise(e *ui.Env) *ticketPromise {
	p := &ticketPromise{env: e}
	opts := make([]string, len(promiseHourChoices))
	for i, h := range promiseHourChoices {
		opts[i] = promiseLabel(h)
	}
	p.Hours = widget.NewSelect(opts, p.onChanged)
	p.status = widget.NewLabel("")
	p.status.Importance = widget.SuccessImportance
	return p
}

func promiseLabel(h int) string { return fmt.Sprintf("%d 小时", h) }

func (p *ticketPromise) title() string { return "售后工单" }

func (p *ticketPromise) content() fyne.CanvasObject {
	why := widget.NewLabel("开单后在这段时间内首次回复成员。快到期（剩 2 小时）和已超时的工单排在最上面，「今日」会提醒，群活开着时还会弹出桌面通知。改动只对之后开的工单有效。")
	why.Wrapping = fyne.TextWrapWord
	row := container.NewHBox(widget.NewLabel("承诺开单后"), p.Hours, widget.NewLabel("内首次回复"))
	return container.NewVBox(row, why, p.status)
}

func (p *ticketPromise) refresh() {
	e := p.env
	e.Tasks.Run(func() {
		h, err := e.Store.TicketPromiseHours()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			p.show(h)
		})
	})
}

// show puts h in the choice without taking it for a change; hours set elsewhere that
// are not a choice are offered too, so the owner sees what is in force.
func (p *ticketPromise) show(h int) {
	p.loading = true
	defer func() { p.loading = false }()
	if !slices.Contains(promiseHourChoices, h) {
		p.Hours.SetOptions(append(slices.Clone(p.Hours.Options), promiseLabel(h)))
	}
	p.Hours.SetSelected(promiseLabel(h))
}

func (p *ticketPromise) onChanged(label string) {
	if p.loading {
		return
	}
	var h int
	if _, err := fmt.Sscanf(label, "%d 小时", &h); err != nil {
		return
	}
	e := p.env
	e.Tasks.Run(func() {
		err := e.Store.SetTicketPromiseHours(h)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			p.status.SetText("√ 已保存，之后开的工单按 " + promiseLabel(h) + "计时")
		})
	})
}
