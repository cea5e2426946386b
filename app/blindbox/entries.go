package blindbox

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// entryForm records one member's entry: who, and the demand they stated.
type entryForm struct {
	*ui.FormKit
	boxID   uint
	onSaved func()

	Member *ui.Picker
	Demand *ui.FormEntry
	Status *widget.Label
}

func (d *Detail) onAddEntry() {
	if d.Box == nil {
		return
	}
	f := &entryForm{boxID: d.Box.ID, onSaved: func() { d.onChanged("已登记报名") }}
	f.FormKit = ui.NewFormKit(d.env, f.check, f.onSave)
	f.SaveButton.SetText("登记")
	f.Member = ui.NewPicker(f.Close, "成员的QQ号、昵称、群名片或拼音", 120, f.Changed)
	f.WatchEntry("member", f.Member.Entry)
	f.Demand = f.Entry("demand", "TA 想要的资源，如 求原神月卡")
	f.Status = widget.NewLabel("正在读取成员…")
	gid := d.groupID()
	e := d.env
	e.Tasks.Run(func() {
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
			f.Status.Hide()
			if len(ms) == 0 {
				f.Status.SetText("这个群还没有成员，请先到「成员」里添加，或用「粘贴群聊报名」。")
				f.Status.Show()
			}
		})
	})
	d.EntryForm = f
	form := f.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: container.NewVBox(f.Member.Entry, f.Member.Content())},
		ui.FormRow{Label: "需求", Key: "demand", Widget: f.Demand},
	)
	f.FormKit.Show("登记报名", container.NewVBox(f.Status, form), fyne.NewSize(640, 480))
	e.Win.Canvas().Focus(f.Member.Entry)
}

func (f *entryForm) draft() data.BoxEntryDraft {
	return data.BoxEntryDraft{MemberID: f.Member.ID(), Demand: f.Demand.Text}
}

func (f *entryForm) check() error {
	d := f.draft()
	var ve data.ValidationError
	if d.MemberID == 0 {
		ve = append(ve, &data.FieldError{Field: "member", Message: "请选择报名的成员"})
	}
	if strings.TrimSpace(d.Demand) == "" {
		ve = append(ve, &data.FieldError{Field: "demand", Message: "需求不能为空，写上 TA 想要的资源"})
	}
	if len(ve) > 0 {
		return ve
	}
	return nil
}

func (f *entryForm) onSave() {
	d := f.draft()
	f.Submit(func() error {
		_, err := f.Env.Store.AddBoxEntry(f.boxID, d)
		return err
	}, f.onSaved)
}

// pasteDialog reads a block of QQ chat lines into entries and shows what it could not
// read, line by line.
type pasteDialog struct {
	Text   *ui.Entry
	Read   *widget.Button
	Result *widget.Label
	dlg    dialog.Dialog
}

func (d *Detail) onPaste() {
	if d.Box == nil {
		return
	}
	p := &pasteDialog{Text: ui.NewMultiLineEntry()}
	p.Text.SetPlaceHolder("从QQ群聊天窗口复制整段记录粘贴到这里，如\n2026-11-20 20:15:03 Tom(12345678)\n参加盲盒 求原神月卡")
	p.Text.SetMinRowsVisible(10)
	p.Result = widget.NewLabel("")
	p.Result.Wrapping = fyne.TextWrapBreak
	id, e := d.Box.ID, d.env
	p.Read = widget.NewButton("读取并登记", func() {
		text := p.Text.Text
		if strings.TrimSpace(text) == "" {
			p.Result.SetText("请先粘贴聊天记录。")
			return
		}
		p.Read.Disable()
		e.Tasks.Run(func() {
			res, err := e.Store.PasteBoxEntries(id, text, e.Loc)
			fyne.Do(func() {
				p.Read.Enable()
				if err != nil {
					showErr(e, err)
					return
				}
				p.Result.SetText(pasteReport(res))
				if len(res.Added) > 0 {
					p.Text.SetText("")
					d.onChanged(fmt.Sprintf("从聊天记录登记了 %d 人报名", len(res.Added)))
				}
			})
		})
	})
	p.Read.Importance = widget.HighImportance
	body := container.NewBorder(nil, container.NewVBox(p.Read, container.NewVScroll(p.Result)), nil, nil, p.Text)
	p.dlg = dialog.NewCustom("粘贴群聊报名", "关闭", body, e.Win)
	p.dlg.Resize(fyne.NewSize(680, 620))
	p.dlg.Show()
	ui.EscCloses(e.Win, p.dlg)
	d.Paste = p
}

func pasteReport(res data.PasteResult) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "登记了 %d 人报名", len(res.Added))
	if res.NewMembers > 0 {
		fmt.Fprintf(&sb, "（其中 %d 位是新成员，已按QQ号加入成员列表）", res.NewMembers)
	}
	sb.WriteString("。")
	if len(res.Skipped) == 0 {
		return sb.String()
	}
	fmt.Fprintf(&sb, "\n以下 %d 行没有登记：", len(res.Skipped))
	for _, s := range res.Skipped {
		fmt.Fprintf(&sb, "\n第 %d 行「%s」：%s", s.Line, s.Text, s.Reason)
	}
	return sb.String()
}
