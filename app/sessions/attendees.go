package sessions

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// attendeesView records who attended a session: members are picked one after another
// (each pick is saved at once), listed with whether they already got their points, and
// taken off again with 移除 while they have none.
type attendeesView struct {
	s       *Screen
	session data.ShareSession
	paid    map[uint]data.PointEntry
	members []data.Member // everyone; the picker offers those not yet recorded
	dlg     dialog.Dialog

	Picker *ui.Picker
	Count  *widget.Label
	List   *widget.List
	Status *widget.Label
}

func (s *Screen) onAttendees() {
	x := s.current()
	if x == nil {
		return
	}
	v := &attendeesView{s: s, session: *x}
	v.Picker = ui.NewPicker(v.close, "输入参加者的QQ号、昵称、群名片或拼音，回车或点选就记上", 120, v.onPicked)
	v.Count = widget.NewLabel("")
	v.Status = widget.NewLabel("")
	v.Status.Wrapping = fyne.TextWrapBreak
	v.List = widget.NewList(func() int { return len(v.session.Attendees) }, v.newRow, v.updateRow)
	s.attendees = v
	v.show()
	v.load(true)
}

func (v *attendeesView) show() {
	top := container.NewVBox(widget.NewLabel("「"+v.session.Topic+"」参加的成员"), v.Picker.Entry, v.Picker.Content(), v.Count)
	content := container.NewBorder(top, v.Status, nil, nil, v.List)
	v.dlg = dialog.NewCustom("参加的成员", "完成", content, v.s.env.Win)
	v.dlg.SetOnClosed(func() { v.s.Refresh() })
	v.dlg.Resize(fyne.NewSize(620, 600))
	v.dlg.Show()
	ui.EscCloses(v.s.env.Win, v.dlg)
	v.s.env.Win.Canvas().Focus(v.Picker.Entry)
}

func (v *attendeesView) close() {
	if v.dlg != nil {
		v.dlg.Hide()
	}
}

// load reads the session, who it paid and (the first time) the members to pick from.
func (v *attendeesView) load(members bool) {
	e, id := v.s.env, v.session.ID
	e.Tasks.Run(func() {
		x, err := e.Store.SessionByID(id)
		var paid map[uint]data.PointEntry
		if err == nil {
			paid, err = e.Store.SessionPaid(id)
		}
		var ms []data.Member
		if err == nil && members {
			ms, err = e.Store.Members(0)
		}
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			v.session, v.paid = x, paid
			if members {
				v.members = ms
			}
			v.apply()
		})
	})
}

func deref(p *uint) uint {
	if p == nil {
		return 0
	}
	return *p
}

func (v *attendeesView) apply() {
	recorded := make(map[uint]bool, len(v.session.Attendees))
	for _, a := range v.session.Attendees {
		recorded[a.MemberID] = true
	}
	left := make([]data.Member, 0, len(v.members))
	for _, m := range v.members {
		if !recorded[m.ID] {
			left = append(left, m)
		}
	}
	v.Picker.SetChoices(memberChoices(left, deref(v.session.GroupID)))
	n := len(v.session.Attendees)
	if n == 0 {
		v.Count.SetText("还没有记录参加的成员。在上面输入名字点选，一个一个记上。")
	} else {
		v.Count.SetText(fmt.Sprintf("已记 %d 人参加", n))
	}
	v.List.Refresh()
}

func (v *attendeesView) onPicked() {
	id := v.Picker.ID()
	if id == 0 {
		return
	}
	e, sid := v.s.env, v.session.ID
	e.Tasks.Run(func() {
		err := e.Store.AddSessionAttendees(sid, []uint{id})
		fyne.Do(func() {
			if err != nil {
				v.Status.SetText(ui.Explain(err))
				return
			}
			v.Status.SetText("")
			v.Picker.Entry.SetText("")
			v.s.env.Win.Canvas().Focus(v.Picker.Entry)
			v.load(false)
		})
	})
}

func (v *attendeesView) newRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateClip
	mark := widget.NewLabel("")
	remove := widget.NewButtonWithIcon("移除", theme.ContentRemoveIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewHBox(mark, remove), name)
}

func (v *attendeesView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(v.session.Attendees) {
		return
	}
	a := v.session.Attendees[i]
	row := o.(*fyne.Container)
	name := row.Objects[0].(*widget.Label)
	right := row.Objects[1].(*fyne.Container)
	mark, remove := right.Objects[0].(*widget.Label), right.Objects[1].(*widget.Button)
	label := fmt.Sprintf("成员 #%d", a.MemberID)
	if a.Member != nil {
		label = a.Member.DisplayName(deref(v.session.GroupID)) + "（" + data.MaskQQ(a.Member.QQ) + "）"
	}
	if a.MemberID == v.session.SpeakerID {
		label += " · 主讲人"
	}
	name.SetText(label)
	e, ok := v.paid[a.MemberID]
	if ok {
		mark.SetText(fmt.Sprintf("已发 %d 分", e.Amount))
	} else {
		mark.SetText("未发积分")
	}
	ui.Enable(remove, !ok)
	id := a.MemberID
	remove.OnTapped = func() { v.remove(id) }
}

func (v *attendeesView) remove(memberID uint) {
	e, sid := v.s.env, v.session.ID
	e.Tasks.Run(func() {
		err := e.Store.RemoveSessionAttendee(sid, memberID)
		fyne.Do(func() {
			if err != nil {
				v.Status.SetText(ui.Explain(err))
				return
			}
			v.Status.SetText("")
			v.load(false)
		})
	})
}
