package rewards

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

var badgeColumns = []ui.Column{
	{Title: "成员", Width: 150}, {Title: "身份标识", Width: 110}, {Title: "来源", Width: 100},
	{Title: "授予时间", Width: 130}, {Title: "到期", Width: 100}, {Title: "状态", Width: 70},
}

// suggestedBadges are offered in the grant form besides the names already given.
var suggestedBadges = []string{"热心群友", "资源达人", "置换达人", "分享之星"}

// badgesTab lists the badges members hold (held ones first, then expired and taken
// away), with 授予 and 收回.
type badgesTab struct {
	s        *Screen
	all      []data.BadgeHolder
	selected uint

	Table               *ui.RecordTable
	empty               *ui.EmptyState
	GrantBtn, RevokeBtn *widget.Button
	Form                *grantForm // the form last opened
	RevokeNote          *ui.Entry  // the note of the 收回 dialog last opened
	revokeDlg           dialog.Dialog
}

func newBadgesTab(s *Screen) *badgesTab {
	t := &badgesTab{s: s, empty: ui.NewEmptyState()}
	t.Table = ui.NewRecordTable(badgeColumns, func() int { return len(t.all) }, t.fillCell, t.onSelected)
	t.Table.RememberWidths(s.env, "column_widths_badges")
	t.GrantBtn = widget.NewButtonWithIcon("授予", theme.ContentAddIcon(), t.openGrant)
	t.RevokeBtn = widget.NewButtonWithIcon("收回", theme.ContentRemoveIcon(), t.confirmRevoke)
	t.RevokeBtn.Disable()
	return t
}

func (t *badgesTab) content() fyne.CanvasObject {
	hint := widget.NewLabel("身份标识会显示在成员列表和成员详情里。")
	hint.Importance = widget.LowImportance
	bar := container.NewHBox(t.GrantBtn, t.RevokeBtn, hint)
	return container.NewBorder(bar, nil, nil, nil, t.empty.OverTable(t.Table))
}

func (t *badgesTab) apply(bs []data.BadgeHolder) {
	now := t.s.env.Now()
	slices.SortStableFunc(bs, func(a, b data.BadgeHolder) int {
		aa, ba := a.Active(now), b.Active(now)
		switch {
		case aa && !ba:
			return -1
		case ba && !aa:
			return 1
		}
		return 0
	})
	t.all = bs
	t.Table.UnselectAll()
	t.Table.Refresh()
	if len(bs) == 0 && t.s.loaded {
		t.empty.Show("还没有群友有身份标识。点「授予」给热心的群友一个，或在「兑换商品」里上架身份标识让大家用积分兑换。",
			widget.NewButtonWithIcon("授予", theme.ContentAddIcon(), t.openGrant))
	} else {
		t.empty.Hide()
	}
	for row := range t.all {
		if t.all[row].ID == t.selected {
			t.Table.Select(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
	t.selected = 0
	t.RevokeBtn.Disable()
}

func badgeState(b *data.MemberBadge, now time.Time) string {
	switch {
	case b.RevokedAt != nil:
		return "已收回"
	case !b.Active(now):
		return "已过期"
	}
	return "有效"
}

func (t *badgesTab) fillCell(row, col int, l *widget.Label) {
	b := &t.all[row]
	loc := t.s.env.Loc
	switch col {
	case 0:
		if b.Member == nil {
			l.SetText("（已不在成员列表）")
		} else {
			l.SetText(b.Member.DisplayName(t.s.GroupID()))
		}
	case 1:
		l.SetText(b.Name)
	case 2:
		l.SetText(b.Source.Label())
	case 3:
		l.SetText(b.GrantedAt.In(loc).Format(data.DateMinLayout))
	case 4:
		if b.ExpiresAt == nil {
			l.SetText("一直有效")
		} else {
			l.SetText(b.ExpiresAt.In(loc).Format(data.DateLayout))
		}
	case 5:
		l.SetText(badgeState(&b.MemberBadge, t.s.env.Now()))
	}
}

func (t *badgesTab) onSelected(row int) {
	if row < 0 || row >= len(t.all) {
		return
	}
	t.selected = t.all[row].ID
	ui.Enable(t.RevokeBtn, t.all[row].RevokedAt == nil)
}

func (t *badgesTab) confirmRevoke() {
	var b *data.BadgeHolder
	for i := range t.all {
		if t.all[i].ID == t.selected {
			b = &t.all[i]
		}
	}
	if b == nil {
		return
	}
	name := "这位成员"
	if b.Member != nil {
		name = b.Member.DisplayName(t.s.GroupID())
	}
	e, id, badge := t.s.env, b.ID, b.Name
	t.RevokeNote = ui.NewEntry()
	t.RevokeNote.SetPlaceHolder("为什么收回（可不填）")
	text := ui.MessageLabel(fmt.Sprintf("收回 %s 的身份标识「%s」吗？记录会保留。", name, badge))
	t.revokeDlg = dialog.NewCustomConfirm("收回身份标识", "收回", "取消", container.NewVBox(text, t.RevokeNote), func(ok bool) {
		if ok {
			t.revoke(id, name, badge, t.RevokeNote.Text)
		}
	}, e.Win)
	t.revokeDlg.Resize(fyne.NewSize(440, 220))
	t.revokeDlg.Show()
	ui.EscCloses(e.Win, t.revokeDlg)
}

func (t *badgesTab) revoke(id uint, name, badge, note string) {
	e := t.s.env
	e.Tasks.Run(func() {
		err := e.Store.RevokeBadge(id, note)
		fyne.Do(func() {
			if ve, ok := ui.IsValidation(err); ok {
				t.s.notice.Show(strings.Join(ui.MessagesOf(ve), "；"))
				return
			}
			switch {
			case errors.Is(err, data.ErrBadgeRevoked):
				t.s.notice.Show("这个身份标识已经收回过了，列表已刷新。")
			case err != nil:
				e.ShowError(err)
				return
			default:
				t.s.notice.Show("已收回 " + name + " 的「" + badge + "」")
			}
			t.s.Refresh()
		})
	})
}

func (t *badgesTab) openGrant() {
	names := slices.Clone(suggestedBadges)
	for _, b := range t.all {
		if !slices.Contains(names, b.Name) {
			names = append(names, b.Name)
		}
	}
	t.Form = newGrantForm(t.s.env, t.s.Group, names, func(b data.MemberBadge) {
		t.selected = b.ID
		t.s.notice.Show("已授予「" + b.Name + "」")
		t.s.Refresh()
	})
	t.Form.show()
}

// grantForm gives a member a badge by hand, for good or for some days.
type grantForm struct {
	*ui.FormKit
	group   *data.Group
	onSaved func(data.MemberBadge)

	Member  *ui.Picker
	Name    *ui.SelectEntry
	Days    *ui.FormEntry
	Remarks *ui.Entry
}

func newGrantForm(e *ui.Env, g *data.Group, names []string, onSaved func(data.MemberBadge)) *grantForm {
	f := &grantForm{group: g, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("授予")
	f.Member = ui.NewPicker(f.Close, "成员的QQ号、昵称、群名片或拼音", 88, f.Changed)
	f.WatchEntry("member", f.Member.Entry)
	f.Name = ui.NewSelectEntry(names)
	f.Name.SetPlaceHolder("如 热心群友，最多 12 个字")
	f.WatchEntry("name", f.Name)
	f.Days = f.Entry("expires", "留空表示一直有效")
	f.Remarks = ui.NewMultiLineEntry()
	f.Remarks.SetMinRowsVisible(2)
	f.WatchEntry("note", f.Remarks)
	e.Tasks.Run(func() {
		var gid uint
		if g != nil {
			gid = g.ID
		}
		ms, err := e.Store.Members(gid)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			cs := make([]ui.Choice, len(ms))
			for i, m := range ms {
				cs[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid) + " " + m.QQ, Key: m.SearchKey}
			}
			f.Member.SetChoices(cs)
		})
	})
	return f
}

// grant is the draft as a data.BadgeGrant, or the problems the form finds itself.
func (f *grantForm) grant() (data.BadgeGrant, data.ValidationError) {
	g := data.BadgeGrant{MemberID: f.Member.ID(), Name: f.Name.Text, Source: data.BadgeFromAward, Note: f.Remarks.Text}
	var ve data.ValidationError
	if g.MemberID == 0 {
		ve = append(ve, &data.FieldError{Field: "member", Message: "请在名单里点选成员"})
	}
	name := strings.TrimSpace(g.Name)
	switch n := len([]rune(name)); {
	case n == 0:
		ve = append(ve, &data.FieldError{Field: "name", Message: "请填写身份标识的名称，例如 热心群友"})
	case n > data.MaxBadgeNameLen:
		ve = append(ve, &data.FieldError{Field: "name", Message: fmt.Sprintf("身份标识最多 %d 个字，请改短一些", data.MaxBadgeNameLen)})
	}
	if s := strings.TrimSpace(f.Days.Text); s != "" {
		d, err := strconv.Atoi(s)
		if err != nil || d < 0 || d > data.MaxBadgeDays {
			ve = append(ve, &data.FieldError{Field: "expires", Message: fmt.Sprintf("有效天数请填 1 到 %d 的整数，一直有效请留空", data.MaxBadgeDays)})
		} else if d > 0 {
			until := f.Env.Now().AddDate(0, 0, d)
			g.ExpiresAt = &until
		}
	}
	return g, ve
}

func (f *grantForm) check() error {
	if _, ve := f.grant(); len(ve) > 0 {
		return ve
	}
	return nil
}

func (f *grantForm) show() {
	form := f.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())},
		ui.FormRow{Label: "身份标识", Key: "name", Widget: f.Name,
			Beside: &ui.FormRow{Label: "有效天数", Key: "expires", Widget: f.Days}},
		ui.FormRow{Label: "备注", Key: "note", Widget: f.Remarks},
	)
	f.FormKit.Show("授予身份标识", form, fyne.NewSize(680, 520))
	f.Env.Win.Canvas().Focus(f.Member.Entry)
}

func (f *grantForm) onSave() {
	g, _ := f.grant()
	var b data.MemberBadge
	f.Submit(func() error {
		var err error
		b, err = f.Env.Store.GrantBadge(g)
		return err
	}, func() { f.onSaved(b) })
}
