package requests

import (
	"errors"
	"fmt"
	"strings"
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
	c.Reply.Wrapping = fyne.TextWrapWord
	c.Reply.Selectable = true
	c.Status = widget.NewLabel("")
	c.Status.Wrapping = fyne.TextWrapWord
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

func (c *Capture) memberCount() int {
	if c.newQQ != "" {
		return 1
	}
	return len(c.shown)
}

// onMemberTyped narrows the members to what is typed and chooses the first; a QQ
// number nobody has yet is offered as a new member.
func (c *Capture) onMemberTyped() {
	if !c.loaded {
		return
	}
	q := data.ParseQuery(c.Member.Text)
	c.shown, c.newQQ = c.shown[:0], ""
	if !q.Empty() {
		c.shown = data.FilterMembers(c.members, q, c.shown)
	}
	if len(c.shown) > memberRows {
		c.shown = c.shown[:memberRows]
	}
	typed := strings.TrimSpace(c.Member.Text)
	if len(c.shown) == 0 && data.CheckQQ("member", "QQ号", typed) == nil {
		c.newQQ = typed
	}
	c.pick = -1
	c.MemberList.UnselectAll()
	c.MemberList.Refresh()
	if c.memberCount() > 0 {
		c.MemberList.Select(0)
		c.MemberList.ScrollToTop()
	}
	c.kit.Changed()
	c.renderReply()
}

func (c *Capture) updateMemberRow(id widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if c.newQQ != "" {
		l.SetText("新成员：QQ " + c.newQQ + "（记下时自动添加到成员）")
		return
	}
	if id >= len(c.shown) {
		return
	}
	m := &c.members[c.shown[id]]
	text := m.DisplayName(c.groupID())
	if m.Nickname != "" && m.Nickname != text {
		text += " · " + m.Nickname
	}
	l.SetText(text + " · " + m.QQ)
}

func (c *Capture) onMemberPicked(id widget.ListItemID) {
	c.pick = id
	c.kit.Changed()
	c.renderReply()
}

// onMemberSubmitted is Enter in the member field: on to what they asked.
func (c *Capture) onMemberSubmitted() {
	c.env.Win.Canvas().Focus(c.Text)
}

// pickedMember is the member chosen in the list, or nil.
func (c *Capture) pickedMember() *data.Member {
	if c.newQQ != "" || c.pick < 0 || c.pick >= len(c.shown) {
		return nil
	}
	return &c.members[c.shown[c.pick]]
}

// onTextTyped finds the resources for what is typed and chooses the best.
func (c *Capture) onTextTyped() {
	if !c.loaded {
		return
	}
	c.matches = c.search.Find(c.Text.Text, matchRows)
	c.matchPick = -1
	c.MatchList.UnselectAll()
	c.MatchList.Refresh()
	if len(c.matches) > 0 {
		c.MatchList.ScrollToTop()
	}
	// Only a resource with every word is chosen by itself: Enter must not offer 王者荣耀
	// 皮肤 to someone who asked for 点券. Others are a click away.
	if len(c.matches) > 0 && c.matches[0].All {
		c.MatchList.Select(0)
	}
	c.buttonsFor()
	c.kit.Changed()
	c.renderReply()
}

func (c *Capture) updateMatchRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.matches) {
		return
	}
	r := c.search.Resource(c.matches[id])
	price := "免费"
	if r.PriceCents > 0 {
		price = "¥" + data.Yuan(r.PriceCents)
	}
	o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · 库存 %s", r.Name, price, r.StockText()))
}

func (c *Capture) onMatchPicked(id widget.ListItemID) {
	c.matchPick = id
	c.buttonsFor()
	c.renderReply()
}

// pickedResource is the resource chosen for the reply, or nil.
func (c *Capture) pickedResource() *data.Resource {
	if c.matchPick < 0 || c.matchPick >= len(c.matches) {
		return nil
	}
	return c.search.Resource(c.matches[c.matchPick])
}

// buttonsFor enables copying only with a resource to offer.
func (c *Capture) buttonsFor() {
	ui.Enable(c.CopyButton, c.pickedResource() != nil)
	c.LaterButton.Hidden = c.replying != nil
	c.LaterButton.Refresh()
}

// memberName is how the reply @s the member.
func (c *Capture) memberName() string {
	if m := c.pickedMember(); m != nil {
		return m.DisplayName(c.groupID())
	}
	if c.newQQ != "" {
		return data.MaskQQ(c.newQQ)
	}
	return "成员"
}

// renderReply shows the reply as it will be copied; the owner's template when it
// works, else the default.
func (c *Capture) renderReply() {
	r := c.pickedResource()
	if r == nil {
		c.Reply.SetText("")
		if c.loaded && strings.TrimSpace(c.Text.Text) != "" {
			c.Reply.SetText("没有在售的资源完全对得上：可以在上面点一个相近的，或点「没有货，记为无货」，到货时「今日」和「需求响应」里会提醒你通知TA。")
		}
		return
	}
	var g data.Group
	if c.group != nil {
		g = *c.group
	}
	rp := qqpost.BuildReply(g, c.memberName(), strings.TrimSpace(c.Text.Text), *r, c.env.Now(), c.env.Loc)
	text, err := qqpost.RenderReply(c.replyBody, rp, c.knownQQ)
	if err != nil {
		text, _ = qqpost.RenderReply(qqpost.Default(data.PostReply), rp, c.knownQQ)
	}
	c.Reply.SetText(text)
}

// onCopy copies the reply and records the request as 已回复 with the resource.
func (c *Capture) onCopy() {
	if err := c.check(); err != nil {
		c.kit.ShowProblems(err)
		return
	}
	r := c.pickedResource()
	if r == nil || c.Reply.Text == "" {
		c.Status.Importance = widget.WarningImportance
		c.Status.SetText("没有可以回复的资源：换个说法试试，或点「没有货，记为无货」。")
		c.Status.Refresh()
		return
	}
	c.env.App.Clipboard().SetContent(c.Reply.Text)
	resID := r.ID
	c.save(func(tx *data.Store, id uint) (data.Request, error) { return tx.ReplyRequest(id, resID) },
		"√ 回复已复制，到QQ群里粘贴即可；已记为已回复")
}

// onNoStock records the request as 无货: it goes on the demand board.
func (c *Capture) onNoStock() {
	c.save(func(tx *data.Store, id uint) (data.Request, error) { return tx.CloseRequest(id, data.RequestNoStock) },
		"√ 已记为无货，放进了「缺货需求」；到货时会提醒你通知")
}

// onLater records the request as 待回复; 今日 lists it until it is answered.
func (c *Capture) onLater() {
	c.save(nil, "√ 已记下，在「今日」和「需求响应」的待回复里")
}

// save records the request (or takes the one being replied to) and moves it with
// then, in one transaction; a member typed as a new QQ number is added first.
func (c *Capture) save(then func(tx *data.Store, id uint) (data.Request, error), done string) {
	if err := c.check(); err != nil {
		c.kit.ShowProblems(err)
		return
	}
	d := data.RequestDraft{Text: c.Text.Text, AskedAt: c.opened}
	if c.group != nil {
		gid := c.group.ID
		d.GroupID = &gid
	}
	if m := c.pickedMember(); m != nil {
		d.MemberID = m.ID
	}
	// The category of what was offered, or of the closest resource: 原神月卡 not on
	// sale still goes under 游戏类 on the board, by 原神 创世结晶.
	if r := c.pickedResource(); r != nil {
		cat := r.CategoryID
		d.CategoryID = &cat
	} else if len(c.matches) > 0 {
		cat := c.search.Resource(c.matches[0]).CategoryID
		d.CategoryID = &cat
	}
	newQQ, replying, gid := c.newQQ, c.replying, c.groupID()
	e := c.env
	e.Tasks.Run(func() {
		var saved data.Request
		err := e.Store.Transaction(func(tx *data.Store) error {
			id, err := c.requestID(tx, d, newQQ, replying, gid)
			if err != nil || then == nil {
				return err
			}
			saved, err = then(tx, id)
			return err
		})
		fyne.Do(func() { c.saved(err, saved, done) })
	})
}

// requestID is the request being replied to, or a new one recorded from d.
func (c *Capture) requestID(tx *data.Store, d data.RequestDraft, newQQ string, replying *data.Request, gid uint) (uint, error) {
	if replying != nil {
		return replying.ID, nil
	}
	if newQQ != "" {
		m := data.Member{QQ: newQQ}
		if gid != 0 {
			m.Memberships = []data.Membership{{GroupID: gid, Role: data.RoleMember}}
		}
		if err := tx.SaveMember(&m); err != nil {
			return 0, err
		}
		d.MemberID = m.ID
	}
	r, err := tx.CaptureRequest(d)
	return r.ID, err
}

func (c *Capture) saved(err error, r data.Request, done string) {
	if err != nil {
		var mv *data.RequestMoveError
		switch {
		case errors.As(err, &mv):
			c.Status.Importance = widget.WarningImportance
			c.Status.SetText("这条求助已经是「" + mv.From.Label() + "」了，不能再改成「" + mv.To.Label() + "」。")
			c.Status.Refresh()
		default:
			if _, ok := ui.IsValidation(err); ok {
				c.kit.ShowProblems(err)
			} else {
				c.env.ShowError(err)
			}
		}
		return
	}
	if r.RepliedAt != nil {
		done += "（用时 " + data.FormatWait(r.ReplyTime()) + "）"
	}
	c.Status.Importance = widget.SuccessImportance
	c.Status.SetText(done + "。按 Esc 关闭，或接着记下一条。")
	c.Status.Refresh()
	c.replying = nil
	c.Text.SetText("")
	c.Member.SetText("")
	c.opened = c.env.Now()
	c.load() // the catalog and members again: a new member, a resource saved meanwhile
	c.env.Win.Canvas().Focus(c.Member)
	if c.onSaved != nil {
		c.onSaved()
	}
}

func (c *Capture) close() {
	if c.dlg != nil {
		c.dlg.Hide()
	}
}
