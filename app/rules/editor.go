package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// editor is the 编辑群规 tab: the sections on the left, the selected one's title and
// text on the right, the note and 保存为新版本 below.
type editor struct {
	s       *Screen
	d       *draft
	loading bool // entries are being filled in: their changes are not the owner's
	tried   bool // 保存 was pressed: from then on every problem shows
	// found is the draft's problems as check last found them: the list's rows read
	// them, and checking the largest rules once per row made a keystroke take 20 ms.
	found  data.ValidationError
	marked []bool // which rows of the list show a problem, as last drawn

	List          *widget.List
	empty         *ui.EmptyState
	AddButton     *widget.Button
	RemoveButton  *widget.Button
	UpButton      *widget.Button
	DownButton    *widget.Button
	Title         *ui.Entry
	TitleProblem  *widget.Label
	Body          *ui.Entry
	BodyProblem   *widget.Label
	Count         *widget.Label
	Note          *ui.Entry
	Summary       *widget.Label // every problem, once 保存 was pressed
	Dirty         *widget.Label
	SaveButton    *widget.Button
	DiscardButton *widget.Button
}

func newEditor(s *Screen) *editor {
	ed := &editor{s: s}
	ed.List = widget.NewList(ed.count, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateClip // an ellipsis is shaped anew on every redraw
		return l
	}, ed.updateItem)
	ed.List.OnSelected = ed.onSelect
	ed.empty = ui.NewEmptyState()
	ed.AddButton = widget.NewButtonWithIcon("添加一条", theme.ContentAddIcon(), ed.onAdd)
	ed.RemoveButton = widget.NewButtonWithIcon("删除这条", theme.DeleteIcon(), ed.onRemove)
	ed.UpButton = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { ed.onMove(-1) })
	ed.DownButton = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { ed.onMove(1) })
	ed.Title = ui.NewEntry()
	ed.Title.SetPlaceHolder("这一条的标题，如 交易规则（担保交易）")
	ed.Title.OnChanged = ed.onTitleChanged
	ed.Title.OnSubmitted = func(string) { s.env.Win.Canvas().Focus(ed.Body) } // Enter: on to the text
	ed.Body = ui.NewMultiLineEntry()
	ed.Body.Wrapping = fyne.TextWrapBreak
	ed.Body.SetPlaceHolder("这一条的内容，可以分几行写，如\n1. …\n2. …")
	ed.Body.OnChanged = ed.onBodyChanged
	ed.TitleProblem, ed.BodyProblem = problemLabel(), problemLabel()
	ed.Count = widget.NewLabel("")
	ed.Count.Importance = widget.LowImportance
	ed.Note = ui.NewEntry()
	ed.Note.SetPlaceHolder("修改说明（可不填），如 售后改为 12 小时内响应")
	ed.Note.OnChanged = ed.onNoteChanged
	ed.Summary = problemLabel()
	ed.Dirty = widget.NewLabel("")
	ed.Dirty.Importance = widget.WarningImportance
	ed.SaveButton = widget.NewButtonWithIcon("保存为新版本", theme.DocumentSaveIcon(), ed.onSave)
	ed.SaveButton.Importance = widget.HighImportance
	ed.DiscardButton = widget.NewButtonWithIcon("放弃修改", theme.ContentUndoIcon(), ed.onDiscard)
	return ed
}

func problemLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapBreak
	return l
}

func (ed *editor) content() fyne.CanvasObject {
	moves := container.NewGridWithColumns(2, ed.AddButton, ed.RemoveButton, ed.UpButton, ed.DownButton)
	left := container.NewBorder(ui.Bold("条目（点一条来修改）"), moves, nil, nil, ed.empty.Over(ed.List))
	titleRow := container.NewBorder(nil, nil, widget.NewLabel("标题"), nil, ed.Title)
	body := container.NewBorder(
		container.NewVBox(titleRow, ed.TitleProblem, container.NewBorder(nil, nil, widget.NewLabel("内容"), ed.Count)),
		ed.BodyProblem, nil, nil, ed.Body)
	split := container.NewHSplit(left, body)
	split.Offset = 0.3
	note := container.NewBorder(nil, nil, widget.NewLabel("修改说明"), nil, ed.Note)
	buttons := container.NewHBox(ed.Dirty, ed.DiscardButton, ed.SaveButton)
	bottom := container.NewVBox(widget.NewSeparator(), ed.Summary, container.NewBorder(nil, nil, nil, buttons, note))
	return container.NewBorder(nil, bottom, nil, nil, split)
}

func (ed *editor) count() int {
	if ed.d == nil {
		return 0
	}
	return len(ed.d.sections)
}

func (ed *editor) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if ed.d == nil || id >= len(ed.d.sections) {
		return
	}
	title := strings.TrimSpace(ed.d.sections[id].Title)
	if title == "" {
		title = "（还没有标题）"
	}
	l.Importance = widget.MediumImportance
	if ed.problemsOf(id) != "" {
		l.Importance = widget.DangerImportance
	}
	l.SetText(posts.Numeral(id+1) + "、" + title)
}

// load shows d (nil: no group chosen).
func (ed *editor) load(d *draft) {
	ed.d = d
	ed.tried = false
	ed.found, ed.marked = nil, nil // check draws every row again
	ed.List.UnselectAll()
	ed.List.Refresh()
	on := d != nil
	for _, w := range []fyne.Disableable{ed.AddButton, ed.RemoveButton, ed.UpButton, ed.DownButton,
		ed.Title, ed.Body, ed.Note, ed.SaveButton, ed.DiscardButton} {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if !on {
		ed.empty.Show("请先在上方选择或新建一个群。")
		ed.fill()
		ed.check()
		return
	}
	ed.empty.Hide()
	ed.loading = true
	ed.Note.SetText(d.note)
	ed.loading = false
	ed.showSection(d.selected)
}

// showSection selects section i in the list and fills in its title and text.
func (ed *editor) showSection(i int) {
	if ed.d == nil {
		return
	}
	if len(ed.d.sections) == 0 {
		ed.d.selected = 0
		ed.fill()
		ed.check()
		return
	}
	i = max(0, min(i, len(ed.d.sections)-1))
	ed.d.selected = i
	ed.List.UnselectAll()
	ed.List.Select(i) // onSelect fills the entries
	ed.List.ScrollTo(i)
}

func (ed *editor) onSelect(id widget.ListItemID) {
	if ed.d == nil || id >= len(ed.d.sections) {
		return
	}
	ed.d.selected = id
	ed.fill()
	ed.check()
}

// fill puts the selected section in the entries.
func (ed *editor) fill() {
	ed.loading = true
	defer func() { ed.loading = false }()
	if ed.d == nil || len(ed.d.sections) == 0 {
		ed.Title.SetText("")
		ed.Body.SetText("")
		ed.Title.Disable()
		ed.Body.Disable()
		return
	}
	ed.Title.Enable()
	ed.Body.Enable()
	sec := ed.d.sections[ed.d.selected]
	ed.Title.SetText(sec.Title)
	ed.Body.SetText(sec.Body)
}

func (ed *editor) onTitleChanged(text string) {
	if ed.loading || ed.d == nil || len(ed.d.sections) == 0 {
		return
	}
	ed.d.sections[ed.d.selected].Title = text
	ed.List.RefreshItem(ed.d.selected)
	ed.check()
}

func (ed *editor) onBodyChanged(text string) {
	if ed.loading || ed.d == nil || len(ed.d.sections) == 0 {
		return
	}
	ed.d.sections[ed.d.selected].Body = text
	ed.check()
}

func (ed *editor) onNoteChanged(text string) {
	if ed.loading || ed.d == nil {
		return
	}
	ed.d.note = text
	ed.check()
}

func (ed *editor) onAdd() {
	if ed.d == nil {
		return
	}
	ed.d.add()
	ed.List.Refresh()
	ed.showSection(ed.d.selected)
	ed.s.env.Win.Canvas().Focus(ed.Title)
}

func (ed *editor) onRemove() {
	if ed.d == nil || len(ed.d.sections) == 0 {
		return
	}
	gone := ed.d.remove()
	ed.List.UnselectAll()
	ed.List.Refresh()
	ed.showSection(ed.d.selected)
	if t := strings.TrimSpace(gone.Title); t != "" {
		ed.s.notice.Show("已删除「" + t + "」。保存前点「放弃修改」可以找回。")
	}
}

func (ed *editor) onMove(by int) {
	if ed.d == nil || !ed.d.move(by) {
		return
	}
	ed.List.Refresh()
	ed.showSection(ed.d.selected)
}

// check brings the problem lines, the list's marks, the counter and the buttons up to
// date with the draft.
func (ed *editor) check() {
	d := ed.d
	if d == nil {
		ed.found = nil
		ed.TitleProblem.SetText("")
		ed.BodyProblem.SetText("")
		ed.Summary.SetText("")
		ed.Count.SetText("")
		ed.Dirty.SetText("")
		return
	}
	ed.found = ed.problems()
	n := len(d.sections)
	ui.Enable(ed.AddButton, n < rulebook.MaxSections)
	ui.Enable(ed.RemoveButton, n > 0)
	ui.Enable(ed.UpButton, n > 0 && d.selected > 0)
	ui.Enable(ed.DownButton, n > 0 && d.selected < n-1)
	ed.TitleProblem.SetText(ed.problem("title", d.selected))
	ed.BodyProblem.SetText(ed.problem("body", d.selected))
	if n > 0 {
		ed.Count.SetText(fmt.Sprintf("%d/%d 字", utf8.RuneCountInString(strings.TrimSpace(d.sections[d.selected].Body)), rulebook.MaxBodyLen))
	} else {
		ed.Count.SetText("")
	}
	// The summary takes no room while empty: it sits above the note, nothing below
	// it moves, and an empty line there looked like a gap in the layout.
	ed.Summary.SetText(ed.summary())
	ed.Summary.Hidden = ed.Summary.Text == ""
	ed.Summary.Refresh()
	switch {
	case d.dirty():
		ed.Dirty.SetText("有还没保存的修改")
	default:
		ed.Dirty.SetText("")
	}
	ui.Enable(ed.DiscardButton, d.dirty())
	// Only rows whose mark changed are drawn again: a label is shaped anew on every
	// redraw, and 30 of them took a keystroke past 20 ms.
	if len(ed.marked) != n {
		ed.marked = make([]bool, n)
		ed.List.Refresh()
	}
	for i := range d.sections {
		if m := ed.problemsOf(i) != ""; m != ed.marked[i] {
			ed.marked[i] = m
			ed.List.RefreshItem(i)
		}
	}
}

// problems are the draft's problems as the store would find them.
func (ed *editor) problems() data.ValidationError {
	ve, _ := ui.IsValidation(data.CheckRules(ed.d.sections, ed.d.note))
	return ve
}

// problem is what field ("title", "body") of section i shows: every problem once 保存
// was pressed, before that only those of a section that has a title (an empty new one
// is not scolded before the owner got to it).
func (ed *editor) problem(field string, i int) string {
	if ed.d == nil || i >= len(ed.d.sections) {
		return ""
	}
	p := ed.found.For(field + "." + ui.Itoa(i))
	if p == nil || !ed.tried && strings.TrimSpace(ed.d.sections[i].Title) == "" {
		return ""
	}
	return p.Message
}

// problemsOf is what marks section i in the list.
func (ed *editor) problemsOf(i int) string {
	return ed.problem("title", i) + ed.problem("body", i)
}

// summary lists the problems that are not under the entries shown: other sections',
// the note's and the rules' as a whole.
func (ed *editor) summary() string {
	var lines []string
	for _, p := range ed.found {
		if field, idx, ok := strings.Cut(p.Field, "."); ok {
			i, _ := strconv.Atoi(idx)
			if i == ed.d.selected || ed.problem(field, i) == "" {
				continue
			}
		}
		lines = append(lines, p.Message)
	}
	return strings.Join(lines, "\n")
}

// onSave keeps the draft as a new version, or says why not.
func (ed *editor) onSave() {
	d, s := ed.d, ed.s
	if d == nil || s.group == nil {
		return
	}
	ed.tried = true
	if ve := ed.problems(); len(ve) > 0 {
		ed.showFirstProblem(ve)
		return
	}
	gid, note, sections := s.group.ID, d.note, slices.Clone(d.sections)
	number := len(s.history) + 1
	ed.SaveButton.Disable()
	s.env.Tasks.Run(func() {
		_, err := s.env.Store.SaveRules(gid, note, sections)
		fyne.Do(func() {
			ed.SaveButton.Enable()
			if s.groupID() != gid {
				return
			}
			switch {
			case errors.Is(err, data.ErrRulesUnchanged):
				s.notice.Show(fmt.Sprintf("群规和现行第 %d 版一样，没有改动，所以没有保存新版本。", len(s.history)))
			case err != nil:
				if ve, ok := ui.IsValidation(err); ok {
					ed.showFirstProblem(ve)
					return
				}
				s.env.ShowError(err)
			default:
				s.saved(fmt.Sprintf("已保存为第 %d 版。要让群友知道，请到「群规公告」复制发到群里。", number))
			}
		})
	})
}

// showFirstProblem opens the first section that has a problem.
func (ed *editor) showFirstProblem(ve data.ValidationError) {
	for _, p := range ve {
		if _, idx, ok := strings.Cut(p.Field, "."); ok {
			if i, err := strconv.Atoi(idx); err == nil && i < len(ed.d.sections) {
				ed.showSection(i)
				break
			}
		}
	}
	ed.check()
}

// onDiscard goes back to the version in force, after asking.
func (ed *editor) onDiscard() {
	s := ed.s
	if ed.d == nil || s.group == nil || !ed.d.dirty() {
		return
	}
	what := "回到默认的群规条目"
	if s.current.ID != 0 {
		what = fmt.Sprintf("回到现行第 %d 版", len(s.history))
	}
	ui.Confirm(s.env.Win, "放弃修改", "放弃还没保存的修改，"+what+"？", "放弃修改", func() {
		delete(s.drafts, s.group.ID)
		ed.load(s.draftOf())
	})
}
