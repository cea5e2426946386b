package settings

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/escrow"
)

// The hours an owner picks from for each escrow deadline.
var (
	payHourChoices  = []int{1, 2, 3, 6, 12, 24}
	waitHourChoices = []int{6, 12, 24, 48, 72, 168}
)

// escrowDeadlines is 担保交易's setting: how long a trade may wait for the buyer to pay,
// the seller to deliver and the buyer to confirm before it shows as overdue. A change is
// kept at once and applies to the moves made from then on.
type escrowDeadlines struct {
	env                   *ui.Env
	pay, deliver, confirm *widget.Select
	status                *widget.Label
	loading               bool // set while refresh fills the choices, so that is not a change
}

func newEscrowDeadlines(e *ui.Env) *escrowDeadlines {
	d := &escrowDeadlines{env: e}
	d.pay = widget.NewSelect(hourLabels(payHourChoices), d.onChanged)
	d.deliver = widget.NewSelect(hourLabels(waitHourChoices), d.onChanged)
	d.confirm = widget.NewSelect(hourLabels(waitHourChoices), d.onChanged)
	d.status = widget.NewLabel("")
	d.status.Importance = widget.SuccessImportance
	return d
}

func hourLabels(hs []int) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = hourLabel(h)
	}
	return out
}

func hourLabel(h int) string { return fmt.Sprintf("%d 小时", h) }

func (d *escrowDeadlines) title() string { return "担保交易期限" }

func (d *escrowDeadlines) content() fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel("开单后付款"), d.pay, widget.NewLabel("托管后交付"), d.deliver,
		widget.NewLabel("交付后确认"), d.confirm)
	why := widget.NewLabel("超过期限的交易在「担保交易」里排在最前面并标红，「今日」也会提醒。「担保交易说明」公告里写的也是这里的期限。改了以后，从下一步起按新期限算。")
	why.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(row, why, d.status)
}

func (d *escrowDeadlines) refresh() {
	e := d.env
	e.Tasks.Run(func() {
		dl, err := e.Store.EscrowDeadlines()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			d.show(dl)
		})
	})
}

// show puts the deadlines in the choices without taking it for a change; hours set
// elsewhere that are not a choice are offered too, so the owner sees what is in force.
func (d *escrowDeadlines) show(dl escrow.Deadlines) {
	d.loading = true
	defer func() { d.loading = false }()
	for _, c := range []struct {
		sel  *widget.Select
		wait time.Duration
	}{{d.pay, dl.Pay}, {d.deliver, dl.Deliver}, {d.confirm, dl.Confirm}} {
		l := hourLabel(int(c.wait.Hours()))
		if !slices.Contains(c.sel.Options, l) {
			c.sel.SetOptions(append(slices.Clone(c.sel.Options), l))
		}
		c.sel.SetSelected(l)
	}
}

func (d *escrowDeadlines) onChanged(string) {
	if d.loading {
		return
	}
	var dl escrow.Deadlines
	for _, c := range []struct {
		sel  *widget.Select
		into *time.Duration
	}{{d.pay, &dl.Pay}, {d.deliver, &dl.Deliver}, {d.confirm, &dl.Confirm}} {
		var h int
		if _, err := fmt.Sscanf(c.sel.Selected, "%d 小时", &h); err != nil {
			return // not loaded yet
		}
		*c.into = time.Duration(h) * time.Hour
	}
	e := d.env
	e.Tasks.Run(func() {
		err := e.Store.SetEscrowDeadlines(dl)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			d.status.SetText("√ 已保存")
		})
	})
}
