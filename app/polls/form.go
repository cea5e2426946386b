package polls

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// pollForm makes a poll: the question, the close time and the options, one a line,
// typed or added from the categories and resources. A line that is a category's or a
// resource's name stands for it, so its votes count as demand for it.
type pollForm struct {
	*ui.FormKit
	group   data.Group
	onSaved func(data.Poll)

	Question, ClosesAt *ui.FormEntry
	Options            *ui.Entry
	Category           *widget.Select
	Resource           *ui.Picker
	Linked             *widget.Label

	cats []data.Category
	res  []data.Resource
}

func newPollForm(e *ui.Env, g data.Group, onSaved func(data.Poll)) *pollForm {
	f := &pollForm{group: g, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("新建")
	f.Question = f.Entry("question", "如 下周想要哪类资源？")
	f.ClosesAt = f.Entry("closes_at", "如 2026-12-31 20:00")
	f.Options = ui.NewMultiLineEntry()
	f.Options.SetPlaceHolder("一行一个选项，如\n游戏类\n影音类")
	f.Options.SetMinRowsVisible(6)
	f.Options.OnChanged = func(string) { f.showLinks(); f.Changed() }
	f.WatchEntry("options", f.Options)
	f.Category = ui.NewSelect(nil, "", f.onCategory)
	f.Category.PlaceHolder = "加入一个分类"
	f.Resource = ui.NewPicker(f.Close, "加入一个资源：输入名称或拼音", 88, f.onResource)
	f.Linked = widget.NewLabel("")
	f.Linked.Wrapping = fyne.TextWrapBreak
	f.ClosesAt.SetText(defaultClose(e.Now(), e.Loc).Format(data.DateMinLayout))
	e.Tasks.Run(f.load)
	return f
}

// defaultClose is three days on at 20:00, when most members are online.
func defaultClose(now time.Time, loc *time.Location) time.Time {
	l := now.In(loc).AddDate(0, 0, 3)
	return time.Date(l.Year(), l.Month(), l.Day(), 20, 0, 0, 0, loc)
}

func (f *pollForm) load() {
	e := f.Env
	cats, err := e.Store.Categories()
	var rs []data.Resource
	if err == nil {
		rs, err = e.Store.Resources()
	}
	fyne.Do(func() {
		if err != nil {
			e.ShowError(err)
			return
		}
		f.cats, f.res = cats, rs
		names := make([]string, len(cats))
		for i, c := range cats {
			names[i] = c.Name
		}
		f.Category.SetOptions(names)
		var items []ui.Choice
		for _, r := range rs {
			items = append(items, ui.Choice{ID: r.ID, Label: r.Name, Key: r.SearchKey})
		}
		f.Resource.SetChoices(items)
		f.showLinks()
	})
}

func (f *pollForm) addLine(label string) {
	text := strings.TrimRight(f.Options.Text, "\n")
	if text != "" {
		text += "\n"
	}
	text += label
	f.Options.SetText(text)
	// The cursor goes to the end, so what the owner types next follows the new line.
	lines := strings.Split(text, "\n")
	f.Options.CursorRow, f.Options.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	f.Options.Refresh()
}

func (f *pollForm) onCategory(name string) {
	if name == "" {
		return
	}
	f.addLine(name)
	f.Category.ClearSelected()
}

func (f *pollForm) onResource() {
	id := f.Resource.ID()
	for _, r := range f.res {
		if r.ID == id {
			f.addLine(r.Name)
			f.Resource.Entry.SetText("")
			return
		}
	}
}

func (f *pollForm) lines() []string {
	var out []string
	for _, l := range strings.Split(f.Options.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (f *pollForm) draft() data.PollDraft {
	d := data.PollDraft{Question: f.Question.Text, ClosesAt: f.ClosesAt.Text}
	for _, l := range f.lines() {
		o := data.PollOptionDraft{Label: l}
		for i := range f.res {
			if f.res[i].Name == l {
				o.ResourceID = &f.res[i].ID
			}
		}
		if o.ResourceID == nil {
			for i := range f.cats {
				if f.cats[i].Name == l {
					o.CategoryID = &f.cats[i].ID
				}
			}
		}
		d.Options = append(d.Options, o)
	}
	return d
}

// showLinks says which options stand for a category or a resource.
func (f *pollForm) showLinks() {
	cats, res := 0, 0
	for _, o := range f.draft().Options {
		switch {
		case o.ResourceID != nil:
			res++
		case o.CategoryID != nil:
			cats++
		}
	}
	if cats+res == 0 {
		f.Linked.SetText("选项和分类或资源同名时，它的票数会记作群友对它的需求。")
		return
	}
	f.Linked.SetText("其中 " + ui.Itoa(cats) + " 项是分类，" + ui.Itoa(res) + " 项是资源，结束后票数会记作群友对它们的需求。")
}

// check parses the draft; a problem with one option shows under the options.
func (f *pollForm) check() error {
	_, err := f.draft().Parse(f.Env.Loc)
	if ve, ok := ui.IsValidation(err); ok {
		out := make(data.ValidationError, len(ve))
		for i, p := range ve {
			out[i] = p
			if strings.HasPrefix(p.Field, "option.") {
				out[i] = &data.FieldError{Field: "options", Message: p.Message}
			}
		}
		return out
	}
	return err
}

func (f *pollForm) show() {
	pick := container.NewBorder(nil, nil, ui.Widen(f.Category, 160), nil, container.NewVBox(f.Resource.Entry, f.Resource.Content()))
	form := f.Form(
		ui.FormRow{Label: "问题", Key: "question", Widget: f.Question},
		ui.FormRow{Label: "截止时间", Key: "closes_at", Widget: f.ClosesAt},
		ui.FormRow{Label: "选项", Key: "options", Widget: f.Options},
		ui.FormRow{Label: "快速加入", Widget: pick},
	)
	f.FormKit.Show("新建投票", container.NewVBox(form, f.Linked), fyne.NewSize(720, 640))
	f.Env.Win.Canvas().Focus(f.Question)
}

func (f *pollForm) onSave() {
	var p data.Poll
	d, gid, loc := f.draft(), f.group.ID, f.Env.Loc
	f.Submit(func() error {
		var err error
		p, err = f.Env.Store.CreatePoll(gid, d, loc)
		return err
	}, func() { f.onSaved(p) })
}
