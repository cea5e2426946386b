package tickets

import (
	"errors"
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
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// Detail is one ticket: who, what, where it stands against the promise, its log, a
// reply to record (and copy for the group) and the moves it may make now.
type Detail struct {
	env     *ui.Env
	group   *data.Group
	id      uint
	changed func(what string) // after a move or reply: the list reloads
	ticket  data.Ticket
	qqs     []string

	Header      *widget.Label
	Left        *widget.Label
	Log         *widget.Label
	Reply       *ui.Entry
	ReplyButton *widget.Button
	CopyButton  *widget.Button
	Problem     *widget.Label
	Status      *widget.Label
	Moves       *fyne.Container
	MoveButtons map[data.TicketState]*widget.Button
	Award       *ui.AwardButton // 帮助解答 points for the member who helped resolve it
	scroll      *container.Scroll
	dlg         dialog.Dialog
}

func newDetail(e *ui.Env, g *data.Group, id uint, changed func(string)) *Detail {
	d := &Detail{env: e, group: g, id: id, changed: changed, MoveButtons: map[data.TicketState]*widget.Button{}}
	d.Header = widget.NewLabel("正在读取工单…")
	d.Header.Wrapping = fyne.TextWrapBreak
	d.Left = widget.NewLabel("")
	d.Log = widget.NewLabel("")
	d.Log.Wrapping = fyne.TextWrapBreak
	d.Reply = ui.NewMultiLineEntry()
	d.Reply.SetPlaceHolder("回复成员的话，如：已收到，正在联系上家核实")
	d.Reply.Wrapping = fyne.TextWrapBreak
	d.Reply.SetMinRowsVisible(2)
	d.ReplyButton = widget.NewButtonWithIcon("记下回复并复制", theme.ContentCopyIcon(), d.onReply)
	d.ReplyButton.Importance = widget.HighImportance
	d.CopyButton = widget.NewButton("只复制进度", d.onCopy)
	d.Problem = widget.NewLabel("")
	d.Problem.Importance = widget.DangerImportance
	d.Problem.Wrapping = fyne.TextWrapBreak
	d.Status = widget.NewLabel("")
	d.Status.Importance = widget.SuccessImportance
	d.Status.Truncation = fyne.TextTruncateEllipsis
	d.Moves = container.NewHBox()
	d.Award = ui.NewAwardButton(e, func(text string) {
		if text == ui.AwardAlready {
			d.Status.SetText(text)
		} else {
			d.Status.SetText("√ " + text)
		}
		d.changed(text)
	})
	return d
}

// show opens the dialog and loads the ticket.
func (d *Detail) show() {
	logBox := container.NewVScroll(d.Log)
	logBox.SetMinSize(fyne.NewSize(0, 120))
	body := container.NewVBox(d.Header, d.Left, widget.NewSeparator(), ui.Bold("记录"), logBox, widget.NewSeparator(),
		ui.Bold("回复成员"), d.Reply, d.Problem, container.NewHBox(d.ReplyButton, d.CopyButton))
	closeButton := widget.NewButton("关闭", func() { d.dlg.Hide() })
	// What was just done stays in sight beside the moves, however the body scrolls.
	bottom := container.NewBorder(nil, nil, container.NewHBox(d.Moves, d.Award.Button), closeButton, d.Status)
	d.scroll = container.NewVScroll(body)
	d.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("售后工单 #%d", d.id),
		container.NewBorder(nil, bottom, nil, nil, d.scroll), d.env.Win)
	size := d.env.Win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(min(720, size.Width-40), min(640, size.Height-40)))
	d.dlg.Show()
	ui.EscCloses(d.env.Win, d.dlg)
	d.load()
}

func (d *Detail) load() {
	e := d.env
	e.Tasks.Run(func() {
		t, err := e.Store.Ticket(d.id)
		var qqs []string
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if err != nil {
				d.Header.SetText("没能读出这张工单。")
				e.ShowError(err)
				return
			}
			d.ticket, d.qqs = t, qqs
			d.fill()
		})
	})
}

func (d *Detail) groupID() uint {
	if d.group == nil {
		return 0
	}
	return d.group.ID
}

// fill shows the ticket as loaded.
func (d *Detail) fill() {
	t, loc := &d.ticket, d.env.Loc
	lines := []string{
		fmt.Sprintf("%s · %s · %s", t.Who(d.groupID()), t.Category.Label(), t.State.Label()),
		"问题：" + t.Description,
	}
	if a := about(t); a != "" {
		lines = append(lines, "相关："+a)
	}
	lines = append(lines, fmt.Sprintf("开单 %s，承诺 %s 前首次回复", t.OpenedAt.In(loc).Format("01-02 15:04"), t.DueAt.In(loc).Format("01-02 15:04")))
	d.Header.SetText(strings.Join(lines, "\n"))
	text, imp := LeftText(t, d.env.Now())
	d.Left.Importance = imp
	d.Left.SetText(text)
	var log []string
	for _, ev := range t.Events {
		line := ev.At.In(loc).Format("01-02 15:04") + "  " + eventText(ev)
		log = append(log, line)
	}
	d.Log.SetText(strings.Join(log, "\n"))
	d.Moves.RemoveAll()
	d.MoveButtons = map[data.TicketState]*widget.Button{}
	for _, to := range t.State.Moves() {
		b := widget.NewButton(t.State.MoveLabel(to), func() { d.onMove(to) })
		d.MoveButtons[to] = b
		d.Moves.Add(b)
	}
	ui.Enable(d.ReplyButton, t.State != data.TicketClosed)
	d.showAward()
	if d.scroll != nil {
		d.scroll.Content.Refresh() // the header and log grew: lay the body out again
		d.scroll.Refresh()
	}
}

// showAward offers 帮助解答 points once the ticket is resolved: the owner picks the
// member who helped (not the one who asked).
func (d *Detail) showAward() {
	t := &d.ticket
	if t.State != data.TicketResolved && (t.State != data.TicketClosed || t.ResolvedAt == nil) {
		d.Award.Clear()
		return
	}
	gid := d.groupID()
	if t.GroupID != nil {
		gid = *t.GroupID
	}
	d.Award.Set(ui.Deed{Kind: data.LinkTicket, ID: t.ID, Reason: points.Help, GroupID: gid,
		What: fmt.Sprintf("工单 #%d", t.ID), Exclude: t.MemberID})
}

// eventText says a log entry in the owner's words.
func eventText(ev data.TicketEvent) string {
	var s string
	switch {
	case ev.From == "":
		s = "开单（" + ev.To.Label() + "）"
	case ev.From == ev.To:
		s = "回复"
	default:
		s = ev.From.Label() + " → " + ev.To.Label()
	}
	if ev.Note != "" && ev.Note != "开单" {
		s += "：" + ev.Note
	}
	return s
}

// onMove makes a move and reloads.
func (d *Detail) onMove(to data.TicketState) {
	e, id := d.env, d.id
	label := d.ticket.State.MoveLabel(to)
	e.Tasks.Run(func() {
		t, err := e.Store.MoveTicket(id, to, "")
		fyne.Do(func() {
			if d.explain(err) {
				return
			}
			d.ticket.State = t.State
			d.Status.SetText("√ " + label + "：现在是「" + t.State.Label() + "」")
			d.changed(fmt.Sprintf("工单 #%d 现在是「%s」。", id, t.State.Label()))
			d.load()
		})
	})
}

// explain shows why a change was refused, and reports whether it was.
func (d *Detail) explain(err error) bool {
	d.Problem.SetText("")
	if err == nil {
		return false
	}
	var me *data.TicketMoveError
	switch ve, ok := ui.IsValidation(err); {
	case ok:
		d.Problem.SetText(strings.Join(ui.MessagesOf(ve), "；"))
	case errors.As(err, &me):
		d.Problem.SetText("这张工单刚才已经是「" + me.From.Label() + "」了，没有再改。已刷新，请再看一下。")
		d.load()
		d.changed("")
	default:
		d.env.ShowError(err)
	}
	return true
}

// onReply records the reply (the first one is the first response) and copies the
// reply post for the group.
func (d *Detail) onReply() {
	e, id, text := d.env, d.id, d.Reply.Text
	e.Tasks.Run(func() {
		t, err := e.Store.ReplyTicket(id, text)
		if err == nil {
			t, err = e.Store.Ticket(id)
		}
		fyne.Do(func() {
			if d.explain(err) {
				return
			}
			d.ticket = t
			d.fill()
			d.copyPost(text)
			d.Reply.SetText("")
			d.Status.SetText("√ 已记下并复制，到QQ群里粘贴")
			d.changed(fmt.Sprintf("已回复工单 #%d。", id))
		})
	})
}

// onCopy copies where the ticket stands, without recording anything.
func (d *Detail) onCopy() {
	d.copyPost("")
	d.Status.SetText("√ 已复制工单进度，到QQ群里粘贴即可")
}

// copyPost puts the reply post on the clipboard and returns it.
func (d *Detail) copyPost(reply string) string {
	var g data.Group
	if d.group != nil {
		g = *d.group
	}
	text := qqpost.TicketReply(g, d.ticket, reply, d.env.Loc, d.qqs)
	d.env.App.Clipboard().SetContent(text)
	return text
}
