package sessions

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// sessionForm plans a session or changes one not yet held: the topic, the speaker
// picked from the members, when and for how long, how members join, what it is about
// and what to prepare.
type sessionForm struct {
	*ui.FormKit
	group   data.Group
	editing *data.ShareSession // nil: a new session
	onSaved func(data.ShareSession)

	Topic, StartsAt, Minutes, Prepare *ui.FormEntry
	Speaker                           *ui.Picker
	How                               *widget.Select
	Description                       *ui.Entry
	Status                            *widget.Label
}

func newSessionForm(e *ui.Env, g data.Group, editing *data.ShareSession, onSaved func(data.ShareSession)) *sessionForm {
	f := &sessionForm{group: g, editing: editing, onSaved: onSaved}
	f.FormKit = ui.NewFormKit(e, f.check, f.onSave)
	f.Topic = f.Entry("topic", "如 点券怎么充最划算、影视会员合租避坑")
	f.Speaker = ui.NewPicker(f.Close, "主讲人的QQ号、昵称、群名片或拼音", 88, f.Changed)
	f.WatchEntry("speaker", f.Speaker.Entry)
	f.StartsAt = f.Entry("time", "如 2026-12-05 20:00")
	f.Minutes = f.Entry("minutes", "默认 60")
	labels := make([]string, len(data.SessionHows))
	for i, h := range data.SessionHows {
		labels[i] = h.Label()
	}
	f.How = ui.NewSelect(labels, data.SessionVoice.Label(), func(string) { f.Changed() })
	f.Description = ui.NewMultiLineEntry()
	f.Description.SetPlaceHolder("讲什么、适合谁听，会写进预告")
	f.Description.SetMinRowsVisible(3)
	f.WatchEntry("description", f.Description)
	f.Prepare = f.Entry("prepare", "如 装好游戏、带上想问的问题（可不填）")
	f.Status = widget.NewLabel("正在读取成员…")
	if editing != nil {
		f.SaveButton.SetText("保存修改")
		f.Topic.SetText(editing.Topic)
		f.StartsAt.SetText(editing.StartsAt.In(e.Loc).Format(data.DateMinLayout))
		f.Minutes.SetText(strconv.Itoa(editing.Minutes))
		f.How.SetSelected(editing.How.Label())
		f.Description.SetText(editing.Description)
		f.Prepare.SetText(editing.Prepare)
	} else {
		f.SaveButton.SetText("新建")
		f.StartsAt.SetText(defaultStart(e.Now(), e.Loc).Format(data.DateMinLayout))
	}
	e.Tasks.Run(f.load)
	return f
}

// defaultStart is three days on at 20:00, when most members are online.
func defaultStart(now time.Time, loc *time.Location) time.Time {
	l := now.In(loc).AddDate(0, 0, 3)
	return time.Date(l.Year(), l.Month(), l.Day(), 20, 0, 0, 0, loc)
}

// load reads the members off the UI goroutine.
func (f *sessionForm) load() {
	e := f.Env
	ms, err := e.Store.Members(0)
	fyne.Do(func() {
		if err != nil {
			f.Status.SetText("没能读出成员，请关闭后再试。")
			e.ShowError(err)
			return
		}
		f.apply(ms)
	})
}

func (f *sessionForm) apply(ms []data.Member) {
	f.Speaker.SetChoices(memberChoices(ms, f.group.ID))
	if f.editing != nil {
		f.Speaker.Pick(f.editing.SpeakerID)
	}
	f.Status.SetText("")
	f.Status.Hide()
	if len(ms) == 0 {
		f.Status.SetText("还没有成员，请先到「成员」里添加，主讲人要从成员里选。")
		f.Status.Show()
	}
}

// memberChoices offers members by their name in group gid and QQ number.
func memberChoices(ms []data.Member, gid uint) []ui.Choice {
	out := make([]ui.Choice, len(ms))
	for i, m := range ms {
		out[i] = ui.Choice{ID: m.ID, Label: m.DisplayName(gid) + " " + m.QQ, Key: m.SearchKey}
	}
	return out
}

func (f *sessionForm) draft() data.SessionDraft {
	how, _ := data.SessionHowByLabel(f.How.Selected)
	return data.SessionDraft{Topic: f.Topic.Text, SpeakerID: f.Speaker.ID(), StartsAt: f.StartsAt.Text,
		Minutes: f.Minutes.Text, How: how, Description: f.Description.Text, Prepare: f.Prepare.Text}
}

func (f *sessionForm) keep() *time.Time {
	if f.editing == nil {
		return nil
	}
	return &f.editing.StartsAt
}

func (f *sessionForm) check() error {
	_, err := f.draft().Parse(f.Env.Now(), f.Env.Loc, f.keep())
	return err
}

func (f *sessionForm) show() {
	form := f.Form(
		ui.FormRow{Label: "主题", Key: "topic", Widget: f.Topic},
		ui.FormRow{Label: "主讲人", Key: "speaker", Widget: container.NewVBox(f.Speaker.Entry, f.Speaker.Content())},
		ui.FormRow{Label: "开始时间", Key: "time", Widget: f.StartsAt,
			Beside: &ui.FormRow{Label: "时长（分钟）", Key: "minutes", Widget: f.Minutes}},
		ui.FormRow{Label: "参加方式", Key: "how", Widget: f.How},
		ui.FormRow{Label: "内容介绍", Key: "description", Widget: f.Description},
		ui.FormRow{Label: "需要准备", Key: "prepare", Widget: f.Prepare},
	)
	title := "新建分享会"
	if f.editing != nil {
		title = "修改分享会"
	}
	f.FormKit.Show(title, container.NewVBox(f.Status, form), fyne.NewSize(780, 720))
	f.Env.Win.Canvas().Focus(f.Topic)
}

func (f *sessionForm) onSave() {
	var saved data.ShareSession
	d, gid, loc := f.draft(), f.group.ID, f.Env.Loc // read on the UI goroutine
	var id uint
	if f.editing != nil {
		id = f.editing.ID
	}
	f.Submit(func() error {
		var err error
		if id != 0 {
			saved, err = f.Env.Store.UpdateSession(id, d, loc)
		} else {
			saved, err = f.Env.Store.CreateSession(gid, d, loc)
		}
		return err
	}, func() { f.onSaved(saved) })
}

func (s *Screen) onAdd() {
	if s.Group == nil {
		ui.ShowMessage(s.env.Win, "还没有群", "请先到「群管理」新建一个群，分享会是按群记的。")
		return
	}
	s.form = newSessionForm(s.env, *s.Group, nil, func(x data.ShareSession) {
		s.selected = x.ID
		s.changed("已新建分享会「" + x.Topic + "」。准备好后点「发布并复制预告」，把预告发到群里。")
	})
	s.form.show()
}

func (s *Screen) onEdit() {
	x := s.current()
	if x == nil || s.Group == nil {
		return
	}
	cp := *x
	s.form = newSessionForm(s.env, *s.Group, &cp, func(x data.ShareSession) {
		s.selected = x.ID
		note := "已保存分享会「" + x.Topic + "」的修改"
		if x.State == data.SessionPublished {
			note += "。预告已经发过了，别忘了在群里说一声"
		}
		s.changed(note)
	})
	s.form.show()
}
