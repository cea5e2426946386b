package rules

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// The two ways to read a version.
const (
	viewChanges = "和上一版比较"
	viewFull    = "全文"
)

// historyView is the 历史版本 tab: every version with its date and note, newest first;
// the one picked read as it was, or compared with the one before it, and brought back.
type historyView struct {
	s        *Screen
	versions []data.RuleVersionInfo
	picked   *data.RuleVersionInfo
	shown    data.RuleVersion // the picked version with its sections
	before   data.RuleVersion // the version before it, ID 0 for none
	latest   ui.Latest
	applying bool // apply selects the version it was given

	List          *widget.List
	empty         *ui.EmptyState
	Heading       *widget.Label
	Mode          *widget.RadioGroup
	Text          *widget.RichText
	scroll        *container.Scroll
	RestoreButton *widget.Button
}

func newHistoryView(s *Screen) *historyView {
	h := &historyView{s: s}
	h.List = widget.NewList(func() int { return len(h.versions) }, func() fyne.CanvasObject {
		first := widget.NewLabel("")
		first.TextStyle.Bold = true
		note := widget.NewLabel("")
		note.Truncation = fyne.TextTruncateClip
		note.Importance = widget.LowImportance
		return container.NewVBox(first, note)
	}, h.updateItem)
	h.List.OnSelected = h.onSelect
	h.empty = ui.NewEmptyState()
	h.Heading = widget.NewLabel("")
	h.Heading.TextStyle.Bold = true
	h.Heading.Wrapping = fyne.TextWrapBreak
	h.Mode = widget.NewRadioGroup([]string{viewChanges, viewFull}, func(string) { h.render() })
	h.Mode.Horizontal = true
	h.Mode.Selected = viewChanges
	h.Text = widget.NewRichText()
	h.Text.Wrapping = fyne.TextWrapBreak
	h.scroll = container.NewVScroll(h.Text)
	h.RestoreButton = widget.NewButtonWithIcon("恢复为这个版本", theme.HistoryIcon(), h.onRestore)
	return h
}

func (h *historyView) content() fyne.CanvasObject {
	left := container.NewBorder(ui.Bold("保存过的版本（新的在上）"), nil, nil, nil, h.empty.Over(h.List))
	bar := container.NewBorder(nil, nil, h.Mode, h.RestoreButton)
	right := container.NewBorder(container.NewVBox(h.Heading, bar, widget.NewSeparator()), nil, nil, nil, h.scroll)
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	return split
}

func (h *historyView) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(h.versions) {
		return
	}
	v := h.versions[id]
	box := o.(*fyne.Container)
	first := fmt.Sprintf("第 %d 版 · %s", v.Number, h.s.timeOf(v.RuleVersion))
	if id == 0 {
		first += " · 现行"
	}
	box.Objects[0].(*widget.Label).SetText(first)
	note := v.Note
	if note == "" {
		note = "（没写修改说明）"
	}
	box.Objects[1].(*widget.Label).SetText(note)
}

// keptVersion is the version the history shows and the newest when it was loaded:
// a reload keeps showing it unless a newer version was saved since.
type keptVersion struct{ id, newest uint }

func (h *historyView) keeping() keptVersion {
	var k keptVersion
	if h.picked != nil {
		k.id = h.picked.ID
	}
	if len(h.versions) > 0 {
		k.newest = h.versions[0].ID
	}
	return k
}

// apply shows the versions and, picked, version shown (with its sections) compared
// with before; Refresh loaded them together.
func (h *historyView) apply(vs []data.RuleVersionInfo, shown, before data.RuleVersion) {
	h.latest.Next() // a version picked earlier and still loading is dropped
	h.versions = vs
	h.List.Refresh()
	switch {
	case h.s.group == nil:
		h.empty.Show("请先在上方选择或新建一个群。")
	case len(vs) == 0:
		h.empty.Show("还没有保存过群规。在「编辑群规」里改好后点「保存为新版本」，每次保存都会记在这里，旧版本随时能看、能恢复。")
	default:
		h.empty.Hide()
	}
	h.picked, h.shown, h.before = nil, shown, before
	h.List.UnselectAll()
	for i, v := range vs {
		if v.ID == shown.ID {
			h.picked = &vs[i]
			h.applying = true // already loaded: onSelect need not load it
			h.List.Select(i)
			h.applying = false
		}
	}
	h.render()
}

// onSelect loads the version picked and the one before it.
func (h *historyView) onSelect(id widget.ListItemID) {
	if h.applying || id >= len(h.versions) {
		return
	}
	v := h.versions[id]
	h.picked = &v
	e := h.s.env
	e.Load(&h.latest, func() (func(), error) {
		shown, err := e.Store.RuleVersionWithSections(v.ID)
		var before data.RuleVersion
		if err == nil {
			before, _, err = e.Store.PreviousRules(v.ID)
		}
		return func() {
			h.shown, h.before = shown, before
			h.render()
		}, err
	})
}

// render writes the picked version, as changes or in full.
func (h *historyView) render() {
	v := h.picked
	if v == nil || h.shown.ID != v.ID {
		h.Heading.SetText("")
		h.Text.Segments = nil
		h.Text.Refresh()
		h.RestoreButton.Disable()
		h.Mode.Disable()
		return
	}
	h.Mode.Enable()
	heading := fmt.Sprintf("第 %d 版，%s 保存，共 %d 条", v.Number, h.s.timeOf(v.RuleVersion), len(h.shown.Sections))
	if v.Note != "" {
		heading += "。修改说明：" + v.Note
	}
	h.Heading.SetText(heading)
	current := len(h.versions) > 0 && h.versions[0].ID == v.ID
	ui.Enable(h.RestoreButton, !current)
	if current {
		h.RestoreButton.SetText("这是现行版本")
	} else {
		h.RestoreButton.SetText("恢复为这个版本")
	}
	if h.Mode.Selected == viewFull {
		h.Text.Segments = fullText(h.shown.Texts())
	} else {
		h.Text.Segments = changesText(h.before, h.shown)
	}
	h.Text.Refresh()
	h.scroll.ScrollToTop()
}

// String is what the version pane says, as the owner reads it.
func (h *historyView) String() string {
	lines := []string{h.Heading.Text}
	for _, seg := range h.Text.Segments {
		lines = append(lines, seg.(*widget.TextSegment).Text)
	}
	return strings.Join(lines, "\n")
}

// onRestore brings the picked version back as a new version, after asking.
func (h *historyView) onRestore() {
	s, v := h.s, h.picked
	if v == nil || s.group == nil {
		return
	}
	date := s.date(v.RuleVersion)
	next := len(s.history) + 1
	text := fmt.Sprintf("把群规恢复成第 %d 版（%s）的内容？会保存为新的第 %d 版，现有的各个版本都保留，不会被改动。", v.Number, date, next)
	if d := s.drafts[s.group.ID]; d != nil && d.dirty() {
		text += "\n你在「编辑群规」里还没保存的修改会被放弃。"
	}
	id, gid := v.ID, s.group.ID
	note := fmt.Sprintf("恢复为第 %d 版（%s）", v.Number, date)
	ui.Confirm(s.env.Win, "恢复旧版本", text, "恢复", func() {
		s.env.Tasks.Run(func() {
			_, err := s.env.Store.RestoreRules(id, note)
			fyne.Do(func() {
				switch {
				case s.groupID() != gid:
				case errors.Is(err, data.ErrRulesUnchanged):
					s.notice.Show(fmt.Sprintf("第 %d 版和现行版本内容一样，不用恢复。", v.Number))
				case err != nil:
					s.env.ShowError(err)
				default:
					s.saved(fmt.Sprintf("已恢复：第 %d 版的内容保存为新的第 %d 版。", v.Number, next))
				}
			})
		})
	})
}

// timeOf is when a version was saved, to the minute, in the owner's time zone.
func (s *Screen) timeOf(v data.RuleVersion) string {
	return v.CreatedAt.In(s.env.Loc).Format(data.DateMinLayout)
}

// Styles of the version pane.
var (
	styleHeading = widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}
	styleLine    = widget.RichTextStyleParagraph
	styleAdded   = widget.RichTextStyle{ColorName: theme.ColorNameSuccess}
	styleRemoved = widget.RichTextStyle{ColorName: theme.ColorNameError}
	styleQuiet   = widget.RichTextStyle{ColorName: theme.ColorNameDisabled}
)

func segment(text string, style widget.RichTextStyle) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: style}
}

// fullText is a version as it reads: each section's numbered title, then its text.
func fullText(ss []rulebook.Section) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for i, sec := range ss {
		out = append(out, segment(posts.Numeral(i+1)+"、"+sec.Title, styleHeading))
		if sec.Body != "" {
			out = append(out, segment(sec.Body, styleLine))
		}
	}
	return out
}

// changesText says what changed from before to v, section by section, with the lines
// of a changed section marked ＋ (added) and － (taken out).
func changesText(before, v data.RuleVersion) []widget.RichTextSegment {
	if before.ID == 0 {
		return append([]widget.RichTextSegment{segment(fmt.Sprintf("这是第一版，共 %d 条，下面是全文。", len(v.Sections)), styleQuiet)},
			fullText(v.Texts())...)
	}
	older, newer := before.Texts(), v.Texts()
	cs := rulebook.Diff(older, newer)
	if len(cs) == 0 {
		return []widget.RichTextSegment{segment("和上一版内容一样（可能是恢复了一个相同的版本）。", styleQuiet)}
	}
	out := []widget.RichTextSegment{segment("和上一版相比："+rulebook.Summary(cs)+"。", styleQuiet)}
	for _, c := range cs {
		out = append(out, segment("● "+c.Describe(), styleHeading))
		switch {
		case c.Kind == rulebook.Added:
			out = append(out, markedLines("＋ ", newer[c.To-1].Body, styleAdded)...)
		case c.Kind == rulebook.Removed:
			out = append(out, markedLines("－ ", older[c.From-1].Body, styleRemoved)...)
		case c.Edited:
			for _, l := range c.Lines {
				switch l.Op {
				case rulebook.Inserted:
					out = append(out, segment("＋ "+l.Text, styleAdded))
				case rulebook.Deleted:
					out = append(out, segment("－ "+l.Text, styleRemoved))
				default:
					out = append(out, segment("   "+l.Text, styleQuiet))
				}
			}
		}
	}
	return out
}

func markedLines(mark, body string, style widget.RichTextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, l := range strings.Split(body, "\n") {
		out = append(out, segment(mark+l, style))
	}
	return out
}
