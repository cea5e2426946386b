package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// FormKit is what every add/edit dialog shares: entries that check themselves with the
// same rules the store applies, a summary of problems, Save and Cancel, and the dialog.
// Bad input is refused at the field that has it; good input is saved off the UI
// goroutine and the dialog closes only once the store has it.
type FormKit struct {
	Env          *Env
	check        func() error // parses the whole draft; a data.ValidationError names fields
	Fields       map[string]*widget.Entry
	order        []string // field keys in the order the form shows them
	Summary      *widget.Label
	SaveButton   *widget.Button
	CancelButton *widget.Button
	dlg          dialog.Dialog
	MustAnswer   bool // Esc does not close it (the welcome: the app needs a group)
}

func NewFormKit(e *Env, check func() error, onSave func()) *FormKit {
	k := &FormKit{Env: e, check: check, Fields: map[string]*widget.Entry{}}
	k.Summary = widget.NewLabel("")
	k.Summary.Importance = widget.DangerImportance
	k.Summary.Wrapping = fyne.TextWrapWord
	k.SaveButton = widget.NewButton("保存", onSave)
	k.SaveButton.Importance = widget.HighImportance
	k.CancelButton = widget.NewButton("取消", k.Close)
	return k
}

// entry makes a one-line entry that shows the problems of field key; Enter saves.
func (k *FormKit) Entry(key, hint string) *FormEntry {
	e := NewFormEntry(k.escape)
	e.SetPlaceHolder(hint)
	e.OnSubmitted = func(string) { k.SaveButton.OnTapped() }
	k.Watch(key, &e.Entry)
	return e
}

// escape closes the form, unless it must be answered (the welcome).
func (k *FormKit) escape() {
	if !k.MustAnswer {
		k.Close()
	}
}

// watch makes e show the problems of field key.
func (k *FormKit) Watch(key string, e *widget.Entry) {
	e.Validator = k.Validator(key)
	k.Fields[key] = e
	k.order = append(k.order, key)
}

// validator checks the whole draft and reports only this field's problem, so rules
// that span fields (a deadline after the start) land on the right one.
func (k *FormKit) Validator(key string) fyne.StringValidator {
	return func(string) error {
		if ve, ok := IsValidation(k.check()); ok {
			if fe := ve.For(key); fe != nil {
				return fe
			}
		}
		return nil
	}
}

// showProblems marks every field that has a problem and sums them up above the
// buttons; anything that is not a form problem gets an explaining dialog.
func (k *FormKit) ShowProblems(err error) {
	ve, ok := IsValidation(err)
	if !ok {
		k.Env.ShowError(err)
		return
	}
	var bad []*widget.Entry
	for _, key := range k.order {
		if fe := ve.For(key); fe != nil {
			e := k.Fields[key]
			e.AlwaysShowValidationError = true
			e.SetValidationError(fe)
			bad = append(bad, e)
		}
	}
	k.Summary.SetText("请先改正:" + strings.Join(MessagesOf(ve), ";"))
	k.reveal(bad)
}

// reveal walks the focus through the fields with problems and leaves it on the first:
// a form shows a field's message under it only once the field has had the focus.
func (k *FormKit) reveal(bad []*widget.Entry) {
	if len(bad) == 0 || k.dlg == nil {
		return
	}
	c := k.Env.Win.Canvas()
	for _, e := range bad {
		c.Focus(e)
	}
	c.Focus(bad[0])
}

// submit refuses a bad draft at its fields, else runs store work in the background and
// closes the dialog when it succeeded, then calls done.
func (k *FormKit) Submit(work func() error, done func()) {
	if err := k.check(); err != nil {
		k.ShowProblems(err)
		return
	}
	k.SaveButton.Disable()
	k.Env.Tasks.Run(func() {
		err := work()
		fyne.Do(func() {
			k.SaveButton.Enable()
			if err != nil {
				k.ShowProblems(err)
				return
			}
			k.Close()
			if done != nil {
				done()
			}
		})
	})
}

// show opens the form in a dialog: the body scrolls, problems and buttons stay below.
func (k *FormKit) Show(title string, body fyne.CanvasObject, size fyne.Size) {
	buttons := container.NewHBox(LayoutSpacer(), k.CancelButton, k.SaveButton)
	content := container.NewBorder(nil, container.NewVBox(k.Summary, buttons), nil, nil,
		container.NewVScroll(body))
	k.dlg = dialog.NewCustomWithoutButtons(title, content, k.Env.Win)
	k.dlg.Resize(size)
	k.dlg.Show()
	if !k.MustAnswer {
		EscCloses(k.Env.Win, k.dlg)
	}
}

func (k *FormKit) Close() {
	if k.dlg != nil {
		k.dlg.Hide()
	}
}
