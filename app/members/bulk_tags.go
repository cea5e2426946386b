package members

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// The kinds of tag the bulk dialog offers, as the form names them.
var bulkKinds = []struct {
	label string
	kind  data.TagKind
}{{"兴趣", data.TagInterest}, {"动机", data.TagMotivation}, {"人群", data.TagSegment}}

// bulkTagging adds a tag to, or removes it from, several members at once: the members
// the list showed when it opened (the search applied), each with a check box, 全选
// for all of them.
type bulkTagging struct {
	s       *Screen
	members []data.Member
	checked map[uint]bool

	list     *widget.List
	all      *widget.Button
	none     *widget.Button
	count    *widget.Label
	kind     *widget.Select
	value    *ui.SelectEntry
	problem  *widget.Label
	addBtn   *widget.Button
	removeBt *widget.Button
	status   *widget.Label
	dlg      dialog.Dialog
}

func (s *Screen) onBulkTags() {
	b := &bulkTagging{s: s, members: s.shownMembers(), checked: map[uint]bool{}}
	b.list = widget.NewList(func() int { return len(b.members) }, b.newRow, b.updateRow)
	b.all = widget.NewButton(fmt.Sprintf("全选（当前列表的 %d 人）", len(b.members)), b.onAll)
	b.none = widget.NewButton("取消全选", b.onNone)
	b.count = widget.NewLabel("")
	b.kind = ui.NewSelect([]string{"兴趣", "动机", "人群"}, "兴趣", b.onKindChanged)
	b.value = ui.NewSelectEntry(nil)
	b.value.SetPlaceHolder("如：原神")
	b.problem = widget.NewLabel("")
	b.problem.Importance = widget.DangerImportance
	b.addBtn = widget.NewButton("给选中的人加上", func() { b.apply(true) })
	b.addBtn.Importance = widget.HighImportance
	b.removeBt = widget.NewButton("从选中的人去掉", func() { b.apply(false) })
	b.status = widget.NewLabel("")
	b.status.Importance = widget.SuccessImportance
	b.status.Wrapping = fyne.TextWrapBreak
	b.onKindChanged(b.kind.Selected)
	b.updateCount()

	hint := widget.NewLabel("勾选要改标签的成员，再填标签，点「给选中的人加上」或「从选中的人去掉」。先在成员列表里搜索，这里就只列出搜到的人。")
	hint.Wrapping = fyne.TextWrapBreak
	selectBar := container.NewHBox(b.all, b.none, b.count)
	tagRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("标签"), b.kind), container.NewHBox(b.addBtn, b.removeBt), b.value)
	bottom := container.NewVBox(tagRow, b.problem, b.status)
	body := container.NewBorder(container.NewVBox(hint, selectBar), bottom, nil, nil, b.list)
	b.dlg = dialog.NewCustom("批量标签", "关闭", body, s.env.Win)
	b.dlg.Resize(fyne.NewSize(820, 660))
	b.dlg.Show()
	ui.EscCloses(s.env.Win, b.dlg)
	s.profile.bulkDlg = b
}

func (b *bulkTagging) newRow() fyne.CanvasObject {
	return widget.NewCheck("", nil)
}

func (b *bulkTagging) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*widget.Check)
	m := &b.members[i]
	c.OnChanged = nil // setting the box below is not the owner ticking it
	// Both set, then one refresh: SetChecked alone redraws nothing when the box
	// already had that state, and a reused row would show its old text.
	c.Text, c.Checked = b.rowText(m), b.checked[m.ID]
	c.Refresh()
	id := m.ID
	c.OnChanged = func(on bool) { b.setChecked(id, on) }
}

// rowText is a member as the dialog lists TA: name, QQ number and tags.
func (b *bulkTagging) rowText(m *data.Member) string {
	text := m.DisplayName(b.s.displayGroupID()) + "（" + m.QQ + "）"
	var tags []string
	for _, t := range m.Tags {
		tags = append(tags, t.Value)
	}
	if len(tags) > 0 {
		text += "  " + strings.Join(tags, "、")
	}
	return text
}

func (b *bulkTagging) setChecked(id uint, on bool) {
	if on {
		b.checked[id] = true
	} else {
		delete(b.checked, id)
	}
	b.updateCount()
}

func (b *bulkTagging) onAll() {
	for _, m := range b.members {
		b.checked[m.ID] = true
	}
	b.list.Refresh()
	b.updateCount()
}

func (b *bulkTagging) onNone() {
	clear(b.checked)
	b.list.Refresh()
	b.updateCount()
}

func (b *bulkTagging) updateCount() {
	n := len(b.checked)
	b.count.SetText(fmt.Sprintf("已选 %d 人", n))
	ui.Enable(b.addBtn, n > 0)
	ui.Enable(b.removeBt, n > 0)
}

// onKindChanged offers the values of that kind: the three motivations, or the tags
// of that kind the listed members already have.
func (b *bulkTagging) onKindChanged(label string) {
	kind := b.selectedKind()
	if kind == data.TagMotivation {
		b.value.SetOptions(data.Motivations)
		b.value.SetPlaceHolder("刚需获取、信息差红利或社交认同")
		return
	}
	seen := map[string]bool{}
	var opts []string
	if kind == data.TagSegment {
		for _, v := range data.SegmentSuggestions {
			seen[v] = true
			opts = append(opts, v)
		}
	}
	for _, m := range b.members {
		for _, v := range m.TagValues(kind) {
			if !seen[v] {
				seen[v] = true
				opts = append(opts, v)
			}
		}
	}
	b.value.SetOptions(opts)
	b.value.SetPlaceHolder("如：" + map[data.TagKind]string{data.TagInterest: "原神", data.TagSegment: "学生"}[kind])
}

func (b *bulkTagging) selectedKind() data.TagKind {
	for _, k := range bulkKinds {
		if k.label == b.kind.Selected {
			return k.kind
		}
	}
	return data.TagInterest
}

// apply adds or removes the tag for every checked member, off the UI goroutine. A
// tag the form refuses is named under the field, and nothing is saved.
func (b *bulkTagging) apply(add bool) {
	kind, label := b.selectedKind(), b.kind.Selected
	value, err := data.CheckTag(kind, b.value.Text)
	if ve, ok := ui.IsValidation(err); ok {
		b.problem.SetText(strings.Join(ui.MessagesOf(ve), "；"))
		b.status.SetText("")
		return
	}
	b.problem.SetText("")
	ids := make([]uint, 0, len(b.checked))
	for _, m := range b.members { // in list order, so the work is the same every time
		if b.checked[m.ID] {
			ids = append(ids, m.ID)
		}
	}
	e, s := b.s.env, b.s
	e.Tasks.Run(func() {
		var n int
		var err error
		if add {
			n, err = e.Store.AddTagToMembers(ids, kind, value)
		} else {
			n, err = e.Store.RemoveTagFromMembers(ids, kind, value)
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			b.status.SetText(bulkResult(add, len(ids), n, label, value))
			b.applied(add, kind, value)
			s.Refresh()
		})
	})
}

// applied shows the change on the dialog's own copy of the members.
func (b *bulkTagging) applied(add bool, kind data.TagKind, value string) {
	for i := range b.members {
		m := &b.members[i]
		if !b.checked[m.ID] {
			continue
		}
		has := slices.IndexFunc(m.Tags, func(t data.MemberTag) bool { return t.Kind == kind && t.Value == value })
		switch {
		case add && has < 0:
			m.Tags = append(slices.Clone(m.Tags), data.MemberTag{MemberID: m.ID, Kind: kind, Value: value})
		case !add && has >= 0:
			m.Tags = slices.Delete(slices.Clone(m.Tags), has, has+1)
		}
	}
	b.list.Refresh()
}

// bulkResult says what a bulk change did: √ 已给 3 人加上兴趣「原神」（1 人原来就有）.
func bulkResult(add bool, chosen, changed int, label, value string) string {
	tag := label + "「" + value + "」"
	if add {
		text := fmt.Sprintf("√ 已给 %d 人加上%s", changed, tag)
		if chosen > changed {
			text += fmt.Sprintf("（%d 人原来就有）", chosen-changed)
		}
		return text
	}
	text := fmt.Sprintf("√ 已从 %d 人去掉%s", changed, tag)
	if chosen > changed {
		text += fmt.Sprintf("（%d 人原来就没有）", chosen-changed)
	}
	return text
}
