package blindbox

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// Detail is one box: what is in it, its commitment, the moves its state allows, the
// entries and the winners with their shares.
type Detail struct {
	env       *ui.Env
	onChanged func(done string)
	group     *data.Group
	latest    ui.Latest

	Box     *data.BlindBox
	Entries []data.BlindBoxEntry
	Draws   []data.BlindBoxDraw

	hint                                  *widget.Label
	Head, Contents, Fairness, EntriesText *widget.Label
	Open, Close, Draw, Edit               *widget.Button
	EditForm                              *boxForm
	OpeningPost, ResultPost, ReminderPost *widget.Button
	AddEntry, PasteEntries                *widget.Button
	winners                               *fyne.Container
	Awards                                map[uint]*ui.AwardButton // 分享体验 points, by draw
	body                                  *fyne.Container
	EntryForm                             *entryForm
	Paste                                 *pasteDialog
	post                                  *ui.PostPreview
}

func newDetail(e *ui.Env, onChanged func(string)) *Detail {
	d := &Detail{env: e, onChanged: onChanged}
	d.hint = widget.NewLabel("在左边选一个盲盒，这里显示盒内资源、报名和开奖。")
	d.hint.Wrapping = fyne.TextWrapBreak
	d.Head = ui.Bold("")
	wrap := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapBreak
		return l
	}
	d.Contents, d.Fairness, d.EntriesText = wrap(), wrap(), wrap()
	d.Open = widget.NewButtonWithIcon("开始报名", theme.MediaPlayIcon(), d.onOpen)
	d.Close = widget.NewButtonWithIcon("截止报名", theme.MediaStopIcon(), d.onClose)
	d.Draw = widget.NewButtonWithIcon("开奖", theme.ConfirmIcon(), d.onDraw)
	d.Edit = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), d.onEdit)
	for _, b := range []*widget.Button{d.Open, d.Close, d.Draw} {
		b.Importance = widget.HighImportance
	}
	d.OpeningPost = widget.NewButtonWithIcon("开盒公告", theme.DocumentIcon(), d.onOpeningPost)
	d.ResultPost = widget.NewButtonWithIcon("开奖公告", theme.DocumentIcon(), d.onResultPost)
	d.ReminderPost = widget.NewButtonWithIcon("提醒分享", theme.MailSendIcon(), d.onReminderPost)
	d.AddEntry = widget.NewButtonWithIcon("登记报名", theme.ContentAddIcon(), d.onAddEntry)
	d.PasteEntries = widget.NewButtonWithIcon("粘贴群聊报名", theme.ContentPasteIcon(), d.onPaste)
	d.winners = container.NewVBox()
	d.body = container.NewVBox(d.Head, d.Contents, d.Fairness,
		container.NewHBox(d.Open, d.Edit, d.Close, d.Draw, d.OpeningPost, d.ResultPost, d.ReminderPost),
		widget.NewSeparator(), container.NewHBox(ui.Bold("报名"), d.AddEntry, d.PasteEntries), d.EntriesText,
		widget.NewSeparator(), ui.Bold("中奖与分享"), d.winners)
	d.clear()
	return d
}

func (d *Detail) content() fyne.CanvasObject {
	return container.NewStack(d.hint, container.NewVScroll(d.body))
}

func (d *Detail) clear() {
	d.Box, d.Entries, d.Draws = nil, nil, nil
	d.body.Hide()
	d.hint.Show()
}

// load reads box id with its entries and draws off the UI goroutine.
func (d *Detail) load(id uint, g *data.Group) {
	d.group = g
	n := d.latest.Next()
	e := d.env
	e.Tasks.Run(func() {
		b, err := e.Store.Box(id)
		var es []data.BlindBoxEntry
		var ds []data.BlindBoxDraw
		if err == nil {
			es, err = e.Store.BoxEntries(id)
		}
		if err == nil {
			ds, err = e.Store.BoxDraws(id)
		}
		fyne.Do(func() {
			if !d.latest.Is(n) {
				return
			}
			if err != nil {
				showErr(e, err)
				return
			}
			d.show(b, es, ds)
		})
	})
}

func (d *Detail) show(b data.BlindBox, es []data.BlindBoxEntry, ds []data.BlindBoxDraw) {
	d.Box, d.Entries, d.Draws = &b, es, ds
	loc, now := d.env.Loc, d.env.Now()
	d.Head.SetText(fmt.Sprintf("%s（%s）", b.Title, b.State.Label()))
	var c strings.Builder
	c.WriteString("盒内资源：")
	for i, it := range b.Items {
		if i > 0 {
			c.WriteString("；")
		}
		fmt.Fprintf(&c, "%s ×%d", it.Name, it.Quantity)
	}
	fmt.Fprintf(&c, "\n抽 %d 位，报名 %s 至 %s，中奖后 %d 天内分享体验", b.Winners,
		b.OpensAt.In(loc).Format(data.DateMinLayout), b.ClosesAt.In(loc).Format(data.DateMinLayout), b.ShareDays)
	d.Contents.SetText(c.String())
	switch b.State {
	case data.BoxPreparing:
		d.Fairness.SetText("开始报名时生成开奖种子，开盒公告里公布它的 SHA-256（承诺），开奖后再公布种子，群友可自行验证。")
	case data.BoxOpen, data.BoxClosed:
		t := "承诺（SHA-256）：" + b.Commitment
		if b.ListHash != "" {
			t += "\n名单已冻结，名单哈希：" + b.ListHash
		}
		if b.State == data.BoxOpen && !now.Before(b.ClosesAt) {
			t += "\n报名时间已过，请点「截止报名」冻结名单。"
		}
		d.Fairness.SetText(t)
	case data.BoxDrawn:
		d.Fairness.SetText("种子：" + b.Seed + "\n名单哈希：" + b.ListHash + "\n开奖公告里有名单和验证方法，「验证」页可重算。")
	}
	show := func(btn *widget.Button, on bool) {
		if on {
			btn.Show()
		} else {
			btn.Hide()
		}
	}
	show(d.Open, b.State == data.BoxPreparing)
	show(d.Edit, b.State == data.BoxPreparing)
	show(d.Close, b.State == data.BoxOpen)
	show(d.Draw, b.State == data.BoxClosed)
	show(d.OpeningPost, b.State != data.BoxPreparing)
	show(d.ResultPost, b.State == data.BoxDrawn)
	show(d.ReminderPost, b.State == data.BoxDrawn)
	show(d.AddEntry, b.State == data.BoxOpen)
	show(d.PasteEntries, b.State == data.BoxOpen)
	d.EntriesText.SetText(entriesText(es, b, d.groupID()))
	d.showWinners()
	d.hint.Hide()
	d.body.Show()
}

func (d *Detail) groupID() uint {
	if d.group == nil {
		return 0
	}
	return d.group.ID
}

func entriesText(es []data.BlindBoxEntry, b data.BlindBox, gid uint) string {
	if len(es) == 0 {
		switch b.State {
		case data.BoxPreparing:
			return "开始报名后，在这里登记群友的报名，或把群聊记录整段粘贴进来。"
		case data.BoxOpen:
			return "还没有人报名。把开盒公告发到群里；群友发“参加盲盒 求…”后，点「粘贴群聊报名」把聊天记录贴进来。"
		}
		return "没有人报名。"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "共 %d 人报名\n", len(es))
	for _, e := range es {
		num := "·"
		if e.Number > 0 {
			num = fmt.Sprintf("%d.", e.Number)
		}
		name := e.Label
		if name == "" && e.Member != nil {
			name = e.Member.DisplayName(gid) + "（" + data.MaskQQ(e.Member.QQ) + "）"
		}
		fmt.Fprintf(&sb, "%s %s：%s\n", num, name, e.Demand)
	}
	return strings.TrimSpace(sb.String())
}

// showWinners lists the picks in order: standing winners with their share and the
// buttons to mark it or redraw; replaced ones with why.
func (d *Detail) showWinners() {
	d.winners.RemoveAll()
	d.Awards = map[uint]*ui.AwardButton{}
	if len(d.Draws) == 0 {
		d.winners.Add(widget.NewLabel("开奖后这里列出中奖者，登记他们的分享体验。"))
		return
	}
	now, loc := d.env.Now(), d.env.Loc
	for _, dr := range d.Draws {
		dr := dr
		who := ""
		if dr.Entry != nil {
			who = fmt.Sprintf("第 %d 号 %s", dr.Entry.Number, dr.Entry.Label)
		}
		l := widget.NewLabel("")
		switch {
		case !dr.Won():
			l.SetText(who + "：已补抽（" + dr.VoidReason + "）")
			d.winners.Add(l)
			continue
		case dr.SharedAt != nil:
			l.SetText(who + "：已分享 " + dr.SharedAt.In(loc).Format("01-02 15:04") + " " + dr.ShareNote)
		case dr.ShareOverdue(now):
			l.SetText(who + "：分享已超时（" + dr.ShareDue.In(loc).Format("01-02 15:04") + " 前）")
			l.Importance = widget.DangerImportance
		default:
			l.SetText(who + "：待分享（" + dr.ShareDue.In(loc).Format("01-02 15:04") + " 前）")
		}
		row := container.NewHBox(l, ui.LayoutSpacer())
		if dr.SharedAt == nil {
			row.Add(widget.NewButton("已分享", func() { d.onShared(dr) }))
			row.Add(widget.NewButton("补抽", func() { d.onRedraw(dr) }))
		} else if dr.Entry != nil && dr.Entry.MemberID != 0 {
			a := ui.NewAwardButton(d.env, d.onChanged)
			a.Set(ui.Deed{Kind: data.LinkBlindBoxDraw, ID: dr.ID, Reason: points.ShareExperience, GroupID: d.groupID(),
				What: who, Members: []uint{dr.Entry.MemberID}})
			d.Awards[dr.ID] = a
			row.Add(a.Button)
		}
		d.winners.Add(row)
	}
}

// run does store work off the UI goroutine, then reloads with done as the notice.
func (d *Detail) run(work func() error, done string) {
	e := d.env
	e.Tasks.Run(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				showErr(e, err)
			}
			if err != nil {
				done = ""
			}
			d.onChanged(done)
		})
	})
}

func (d *Detail) onOpen() {
	if d.Box == nil {
		return
	}
	id := d.Box.ID
	ui.Confirm(d.env.Win, "开始报名", "开始后生成开奖种子并固定承诺，盒内资源和时间不能再改。把开盒公告发到群里。", "开始报名", func() {
		d.run(func() error { _, err := d.env.Store.OpenBox(id); return err }, "已开始报名，请把开盒公告发到群里")
	})
}

func (d *Detail) onClose() {
	if d.Box == nil {
		return
	}
	id := d.Box.ID
	ui.Confirm(d.env.Win, "截止报名", "截止后名单冻结并编号，不能再登记报名。", "截止", func() {
		d.run(func() error { _, err := d.env.Store.CloseBox(id); return err }, "已截止，名单已冻结")
	})
}

func (d *Detail) onDraw() {
	if d.Box == nil {
		return
	}
	id := d.Box.ID
	d.run(func() error { _, err := d.env.Store.DrawBox(id); return err }, "已开奖，请把开奖公告发到群里")
}

func (d *Detail) onShared(dr data.BlindBoxDraw) {
	note := ui.NewEntry()
	note.SetPlaceHolder("在哪里分享的，如 群里发了截图（可不填）")
	askText(d.env.Win, "登记分享体验", "登记", note, func() {
		text := note.Text
		d.run(func() error { return d.env.Store.MarkShared(dr.ID, text) }, "已登记分享")
	})
}

func (d *Detail) onRedraw(dr data.BlindBoxDraw) {
	reason := ui.NewEntry()
	reason.SetPlaceHolder("如 三天没回复")
	askText(d.env.Win, "补抽一位（沿同一序列抽下一位，其他中奖者不变）", "补抽", reason, func() {
		text := strings.TrimSpace(reason.Text)
		if text == "" {
			text = "未回复"
		}
		d.run(func() error { _, err := d.env.Store.RedrawWinner(dr.ID, text); return err }, "已补抽，其他中奖者不变")
	})
}

// askText asks for one line of text in a dialog; okText runs onOK.
func askText(win fyne.Window, title, okText string, entry *ui.Entry, onOK func()) {
	dlg := dialog.NewCustomConfirm(title, okText, "取消", container.NewGridWrap(fyne.NewSize(420, entry.MinSize().Height), entry), func(ok bool) {
		if ok {
			onOK()
		}
	}, win)
	dlg.Show()
	ui.EscCloses(win, dlg)
	win.Canvas().Focus(entry)
}

// onEdit changes the box while it is still 准备中.
func (d *Detail) onEdit() {
	if d.Box == nil {
		return
	}
	d.EditForm = editBoxForm(d.env, d.group, d.Box, func(b data.BlindBox) { d.onChanged("已修改盲盒「" + b.Title + "」") })
	d.EditForm.show()
}
