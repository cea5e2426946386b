package importer

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

// chatResult says what an import added, and offers the senders the app does not know
// as members: ticked, with their QQ number, name and how much they wrote.
type chatResult struct {
	env     *ui.Env
	summary *widget.Label
	senders []data.ChatSender
	ticks   []*widget.Check
	addBtn  *widget.Button
	dlg     dialog.Dialog
}

func showChatResult(e *ui.Env, imp data.ChatImport, senders []data.ChatSender, groups []data.Group) *chatResult {
	r := &chatResult{env: e, senders: senders}
	text := fmt.Sprintf("导入完成：新增 %d 条消息，%d 条之前已经导入过（没有重复保存）。", imp.Added, imp.Skipped)
	if imp.Incomplete {
		text += "\n文件在中间断掉了，已按你的选择保留断开之前的完整消息。"
	}
	r.summary = ui.MessageLabel(text)
	body := container.NewVBox(r.summary)
	close := widget.NewButton("完成", func() { r.dlg.Hide() })
	buttons := container.NewHBox(ui.LayoutSpacer(), close)
	height := float32(150)
	if len(senders) > 0 {
		names := map[uint]string{}
		for _, g := range groups {
			names[g.ID] = g.Name
		}
		body.Add(widget.NewSeparator())
		body.Add(ui.MessageLabel(fmt.Sprintf("有 %d 位发言的人还不是群活里的成员。\n勾选要添加的人，会以聊天里的名字添加，并加进他们发言的群：", len(senders))))
		list := container.NewVBox()
		for _, c := range senders {
			where := ""
			var gs []string
			for _, id := range c.GroupIDs {
				gs = append(gs, names[id])
			}
			if len(gs) > 0 {
				where = "，" + strings.Join(gs, "、")
			}
			name := c.Name
			if name == "" {
				name = "（没有名字）"
			}
			t := widget.NewCheck(fmt.Sprintf("%s（QQ %s，%d 条消息%s）", name, c.QQ, c.Messages, where), nil)
			t.SetChecked(true)
			t.OnChanged = func(bool) { r.update() }
			r.ticks = append(r.ticks, t)
			list.Add(t)
		}
		body.Add(ui.WithMinHeight(container.NewVScroll(list), min(float32(len(senders))*38, 300)))
		r.addBtn = widget.NewButton("", r.onAdd)
		r.addBtn.Importance = widget.HighImportance
		close.SetText("暂不添加")
		buttons = container.NewHBox(ui.LayoutSpacer(), close, r.addBtn)
		height += min(float32(len(senders))*38, 300) + 80
		r.update()
	}
	body.Add(widget.NewSeparator())
	body.Add(buttons)
	r.dlg = dialog.NewCustomWithoutButtons("导入聊天记录", body, e.Win)
	r.dlg.Resize(fyne.NewSize(680, height))
	r.dlg.Show()
	ui.EscCloses(e.Win, r.dlg)
	return r
}

func (r *chatResult) chosen() []data.ChatSender {
	var out []data.ChatSender
	for i, t := range r.ticks {
		if t.Checked {
			out = append(out, r.senders[i])
		}
	}
	return out
}

func (r *chatResult) update() {
	n := len(r.chosen())
	r.addBtn.SetText(fmt.Sprintf("添加为成员（%d 位）", n))
	ui.Enable(r.addBtn, n > 0)
}

// onAdd adds the ticked senders as members, all in one transaction.
func (r *chatResult) onAdd() {
	chosen := r.chosen()
	if len(chosen) == 0 {
		return
	}
	r.addBtn.Disable()
	e := r.env
	e.Tasks.Run(func() {
		n, err := e.Store.AddChatSenders(chosen)
		fyne.Do(func() {
			if err != nil {
				r.update()
				e.ShowError(err)
				return
			}
			r.dlg.Hide()
			ui.ShowMessage(e.Win, "已添加成员", fmt.Sprintf("已添加 %d 位成员，他们的聊天记录也已经对上了。", n))
		})
	})
}
