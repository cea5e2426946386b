package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formKit is what every add/edit dialog shares: entries that check themselves with the
// same rules the store applies, a summary of problems, Save and Cancel, and the dialog.
// Bad input is refused at the field that has it; good input is saved off the UI
// goroutine and the dialog closes only once the store has it.
type formKit struct {
	env     *env
	check   func() error // parses the whole draft; a data.ValidationError names fields
	fields  map[string]*widget.Entry
	order   []string // field keys in the order the form shows them
	summary *widget.Label
	save    *widget.Button
	cancel  *widget.Button
	dlg     dialog.Dialog
}

func newFormKit(e *env, check func() error, onSave func()) *formKit {
	k := &formKit{env: e, check: check, fields: map[string]*widget.Entry{}}
	k.summary = widget.NewLabel("")
	k.summary.Importance = widget.DangerImportance
	k.summary.Wrapping = fyne.TextWrapWord
	k.save = widget.NewButton("保存", onSave)
	k.save.Importance = widget.HighImportance
	k.cancel = widget.NewButton("取消", k.close)
	return k
}

// entry makes a one-line entry that shows the problems of field key; Enter saves.
func (k *formKit) entry(key, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	e.OnSubmitted = func(string) { k.save.OnTapped() }
	k.watch(key, e)
	return e
}

// watch makes e show the problems of field key.
func (k *formKit) watch(key string, e *widget.Entry) {
	e.Validator = k.validator(key)
	k.fields[key] = e
	k.order = append(k.order, key)
}

// validator checks the whole draft and reports only this field's problem, so rules
// that span fields (a deadline after the start) land on the right one.
func (k *formKit) validator(key string) fyne.StringValidator {
	return func(string) error {
		if ve, ok := isValidation(k.check()); ok {
			if fe := ve.For(key); fe != nil {
				return fe
			}
		}
		return nil
	}
}

// showProblems marks every field that has a problem and sums them up above the
// buttons; anything that is not a form problem gets an explaining dialog.
func (k *formKit) showProblems(err error) {
	ve, ok := isValidation(err)
	if !ok {
		showError(k.env.win, err)
		return
	}
	var bad []*widget.Entry
	for _, key := range k.order {
		if fe := ve.For(key); fe != nil {
			e := k.fields[key]
			e.AlwaysShowValidationError = true
			e.SetValidationError(fe)
			bad = append(bad, e)
		}
	}
	k.summary.SetText("请先改正:" + strings.Join(messagesOf(ve), ";"))
	k.reveal(bad)
}

// reveal walks the focus through the fields with problems and leaves it on the first:
// a form shows a field's message under it only once the field has had the focus.
func (k *formKit) reveal(bad []*widget.Entry) {
	if len(bad) == 0 || k.dlg == nil {
		return
	}
	c := k.env.win.Canvas()
	for _, e := range bad {
		c.Focus(e)
	}
	c.Focus(bad[0])
}

// submit refuses a bad draft at its fields, else runs store work in the background and
// closes the dialog when it succeeded, then calls done.
func (k *formKit) submit(work func() error, done func()) {
	if err := k.check(); err != nil {
		k.showProblems(err)
		return
	}
	k.save.Disable()
	k.env.tasks.run(func() {
		err := work()
		fyne.Do(func() {
			k.save.Enable()
			if err != nil {
				k.showProblems(err)
				return
			}
			k.close()
			if done != nil {
				done()
			}
		})
	})
}

// show opens the form in a dialog: the body scrolls, problems and buttons stay below.
func (k *formKit) show(title string, body fyne.CanvasObject, size fyne.Size) {
	buttons := container.NewHBox(layoutSpacer(), k.cancel, k.save)
	content := container.NewBorder(nil, container.NewVBox(k.summary, buttons), nil, nil,
		container.NewVScroll(body))
	k.dlg = dialog.NewCustomWithoutButtons(title, content, k.env.win)
	k.dlg.Resize(size)
	k.dlg.Show()
}

func (k *formKit) close() {
	if k.dlg != nil {
		k.dlg.Hide()
	}
}
