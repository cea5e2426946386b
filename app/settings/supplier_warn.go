package settings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/reliability"
)

// supplierWarnChoices are the invalid-rate lines an owner picks from, in percent.
var supplierWarnChoices = []int{5, 10, 15, 20, 25, 30, 40, 50}

// supplierWarn is the blacklist's one setting: above which invalid rate adding a
// resource from a supplier shows a warning. A change is kept at once.
type supplierWarn struct {
	env     *ui.Env
	percent *widget.Select
	status  *widget.Label
	loading bool // set while refresh fills the choice, so that is not a change
}

func newSupplierWarn(e *ui.Env) *supplierWarn {
	w := &supplierWarn{env: e}
	opts := make([]string, len(supplierWarnChoices))
	for i, p := range supplierWarnChoices {
		opts[i] = percentLabel(p)
	}
	w.percent = widget.NewSelect(opts, w.onChanged)
	w.status = widget.NewLabel("")
	w.status.Importance = widget.SuccessImportance
	return w
}

func percentLabel(p int) string { return fmt.Sprintf("%d%%", p) }

func (w *supplierWarn) title() string { return "失效名单" }

func (w *supplierWarn) content() fyne.CanvasObject {
	row := container.NewHBox(widget.NewLabel("供应商的失效率高于"), w.percent, widget.NewLabel("时，新增或编辑它的资源会提醒"))
	why := widget.NewLabel(fmt.Sprintf("只提醒，不拦着保存。供过至少 %d 个资源的供应商才评判：只供过一两个的，一次失效就是 50%%–100%%，说明不了什么。",
		reliability.MinResources))
	why.Wrapping = fyne.TextWrapWord
	return container.NewVBox(row, why, w.status)
}

func (w *supplierWarn) refresh() {
	e := w.env
	e.Tasks.Run(func() {
		p, err := e.Store.SupplierWarnPercent()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			w.show(p)
		})
	})
}

// show puts p in the choice without taking it for a change; a line set elsewhere that
// is not a choice is offered too, so the owner sees what is in force.
func (w *supplierWarn) show(p int) {
	w.loading = true
	defer func() { w.loading = false }()
	if !slices.Contains(w.percent.Options, percentLabel(p)) {
		w.percent.SetOptions(append(slices.Clone(w.percent.Options), percentLabel(p)))
	}
	w.percent.SetSelected(percentLabel(p))
}

func (w *supplierWarn) onChanged(label string) {
	if w.loading {
		return
	}
	var p int
	if _, err := fmt.Sscanf(label, "%d%%", &p); err != nil {
		return
	}
	e := w.env
	e.Tasks.Run(func() {
		err := e.Store.SetSupplierWarnPercent(p)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			w.status.SetText("√ 已保存")
		})
	})
}
