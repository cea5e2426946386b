package settings

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

var (
	variantLabels = []string{"跟随系统", "浅色", "深色"}
	variants      = []string{ui.VariantSystem, ui.VariantLight, ui.VariantDark}
	scaleLabels   = []string{"标准", "大", "特大"}
)

// appearance is light, dark or following the system, and the text size. A change
// applies at once and is kept with the data.
type appearance struct {
	env     *ui.Env
	look    ui.Look
	variant *widget.RadioGroup
	size    *widget.RadioGroup
	status  *widget.Label
	loading bool // set while refresh fills the choices, so that is not a change
}

func newAppearance(e *ui.Env) *appearance {
	a := &appearance{env: e}
	a.variant = widget.NewRadioGroup(variantLabels, a.onChanged)
	a.variant.Horizontal = true
	a.variant.Required = true
	a.size = widget.NewRadioGroup(scaleLabels, a.onChanged)
	a.size.Horizontal = true
	a.size.Required = true
	a.status = widget.NewLabel("")
	a.status.Importance = widget.SuccessImportance
	return a
}

func (a *appearance) title() string { return "外观" }

func (a *appearance) content() fyne.CanvasObject {
	form := container.New(layout.NewFormLayout(), widget.NewLabel("颜色"), a.variant, widget.NewLabel("文字大小"), a.size)
	return container.NewVBox(form, a.status)
}

func (a *appearance) refresh() {
	e := a.env
	e.Tasks.Run(func() {
		l, err := ui.LoadLook(e.Store)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			a.show(l)
		})
	})
}

// show puts the look in the choices without taking it for a change.
func (a *appearance) show(l ui.Look) {
	a.loading = true
	defer func() { a.loading = false }()
	a.look = l
	a.variant.SetSelected(variantLabels[max(0, slices.Index(variants, l.Variant))])
	a.size.SetSelected(scaleLabels[max(0, slices.Index(ui.TextScales, l.Scale))])
}

// onChanged applies the chosen look to the window and keeps it in the database.
func (a *appearance) onChanged(string) {
	if a.loading {
		return
	}
	l := ui.Look{
		Variant: variants[max(0, slices.Index(variantLabels, a.variant.Selected))],
		Scale:   ui.TextScales[max(0, slices.Index(scaleLabels, a.size.Selected))],
	}
	a.look = l
	a.env.App.Settings().SetTheme(ui.NewThemeWith(l))
	e := a.env
	e.Tasks.Run(func() {
		err := ui.SaveLook(e.Store, l)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			a.status.SetText(fmt.Sprintf("√ 已改为%s、%s文字，下次打开也是这样。", a.variant.Selected, a.size.Selected))
		})
	})
}
