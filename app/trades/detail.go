package trades

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/escrow"
)

// detail is the selected trade in full: who, what, how much, where it stands, its audit
// log, and a button for each move its state allows, and no other.
type detail struct {
	env     *ui.Env
	onMoved func(t data.Trade, done string)
	latest  ui.Latest
	trade   *data.Trade
	group   *data.Group

	Title      *widget.Label
	Info       *widget.Label
	Due        *widget.Label // who it waits on and until when; red when overdue
	Log        *widget.Label
	Moves      *fyne.Container
	StatusPost *widget.Button
	box        fyne.CanvasObject
	scroll     *container.Scroll
	move       *moveDialog     // the move dialog last opened
	post       *ui.PostPreview // the status post last shown
}

func newDetail(e *ui.Env, onMoved func(data.Trade, string)) *detail {
	d := &detail{env: e, onMoved: onMoved}
	d.Title = ui.Bold("")
	d.Title.Wrapping = fyne.TextWrapBreak
	d.Info = widget.NewLabel("")
	d.Info.Wrapping = fyne.TextWrapBreak
	d.Due = widget.NewLabel("")
	d.Due.Wrapping = fyne.TextWrapBreak
	d.Log = widget.NewLabel("")
	d.Log.Wrapping = fyne.TextWrapBreak
	d.Moves = container.NewGridWithColumns(2)
	d.StatusPost = widget.NewButtonWithIcon("状态公告", theme.ContentCopyIcon(), d.onStatusPost)
	body := container.NewVBox(d.Title, d.Info, d.Due, widget.NewSeparator(), ui.Bold("这一步可以"), d.Moves,
		widget.NewSeparator(), ui.Bold("记录（只增不改）"), d.Log)
	d.scroll = container.NewVScroll(body)
	d.box = container.NewBorder(nil, container.NewHBox(ui.LayoutSpacer(), d.StatusPost), nil, nil, d.scroll)
	d.clear()
	return d
}

func (d *detail) content() fyne.CanvasObject { return d.box }

// clear says what the pane is for until a trade is picked.
func (d *detail) clear() {
	d.latest.Next()
	d.trade = nil
	d.Title.SetText("点选一笔交易")
	d.Info.SetText("这里显示交易的详情、每一步的记录，和现在可以做的下一步。超时的交易排在最前面，显示为红色。")
	d.Log.SetText("")
	d.Due.SetText("")
	d.Moves.RemoveAll()
	d.StatusPost.Disable()
	if d.scroll != nil {
		d.scroll.Content.Refresh()
		d.scroll.Refresh()
	}
}

// load reads trade id with its log and both members' trade records, then shows it.
func (d *detail) load(id uint, g *data.Group) {
	e := d.env
	e.Load(&d.latest, func() (func(), error) {
		t, err := e.Store.Trade(id)
		var recs map[uint]data.TradeRecord
		if err == nil {
			recs, err = e.Store.MemberTradeRecords(t.BuyerID, t.SellerID)
		}
		return func() {
			d.show(t, g, recs)
		}, err
	})
}

func (d *detail) show(t data.Trade, g *data.Group, recs map[uint]data.TradeRecord) {
	d.trade, d.group = &t, g
	gid := uint(0)
	if g != nil {
		gid = g.ID
	}
	now, loc := d.env.Now(), d.env.Loc
	d.Title.SetText(fmt.Sprintf("#%d %s（%s）", t.ID, t.Item, t.State.Label()))
	lines := []string{
		"买家：" + memberLine(t.Buyer, gid, recs[t.BuyerID], d.env),
		"卖家：" + memberLine(t.Seller, gid, recs[t.SellerID], d.env),
		"金额：¥" + data.Yuan(t.AmountCents),
	}
	if t.FeeCents > 0 {
		lines[2] += "，手续费 ¥" + data.Yuan(t.FeeCents)
	}
	if t.Notes != "" {
		lines = append(lines, "备注："+t.Notes)
	}
	d.Info.SetText(strings.Join(lines, "\n"))
	d.Due.Importance = widget.MediumImportance
	if t.Overdue(now) {
		d.Due.Importance = widget.DangerImportance
	}
	d.Due.SetText("")
	if w := deadlineText(&t, now, loc); w != "" {
		d.Due.SetText("现在：" + w)
	}
	var log []string
	for _, ev := range t.Events {
		line := ev.At.In(loc).Format(data.DateMinLayout) + "  " + escrow.State(ev.To).Label()
		if ev.From != "" {
			line = ev.At.In(loc).Format(data.DateMinLayout) + "  " + escrow.State(ev.From).Label() + " → " + escrow.State(ev.To).Label()
		}
		log = append(log, line+"："+ev.Note)
	}
	d.Log.SetText(strings.Join(log, "\n"))
	d.Moves.RemoveAll()
	for _, m := range escrow.From(escrow.State(t.State)) {
		b := widget.NewButton(m.Action, func() { d.onMove(m) })
		if m.To == escrow.Disputed || m.To == escrow.Cancelled || m.To == escrow.Refunded {
			b.Importance = widget.DangerImportance
		} else {
			b.Importance = widget.HighImportance
		}
		d.Moves.Add(b)
	}
	if len(d.Moves.Objects) == 0 {
		d.Moves.Add(widget.NewLabel("交易已结束，记录只能查看。"))
	}
	d.StatusPost.Enable()
	// The wrapped lines changed height: lay the pane out again, or they overlap.
	d.scroll.Content.Refresh()
	d.scroll.Refresh()
	d.scroll.ScrollToTop()
}

// memberLine is a member with QQ number and trade record: 小明（10001），完成 3 笔….
func memberLine(m *data.Member, gid uint, rec data.TradeRecord, e *ui.Env) string {
	if m == nil {
		return "（已删除）"
	}
	return m.DisplayName(gid) + "（" + m.QQ + "），" + rec.Summary(e.Loc)
}

func (d *detail) onMove(m escrow.Move) {
	if d.trade == nil {
		return
	}
	d.move = newMoveDialog(d.env, *d.trade, m, d.onMoved)
	d.move.show()
}

// button is the move button with text, for tests.
func (d *detail) button(text string) *widget.Button {
	for _, o := range d.Moves.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}
