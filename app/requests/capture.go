package requests

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// How many rows the capture's lists offer: the best few, never the whole catalog.
const (
	memberRows = 50
	matchRows  = 20
)

const loadingText = "正在读取成员和资源库…"

// Capture is the quick capture (Ctrl+Q from any screen): who asked, what they asked,
// the resources that fit as it is typed with the best one chosen, and the reply to
// copy. The shortest way through is Ctrl+Q, the member's name, Enter, the request,
// Enter: the reply is on the clipboard and the request recorded as 已回复. ↓ and ↑ in
// either field choose another member or resource without leaving it.
type Capture struct {
	env     *ui.Env
	group   *data.Group
	onSaved func() // after anything was recorded: screens reload
	opened  time.Time
	latest  ui.Latest

	// What the capture searches, loaded when it opens.
	members   []data.Member
	search    *data.RequestSearch
	replyBody string
	knownQQ   []string
	loaded    bool

	shown     []int // members matching what is typed in Member, at most memberRows
	newQQ     string
	pick      int // in shown; -1: none
	matches   []data.RequestMatch
	matchPick int // in matches; -1: none
	replying  *data.Request

	kit           *ui.FormKit
	Member        *listEntry
	MemberList    *widget.List
	Text          *listEntry
	MatchList     *widget.List
	Reply         *widget.Label
	Status        *widget.Label
	CopyButton    *widget.Button
	NoStockButton *widget.Button
	LaterButton   *widget.Button
	CloseButton   *widget.Button
	dlg           dialog.Dialog
}

// NewCapture builds the quick capture; Show opens it. onSaved runs after a request
// was recorded, so the screens that list requests reload.
func NewCapture(e *ui.Env, onSaved func()) *Capture {
	c := &Capture{env: e, onSaved: onSaved, pick: -1, matchPick: -1}
	c.kit = ui.NewFormKit(e, c.check, c.onCopy)
	c.Member = newListEntry(c.close, func(by int) { moveIn(c.MemberList, c.pick, c.memberCount(), by) })
	c.Member.SetPlaceHolder("QQ号、昵称、群名片或拼音，如 xiaoming")
	c.Member.OnChanged = func(string) { c.onMemberTyped() }
	c.Member.OnSubmitted = func(string) { c.onMemberSubmitted() }
	c.kit.WatchEntry("member", c.Member)
	c.Text = newListEntry(c.close, func(by int) { moveIn(c.MatchList, c.matchPick, len(c.matches), by) })
	c.Text.SetPlaceHolder("成员的原话，如 求王者点券")
	c.Text.OnChanged = func(string) { c.onTextTyped() }
	c.Text.OnSubmitted = func(string) { c.onCopy() }
	c.kit.WatchEntry("text", c.Text)
	c.MemberList = widget.NewList(func() int { return c.memberCount() }, newRowLabel, c.updateMemberRow)
	c.MemberList.OnSelected = c.onMemberPicked
	c.MatchList = widget.NewList(func() int { return len(c.matches) }, newRowLabel, c.updateMatchRow)
	c.MatchList.OnSelected = c.onMatchPicked
	c.Reply = widget.NewLabel("")
	c.Reply.Wrapping = fyne.TextWrapBreak
	c.Reply.Selectable = true
	c.Status = widget.NewLabel("")
	c.Status.Wrapping = fyne.TextWrapBreak
	c.CopyButton = c.kit.SaveButton
	c.CopyButton.SetText("复制回复（回车）")
	c.CopyButton.SetIcon(theme.ContentCopyIcon())
	c.NoStockButton = widget.NewButton("没有货，记为无货", c.onNoStock)
	c.LaterButton = widget.NewButton("先记下，稍后回复", c.onLater)
	c.CloseButton = widget.NewButton("关闭", c.close)
	return c
}

func newRowLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateClip
	return l
}

// SetGroup is the group requests are recorded in, and whose members are offered.
func (c *Capture) SetGroup(g *data.Group) { c.group = g }

func (c *Capture) groupID() uint {
	if c.group == nil {
		return 0
	}
	return c.group.ID
}

// Show opens the capture for a new request.
func (c *Capture) Show() { c.open(nil) }

// ShowReply opens the capture to reply to a request already recorded: its member and
// text are filled in and the best resources found.
func (c *Capture) ShowReply(r data.Request) { c.open(&r) }

func (c *Capture) open(r *data.Request) {
	c.replying = r
	c.opened = c.env.Now()
	c.Status.SetText(loadingText)
	c.Status.Importance = widget.MediumImportance
	c.Member.SetText("")
	c.Text.SetText("")
	c.Reply.SetText("")
	c.matches, c.matchPick, c.shown, c.pick, c.newQQ = nil, -1, nil, -1, ""
	c.MemberList.UnselectAll()
	c.MatchList.UnselectAll()
	c.buttonsFor()
	if c.dlg == nil {
		c.dlg = dialog.NewCustomWithoutButtons("记下求助", c.content(), c.env.Win)
	}
	size := c.env.Win.Canvas().Size()
	c.dlg.Resize(fyne.NewSize(min(900, size.Width-40), min(640, size.Height-40)))
	c.dlg.Show()
	ui.EscCloses(c.env.Win, c.dlg)
	c.env.Win.Canvas().Focus(c.Member)
	if r != nil {
		c.env.Win.Canvas().Focus(c.Text)
	}
	c.load()
}

func (c *Capture) content() fyne.CanvasObject {
	form := c.kit.Form(
		ui.FormRow{Label: "成员", Key: "member", Widget: c.Member},
		ui.FormRow{Label: "要的东西", Key: "text", Widget: c.Text},
	)
	members := container.NewBorder(ui.Bold("选成员（最像的已选好）"), nil, nil, nil, c.MemberList)
	matches := container.NewBorder(ui.Bold("有货的资源（完全对得上的已选好，点一下换一个）"), nil, nil, nil, c.MatchList)
	lists := container.NewHSplit(members, matches)
	lists.Offset = 0.35
	replyBox := container.NewVBox(ui.Bold("回复（复制后到QQ群里粘贴）"), c.Reply)
	buttons := container.NewHBox(c.LaterButton, c.NoStockButton, ui.LayoutSpacer(), c.CloseButton, c.CopyButton)
	bottom := container.NewVBox(replyBox, c.Status, c.kit.Summary, buttons)
	return container.NewBorder(form, bottom, nil, nil, lists)
}

// load reads the members of the group, the catalog, the synonyms and the reply
// template off the UI goroutine, then searches with what was typed meanwhile.
func (c *Capture) load() {
	n := c.latest.Next()
	e := c.env
	e.Tasks.Run(func() {
		// Everyone: a member of another of the owner's groups may ask here too.
		ms, err := e.Store.Members(0)
		var rs []data.Resource
		var body string
		var qqs []string
		var search *data.RequestSearch
		if err == nil {
			rs, err = e.Store.Resources()
		}
		if err == nil {
			th, err2 := e.Store.Thesaurus()
			err = err2
			search = data.NewRequestSearch(th, rs, e.Now())
		}
		if err == nil {
			body, err = qqpost.TemplateFor(e.Store, data.PostReply)
		}
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if !c.latest.Is(n) {
				return
			}
			if err != nil {
				c.Status.SetText("没能读出成员和资源库，请关闭后再试。")
				e.ShowError(err)
				return
			}
			c.members, c.search, c.replyBody, c.knownQQ, c.loaded = ms, search, body, qqs, true
			if c.Status.Text == loadingText {
				c.Status.SetText("")
			}
			if c.replying != nil {
				c.fillReplying()
			}
			c.onMemberTyped()
			c.onTextTyped()
		})
	})
}

// fillReplying puts the recorded request's member and text in the fields.
func (c *Capture) fillReplying() {
	r := c.replying
	for i := range c.members {
		if c.members[i].ID == r.MemberID {
			c.Member.SetText(c.members[i].QQ)
			break
		}
	}
	c.Text.SetText(r.Text)
}

// check is the draft's problems for the form: the store's own rules.
func (c *Capture) check() error {
	d := data.RequestDraft{Text: c.Text.Text}
	if c.pickedMember() != nil || c.newQQ != "" {
		d.MemberID = 1 // any: the member is chosen
	}
	return d.Check()
}
