package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// FormKit is what every add/edit dialog shares: entries that check themselves with the
// same rules the store applies, a line under each field for its problem, a summary of
// problems, Save and Cancel, and the dialog. Bad input is refused at the field that has
// it; good input is saved off the UI goroutine and the dialog closes only once the
// store has it.
//
// Nothing in a form moves when a problem appears or goes: each field's problem line
// always takes one line (see Form), so a click aimed at a field lands in it.
type FormKit struct {
	Env          *Env
	check        func() error // parses the whole draft; a data.ValidationError names fields
	Fields       map[string]*widget.Entry
	Notes        map[string]*widget.Label // the problem line of each field: its problem, or empty
	lines        []problemLine
	order        []string // field keys in the order the form shows them
	Summary      *widget.Label
	SaveButton   *widget.Button
	CancelButton *widget.Button
	dlg          dialog.Dialog
	scroll       *container.Scroll
	MustAnswer   bool // Esc does not close it (the welcome: the app needs a group)

	tried    bool                      // 保存 was pressed: from then on every problem shows
	problems data.ValidationError      // the draft's problems as last checked
	refused  []refusal                 // what the store refused, while its field is unchanged
	marks    map[string]string         // what each entry's red mark last showed
	focus    map[string]fyne.Focusable // what the canvas focuses for each field
	typed    map[string]bool           // checked entries that are not Fields (seats) had text
}

// refusal is a problem only the store can find (a name already taken): it stays while
// its field holds the text that was refused.
type refusal struct {
	problem *data.FieldError
	text    string
}

func NewFormKit(e *Env, check func() error, onSave func()) *FormKit {
	k := &FormKit{Env: e, check: check, Fields: map[string]*widget.Entry{},
		Notes: map[string]*widget.Label{}, focus: map[string]fyne.Focusable{}, marks: map[string]string{}, typed: map[string]bool{}}
	k.Summary = widget.NewLabel("")
	k.Summary.Importance = widget.DangerImportance
	k.Summary.Wrapping = fyne.TextWrapBreak
	k.SaveButton = widget.NewButton("保存", onSave)
	k.SaveButton.Importance = widget.HighImportance
	k.CancelButton = widget.NewButton("取消", k.Close)
	return k
}

// Entry makes a one-line entry that shows the problems of field key; Enter saves.
func (k *FormKit) Entry(key, hint string) *FormEntry {
	e := NewFormEntry(k.escape)
	e.SetPlaceHolder(hint)
	e.OnSubmitted = func(string) { k.SaveButton.OnTapped() }
	k.WatchEntry(key, e)
	return e
}

// escape closes the form, unless it must be answered (the welcome).
func (k *FormKit) escape() {
	if !k.MustAnswer {
		k.Close()
	}
}

// Watch makes e show the problems of field key, and every change in it check the form.
func (k *FormKit) Watch(key string, e *widget.Entry) {
	e.Validator = k.Validator(key)
	// The form decides when a problem shows (see shows), so the entry's red mark and
	// the line under it always agree; Fyne alone would wait for the focus to leave.
	e.AlwaysShowValidationError = true
	k.Fields[key] = e
	k.focus[key] = e
	k.order = append(k.order, key)
}

// Watchable is an entry of the app (Entry, SelectEntry, FormEntry, or an area's own
// that embeds widget.Entry): what the form checks is the widget.Entry inside it.
type Watchable interface {
	fyne.Focusable
	WatchedEntry() *widget.Entry
}

// WatchEntry is Watch for the app's own entries: the form focuses e itself, not the
// widget.Entry inside it, so it keeps passing the window's shortcuts on.
func (k *FormKit) WatchEntry(key string, e Watchable) {
	k.Watch(key, e.WatchedEntry())
	k.focus[key] = e
}

// Validator checks the whole draft on every change of the entry it is given to and
// reports only this field's problem, so rules that span fields (a deadline after the
// start) land on the right one.
func (k *FormKit) Validator(key string) fyne.StringValidator {
	return func(text string) error {
		if k.Fields[key] == nil && text != "" {
			k.typed[key] = true
		}
		k.Changed()
		if p := k.shows(key); p != nil {
			return p
		}
		return nil
	}
}

// Changed checks the draft again and brings every problem line, mark and the summary up
// to date. Entries call it on every change; a form calls it when a select or a check
// box that the rules look at changes.
func (k *FormKit) Changed() {
	ve, _ := IsValidation(k.check())
	problems := append(data.ValidationError{}, ve...)
	kept := k.refused[:0]
	for _, r := range k.refused {
		if e := k.Fields[r.problem.Field]; e == nil || e.Text == r.text {
			kept = append(kept, r)
			problems = append(problems, r.problem)
		}
	}
	k.refused, k.problems = kept, problems
	for _, l := range k.lines {
		setNote(l.label, k.firstShown(l.keys))
	}
	for key, e := range k.Fields {
		k.mark(key, e)
	}
	k.updateSummary()
}

// shows is the problem field key shows now: none while the owner has not got to an
// empty field yet, every problem once 保存 was pressed.
func (k *FormKit) shows(key string) *data.FieldError {
	p := k.problems.For(key)
	if p == nil || k.tried {
		return p
	}
	if e := k.Fields[key]; (e != nil && e.Text != "") || k.typed[key] {
		return p
	}
	return nil
}

// firstShown is the first problem that one of the fields keys shows.
func (k *FormKit) firstShown(keys []string) *data.FieldError {
	for _, key := range keys {
		if p := k.shows(key); p != nil {
			return p
		}
	}
	return nil
}

// mark keeps an entry's red mark in step with its problem line; it refreshes the entry
// only when that changes, as the other entries' marks change while one is typed in.
func (k *FormKit) mark(key string, e *widget.Entry) {
	p := k.shows(key)
	msg := ""
	if p != nil {
		msg = p.Message
	}
	if m, ok := k.marks[key]; ok && m == msg {
		return
	}
	k.marks[key] = msg
	if p == nil {
		e.SetValidationError(nil)
	} else {
		e.SetValidationError(p)
	}
}

// updateSummary sums up the problems above the buttons once 保存 was pressed, and
// empties it as soon as there are none.
func (k *FormKit) updateSummary() {
	if !k.tried || len(k.problems) == 0 {
		k.Summary.SetText("")
		return
	}
	k.Summary.SetText("请先改正：" + strings.Join(MessagesOf(k.problems), "；"))
}

// ShowProblems shows what is wrong with the draft at its fields and in the summary and
// puts the focus on the first field that has a problem; the store's own refusals (a
// name already taken) stay until their field changes. Anything that is not a form
// problem gets an explaining dialog.
func (k *FormKit) ShowProblems(err error) {
	ve, ok := IsValidation(err)
	if !ok {
		k.Env.ShowError(err)
		return
	}
	k.tried = true
	k.refused = nil
	own, _ := IsValidation(k.check())
	for _, p := range ve {
		if q := own.For(p.Field); q == nil || q.Message != p.Message {
			text := ""
			if e := k.Fields[p.Field]; e != nil {
				text = e.Text
			}
			k.refused = append(k.refused, refusal{problem: p, text: text})
		}
	}
	k.Changed()
	k.focusFirstProblem()
}

// focusFirstProblem puts the focus in the first field with a problem and scrolls the
// form to it.
func (k *FormKit) focusFirstProblem() {
	if k.dlg == nil {
		return
	}
	for _, key := range k.order {
		if k.problems.For(key) == nil {
			continue
		}
		// The object on screen: the app's entry that holds the Field, when it is one.
		var o fyne.CanvasObject = k.Fields[key]
		if f, ok := k.focus[key].(fyne.CanvasObject); ok {
			o = f
		}
		k.scrollTo(o)
		if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
			c.Focus(k.focus[key])
		}
		return
	}
}

// scrollTo scrolls the form's body so that o is in view.
func (k *FormKit) scrollTo(o fyne.CanvasObject) {
	if k.scroll == nil || k.scroll.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(k.scroll.Content).Y
	off := k.scroll.Offset
	switch {
	case y < off.Y:
		off.Y = y
	case y+o.Size().Height > off.Y+k.scroll.Size().Height:
		off.Y = y + o.Size().Height - k.scroll.Size().Height
	default:
		return
	}
	k.scroll.ScrollToOffset(off)
}

// Submit refuses a bad draft at its fields, else runs store work in the background and
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

// Show opens the form in a dialog: the body scrolls, problems and buttons stay below.
func (k *FormKit) Show(title string, body fyne.CanvasObject, size fyne.Size) {
	buttons := container.NewHBox(LayoutSpacer(), k.CancelButton, k.SaveButton)
	k.scroll = container.NewVScroll(body)
	content := container.NewBorder(nil, container.NewVBox(k.Summary, buttons), nil, nil, k.scroll)
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
