package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// Points are given where the deed is recorded: an answered request, a resolved ticket,
// a completed swap, a shared blind-box experience, a shared resource. Each of those
// screens has a 记积分 button (AwardButton) or action (AwardDeed) for its deed: one
// click when the screen knows who earned it, else a short picker of the group's
// members. The store pays a deed once (data.Store.AwardDeed), so a second click, from
// this screen or a stale one, says 已经记过 and writes nothing.

// Deed is what members did that earns points, as the screen that records it knows it.
type Deed struct {
	Kind    string        // what the points link to: data.LinkTicket …
	ID      uint          // its record
	Reason  points.Reason // why: points.Help …
	GroupID uint          // the group: entries belong to it, the picker shows its members and names
	What    string        // the deed in words, for the picker's title: 工单 #12
	// Members are paid with one click (a blind-box winner, everyone in a swap); none:
	// the owner picks the one member who earned it.
	Members []uint
	// Exclude is never offered in the picker: the member who asked cannot have helped.
	Exclude uint
}

func (d Deed) draft(amount int64) data.PointDraft {
	id := d.ID
	p := data.PointDraft{Reason: d.Reason, Amount: amount, LinkKind: d.Kind, LinkID: &id}
	if d.GroupID != 0 {
		gid := d.GroupID
		p.GroupID = &gid
	}
	return p
}

// AwardAlready is what the owner reads when a deed had already been paid.
const AwardAlready = "这件事已经记过积分了，没有再记。"

// AwardDeed pays d: at once for its Members, else after the owner picks the member in
// a small dialog (returned, nil for one click). done gets the sentence to show (已给
// 小明 记 +5 分（帮助解答）, or AwardAlready) once the deed is paid, or "" after a
// failure, which is shown in a dialog.
func AwardDeed(e *Env, d Deed, done func(text string)) *AwardForm {
	if len(d.Members) > 0 {
		e.Tasks.Run(func() {
			text, err := writeAward(e, d, d.Members)
			fyne.Do(func() {
				if err != nil {
					e.ShowError(err)
				}
				done(text)
			})
		})
		return nil
	}
	f := newAwardForm(e, d, done)
	f.show()
	return f
}

// writeAward pays d to members, reading the reason's amount in the same piece of work,
// and says what was done.
func writeAward(e *Env, d Deed, members []uint) (string, error) {
	amount, err := e.Store.PointAmount(d.Reason)
	if err != nil {
		return "", err
	}
	es, err := e.Store.AwardDeed(d.draft(amount), members)
	if errors.Is(err, data.ErrDeedAwarded) {
		return AwardAlready, nil
	}
	if err != nil {
		return "", err
	}
	// The entries are written; the names are only for the sentence.
	paid, err := e.Store.DeedAwards(d.Kind, d.ID, d.Reason)
	if err != nil {
		e.Log.Error("deed awards", "kind", d.Kind, "id", d.ID, "err", err)
	}
	if names := awardNames(paid, d.GroupID); names != "" {
		return fmt.Sprintf("已给 %s 记 +%d 分（%s）", names, es[0].Amount, d.Reason.Label()), nil
	}
	return fmt.Sprintf("已记 +%d 分（%s）", es[0].Amount, d.Reason.Label()), nil
}

func awardNames(es []data.PointEntry, gid uint) string {
	names := make([]string, 0, len(es))
	for _, e := range es {
		if e.Member != nil {
			names = append(names, e.Member.DisplayName(gid))
		}
	}
	return strings.Join(names, "、")
}

// AwardDone is the words a deed already paid shows: 已记 +5 分（小明）.
func AwardDone(es []data.PointEntry, gid uint) string {
	if len(es) == 0 {
		return ""
	}
	if len(es) > 1 {
		return fmt.Sprintf("已记每人 +%d 分（%d 人）", es[0].Amount, len(es))
	}
	if names := awardNames(es, gid); names != "" {
		return fmt.Sprintf("已记 +%d 分（%s）", es[0].Amount, names)
	}
	return fmt.Sprintf("已记 +%d 分", es[0].Amount)
}

// AwardForm is the picker of the member who earned a deed.
type AwardForm struct {
	*FormKit
	deed   Deed
	Member *Picker
	Status *widget.Label
	done   func(string)
}

func newAwardForm(e *Env, d Deed, done func(string)) *AwardForm {
	f := &AwardForm{deed: d, done: done}
	f.FormKit = NewFormKit(e, f.check, f.onSave)
	f.SaveButton.SetText("记积分")
	f.Member = NewPicker(f.Close, "帮忙的成员：QQ号、昵称、群名片或拼音", 160, f.Changed)
	f.WatchEntry("member", f.Member.Entry)
	f.Status = widget.NewLabel("正在读取成员…")
	f.Status.Wrapping = fyne.TextWrapBreak
	gid := d.GroupID
	e.Tasks.Run(func() {
		amount, err := e.Store.PointAmount(d.Reason)
		var ms []data.Member
		if err == nil {
			ms, err = e.Store.Members(gid)
		}
		cs := make([]Choice, 0, len(ms))
		for i := range ms {
			if m := &ms[i]; m.ID != d.Exclude {
				cs = append(cs, Choice{ID: m.ID, Label: m.DisplayName(gid), Detail: "QQ " + m.QQ, Key: m.SearchKey})
			}
		}
		fyne.Do(func() {
			if err != nil {
				f.Status.SetText("没能读出成员，请关闭后再试。")
				e.ShowError(err)
				return
			}
			f.Member.SetChoices(cs)
			f.SaveButton.SetText(fmt.Sprintf("记 +%d 分", amount))
			f.Status.SetText(fmt.Sprintf("「%s」每件事给一位成员记 +%d 分，记过就不能再记。", d.Reason.Label(), amount))
			if len(cs) == 0 {
				f.Status.SetText("这个群还没有别的成员。请先到「成员」里添加帮忙的群友。")
			}
		})
	})
	return f
}

func (f *AwardForm) show() {
	body := container.NewVBox(f.Status, f.Form(
		FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())}))
	title := "记积分：" + f.deed.Reason.Label()
	if f.deed.What != "" {
		title += "（" + f.deed.What + "）"
	}
	f.FormKit.Show(title, body, fyne.NewSize(560, 480))
	f.Env.Win.Canvas().Focus(f.Member.Entry)
}

func (f *AwardForm) check() error {
	if f.Member.ID() == 0 {
		return data.ValidationError{{Field: "member", Message: "请选出帮忙的成员"}}
	}
	return nil
}

func (f *AwardForm) onSave() {
	var text string
	id := f.Member.ID()
	f.Submit(func() error {
		var err error
		text, err = writeAward(f.Env, f.deed, []uint{id})
		return err
	}, func() { f.done(text) })
}

// AwardButton is a deed's 记积分 button on a detail pane: 记积分 +5（帮助解答） while the
// deed is unpaid, 已记 +5 分（小明） and disabled once it is.
type AwardButton struct {
	Button *widget.Button
	env    *Env
	deed   Deed
	set    bool
	latest Latest
	notify func(string)
	// Form is the picker last opened, for tests.
	Form *AwardForm
	// OnAwarded runs after the button paid its deed (a screen reloads what shows points).
	OnAwarded func()
}

// NewAwardButton makes a hidden button; notify shows what was done on the screen.
func NewAwardButton(e *Env, notify func(string)) *AwardButton {
	a := &AwardButton{env: e, notify: notify}
	a.Button = widget.NewButtonWithIcon("记积分", theme.ContentAddIcon(), a.onTap)
	a.Button.Hide()
	return a
}

// Set shows the button for d and reads whether d was paid, off the UI goroutine.
func (a *AwardButton) Set(d Deed) {
	a.deed, a.set = d, true
	a.Button.SetText("记积分…")
	a.Button.Disable()
	a.Button.Show()
	a.load()
}

// Clear hides the button: nothing on the pane earns points.
func (a *AwardButton) Clear() {
	a.set = false
	a.latest.Next()
	a.Button.Hide()
}

func (a *AwardButton) load() {
	n := a.latest.Next()
	e, d := a.env, a.deed
	e.Tasks.Run(func() {
		amount, err := e.Store.PointAmount(d.Reason)
		var paid []data.PointEntry
		if err == nil {
			paid, err = e.Store.DeedAwards(d.Kind, d.ID, d.Reason)
		}
		fyne.Do(func() {
			if !a.latest.Is(n) {
				return
			}
			if err != nil {
				e.Log.Error("deed awards", "kind", d.Kind, "id", d.ID, "err", err)
				a.Button.SetText("记积分")
				return
			}
			if len(paid) > 0 {
				a.Button.SetIcon(theme.ConfirmIcon())
				a.Button.SetText(AwardDone(paid, d.GroupID))
				a.Button.Disable()
				return
			}
			a.Button.SetIcon(theme.ContentAddIcon())
			if len(d.Members) > 1 {
				a.Button.SetText(fmt.Sprintf("记积分：每人 +%d（%s）", amount, d.Reason.Label()))
			} else {
				a.Button.SetText(fmt.Sprintf("记积分 +%d（%s）", amount, d.Reason.Label()))
			}
			a.Button.Enable()
		})
	})
}

func (a *AwardButton) onTap() {
	if !a.set {
		return
	}
	a.Button.Disable()
	d := a.deed
	a.Form = AwardDeed(a.env, d, func(text string) {
		if a.set && a.deed.Kind == d.Kind && a.deed.ID == d.ID {
			a.load()
		}
		if text == "" {
			return
		}
		a.notify(text)
		if a.OnAwarded != nil {
			a.OnAwarded()
		}
	})
	if a.Form != nil {
		// The picker may be cancelled: the button comes back.
		a.Button.Enable()
	}
}
