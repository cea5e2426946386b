package talent

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/talent"
)

// weightsPanel is the formula beside the ranking: one entry per kind of deed. Every
// change re-ranks at once; a weight that is not a whole number 0–100 is named and the
// ranking stays as it was.
type weightsPanel struct {
	env       *ui.Env
	onChanged func()
	edited    bool // the owner changed a weight since the month was loaded
	setting   bool // set is filling the entries: no re-ranking per entry

	Formula *widget.Label
	Entries map[talent.Kind]*ui.Entry
	Problem *widget.Label
	Save    *widget.Button
	Reset   *widget.Button
	form    *fyne.Container
}

func newWeightsPanel(e *ui.Env, onChanged func()) *weightsPanel {
	p := &weightsPanel{env: e, onChanged: onChanged, Entries: map[talent.Kind]*ui.Entry{}}
	p.Formula = widget.NewLabel("")
	p.Formula.TextStyle.Bold = true
	p.Problem = widget.NewLabel("")
	p.Problem.Importance = widget.DangerImportance
	p.Problem.Wrapping = fyne.TextWrapBreak
	p.Problem.Hide()
	p.form = container.New(layout.NewFormLayout())
	for _, k := range talent.Kinds {
		en := ui.NewEntry()
		en.OnChanged = func(string) { p.changed() }
		p.Entries[k] = en
		p.form.Add(widget.NewLabel(k.Label() + " ×"))
		p.form.Add(en)
	}
	p.Save = widget.NewButton("保存为常用权重", p.onSave)
	p.Reset = widget.NewButton("恢复默认", func() { p.edited = true; p.set(talent.DefaultWeights()); p.changed() })
	return p
}

// Content is the panel.
func (p *weightsPanel) Content() fyne.CanvasObject {
	hint := widget.NewLabel("每项是做一次得几分（0–100）；改了马上重新排名。")
	tie := widget.NewLabel(talent.TieRule)
	for _, l := range []*widget.Label{hint, tie} {
		l.Wrapping = fyne.TextWrapBreak
		l.Importance = widget.LowImportance
	}
	return container.NewVScroll(container.NewVBox(ui.Bold("计分公式"), p.Formula, p.form, p.Problem,
		container.NewHBox(p.Save, p.Reset), hint, tie))
}

// set shows w in the entries without counting as the owner's change.
func (p *weightsPanel) set(w talent.Weights) {
	p.setting = true
	for _, k := range talent.Kinds {
		p.Entries[k].SetText(ui.Itoa(w[k]))
	}
	p.setting = false
	p.showFormula()
}

// current is the weights as typed, ok=false when one cannot be read or all are 0.
func (p *weightsPanel) current() (talent.Weights, bool) {
	w := talent.Weights{}
	for _, k := range talent.Kinds {
		n, ok := talent.ParseWeight(p.Entries[k].Text)
		if !ok {
			return nil, false
		}
		w[k] = n
	}
	return w, w.Check() == ""
}

// problem says what is wrong with the weights as typed, "" when nothing.
func (p *weightsPanel) problem() string {
	w := talent.Weights{}
	for _, k := range talent.Kinds {
		n, ok := talent.ParseWeight(p.Entries[k].Text)
		if !ok {
			return "「" + k.Label() + "」的权重须为 0–100 的整数"
		}
		w[k] = n
	}
	return w.Check()
}

func (p *weightsPanel) changed() {
	if p.setting {
		return
	}
	p.edited = true
	p.showFormula()
	p.onChanged()
}

func (p *weightsPanel) showFormula() {
	if msg := p.problem(); msg != "" {
		p.Problem.SetText(msg + "。排名按上次能算的权重显示。")
		p.Problem.Show()
		ui.Enable(p.Save, false)
		return
	}
	p.Problem.Hide()
	w, _ := p.current()
	p.Formula.SetText(formulaLines(w))
	ui.Enable(p.Save, true)
}

func (p *weightsPanel) onSave() {
	w, ok := p.current()
	if !ok {
		return
	}
	e := p.env
	e.Tasks.Run(func() {
		err := e.Store.SetTalentWeights(w)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			p.Problem.Hide()
			p.Formula.SetText(formulaLines(w) + "\n（已保存为常用权重）")
		})
	})
}

// formulaLines is the formula one term a line: a wrapped label beside the entries is
// measured before it has its width, and its second line then hides under them.
func formulaLines(w talent.Weights) string {
	return strings.ReplaceAll(talent.Formula(w), " + ", "\n+ ")
}
