package posts

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// ownersRules are the two rules of the owner's mode, said once above the parts.
const ownersRules = "有的资源没有原价、兑换方式、截止时间或备注：占位符没有值时，它所在的那一行不显示；" +
	"只想省掉一小段，就把那一段用方括号括起来，如 [（原价{原价}）]。"

// partsView is the owner's mode of the template editor: the post in parts, each in its
// own box; Chinese placeholders go in with buttons, at the cursor of the part last
// clicked; switches turn the optional pieces on and off. It never shows template syntax.
type partsView struct {
	kind      data.PostKind
	specs     []qqpost.PartSpec
	entries   map[qqpost.PartKey]*partEntry
	focused   qqpost.PartKey
	target    *widget.Label
	order     []qqpost.Placeholder      // every placeholder of the kind, as the buttons show them
	inserts   map[string]*widget.Button // by placeholder name
	switches  []*widget.Check           // one per qqpost.Pieces
	offBefore map[string]qqpost.Parts   // by piece: the parts before it was switched off…
	offAfter  map[string]qqpost.Parts   // …and right after, to put back exactly what was there
	onChanged func()
	quiet     bool // the view is changing its own fields
}

func newPartsView(kind data.PostKind, onChanged func()) *partsView {
	v := &partsView{kind: kind, specs: qqpost.PartSpecs(kind), entries: map[qqpost.PartKey]*partEntry{},
		focused: qqpost.PartResource, inserts: map[string]*widget.Button{}, onChanged: onChanged,
		offBefore: map[string]qqpost.Parts{}, offAfter: map[string]qqpost.Parts{}}
	for _, s := range v.specs {
		key := s.Key
		e := newPartEntry(func() { v.onFocus(key) })
		e.SetMinRowsVisible(s.Rows)
		e.OnChanged = func(string) { v.changed() }
		v.entries[key] = e
		for _, p := range s.Placeholders {
			if _, ok := v.inserts[p.Name]; !ok {
				v.order = append(v.order, p)
				v.inserts[p.Name] = widget.NewButton(p.Written(), func() { v.onInsert(p) })
			}
		}
	}
	for _, pc := range qqpost.Pieces {
		v.switches = append(v.switches, widget.NewCheck(pc.Label, func(on bool) { v.onPiece(pc, on) }))
	}
	v.target = widget.NewLabel("")
	v.updateInserts()
	return v
}

func (v *partsView) changed() {
	if !v.quiet {
		v.onChanged()
	}
}

// parts is what the boxes hold.
func (v *partsView) parts() qqpost.Parts {
	p := qqpost.Parts{Kind: v.kind, Text: map[qqpost.PartKey]string{}}
	for key, e := range v.entries {
		p.Text[key] = e.Text
	}
	return p
}

// setParts fills the boxes; the caller checks the result once.
func (v *partsView) setParts(p qqpost.Parts) {
	v.quiet = true
	defer func() { v.quiet = false }()
	for _, s := range v.specs {
		v.entries[s.Key].SetText(p.Text[s.Key])
	}
}

// syncSwitches shows which optional pieces the parts show, also when typed by hand.
func (v *partsView) syncSwitches() {
	p := v.parts()
	v.quiet = true
	defer func() { v.quiet = false }()
	for i, pc := range qqpost.Pieces {
		v.switches[i].SetChecked(p.Shows(pc))
	}
}

// onPiece turns an optional piece on or off. Switching it back on puts back what was
// there when nothing else changed meanwhile, else the default wording.
func (v *partsView) onPiece(pc qqpost.Piece, on bool) {
	if v.quiet {
		return
	}
	cur := v.parts()
	next := cur.Without(pc)
	if on {
		next = cur.With(pc)
		if before, ok := v.offBefore[pc.Label]; ok && sameParts(v.offAfter[pc.Label], cur) {
			next = before
		}
	} else {
		v.offBefore[pc.Label], v.offAfter[pc.Label] = cur, next
	}
	v.setParts(next)
	v.onChanged()
}

func sameParts(a, b qqpost.Parts) bool {
	for key, text := range a.Text {
		if b.Text[key] != text {
			return false
		}
	}
	return len(a.Text) == len(b.Text)
}

// onFocus makes the part the owner clicked the one the buttons insert into.
func (v *partsView) onFocus(key qqpost.PartKey) {
	v.focused = key
	v.updateInserts()
}

// updateInserts names the part the buttons insert into and turns off the placeholders
// that part cannot use.
func (v *partsView) updateInserts() {
	spec, _ := qqpost.PartSpecOf(v.kind, v.focused)
	v.target.SetText("点按钮把占位符插到「" + spec.Label + "」里光标所在的地方：")
	for _, p := range v.order {
		usable := slices.ContainsFunc(spec.Placeholders, func(q qqpost.Placeholder) bool { return q.Name == p.Name })
		ui.Enable(v.inserts[p.Name], usable)
	}
}

// onInsert puts a placeholder at the cursor of the part last clicked and gives that
// part the focus back, so the owner types on.
func (v *partsView) onInsert(p qqpost.Placeholder) {
	e := v.entries[v.focused]
	insertAtCursor(&e.Entry, p.Written())
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// insertAtCursor puts s where the cursor of e is and moves the cursor after it.
func insertAtCursor(e *widget.Entry, s string) {
	text := []rune(e.Text)
	at := min(max(e.CursorTextOffset(), 0), len(text))
	inserted := append(append(append([]rune{}, text[:at]...), []rune(s)...), text[at:]...)
	e.SetText(string(inserted))
	row, col := 0, 0
	for _, r := range inserted[:at+len([]rune(s))] {
		if r == '\n' {
			row, col = row+1, 0
		} else {
			col++
		}
	}
	e.CursorRow, e.CursorColumn = row, col
	e.Refresh()
}

func (v *partsView) content() fyne.CanvasObject {
	buttons := container.New(layout.NewRowWrapLayout())
	for _, p := range v.order {
		buttons.Add(v.inserts[p.Name])
	}
	switches := container.NewHBox(widget.NewLabel("可选内容："))
	for _, s := range v.switches {
		switches.Add(s)
	}
	rules := widget.NewLabel(ownersRules)
	rules.Wrapping = fyne.TextWrapBreak
	rules.SizeName = theme.SizeNameCaptionText
	boxes := container.NewVBox()
	for _, s := range v.specs {
		help := widget.NewLabel("（" + s.Help + "）")
		help.SizeName = theme.SizeNameCaptionText
		help.Importance = widget.LowImportance
		boxes.Add(container.NewHBox(ui.Bold(s.Label), help))
		boxes.Add(v.entries[s.Key])
	}
	boxes.Add(widget.NewAccordion(widget.NewAccordionItem("每个占位符显示什么", v.placeholderHelp())))
	top := container.NewVBox(v.target, buttons, switches, rules)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(boxes))
}

func (v *partsView) placeholderHelp() fyne.CanvasObject {
	rows := container.New(layout.NewFormLayout())
	seen := map[qqpost.Placeholder]bool{}
	for _, s := range v.specs {
		for _, p := range s.Placeholders {
			if seen[p] {
				continue
			}
			seen[p] = true
			v.helpRow(rows, p)
		}
	}
	return rows
}

func (v *partsView) helpRow(rows *fyne.Container, p qqpost.Placeholder) {
	{
		d := widget.NewLabel(p.Description)
		d.Wrapping = fyne.TextWrapBreak
		rows.Add(widget.NewLabel(p.Written()))
		rows.Add(d)
	}
}

// partEntry is the box of one part; it tells the view when it gets the focus, so the
// placeholder buttons know where to insert.
type partEntry struct {
	widget.Entry
	onFocus func()
}

func newPartEntry(onFocus func()) *partEntry {
	e := &partEntry{onFocus: onFocus}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapOff
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs a window shortcut, else does what an entry does.
func (e *partEntry) TypedShortcut(s fyne.Shortcut) {
	if !ui.PassOn(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// FocusGained is the Entry's, and makes this the part the buttons insert into.
func (e *partEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}
