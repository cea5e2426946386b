// Package requests is the 需求响应 area: the quick capture of a member's 求… (Ctrl+Q from
// any screen), the requests waiting for a reply, those replied to, the demand board of
// what could not be given (with the 补货清单 for suppliers) and the members to tell
// when an item is back. It sees data and app/ui only.
package requests

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// The tabs of the screen.
const (
	tabWaiting = "待回复"
	tabReplied = "已回复"
	tabBoard   = "未满足需求"
	tabOffers  = "到货通知"
)

// recentReplied is how many replied requests the 已回复 tab lists.
const recentReplied = 200

// Screen is the 需求响应 area.
type Screen struct {
	env     *ui.Env
	group   *data.Group
	Capture *Capture
	latest  ui.Latest

	waiting []data.Request
	replied []data.Request
	board   []data.DemandLine
	offers  []data.RestockOffer
	awarded map[uint]int64 // replied requests already paid 帮助解答, with the points
	help    int64          // what 帮助解答 gives now

	// AwardForm is the 记积分 picker last opened, for tests.
	AwardForm *ui.AwardForm

	tabs          *container.AppTabs
	Waiting       *rowList
	Replied       *rowList
	Board         *rowList
	Offers        *rowList
	notice        *ui.Notice
	summary       *widget.Label
	CaptureButton *widget.Button
	RestockButton *widget.Button
	ExportXLSX    *widget.Button
	ExportCSV     *widget.Button

	restockPreview *ui.PostPreview // the 补货清单 last shown

	// OnChanged runs after a request was recorded or moved, for other screens that
	// show requests (今日); the shell sets it.
	OnChanged func()
}

// changed reloads the lists and tells the shell.
func (s *Screen) changed() {
	s.Refresh()
	if s.OnChanged != nil {
		s.OnChanged()
	}
}

// NewScreen builds the 需求响应 area with its quick capture; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e}
	s.Capture = NewCapture(e, s.changed)
	s.Waiting = newRowList(func() int { return len(s.waiting) }, s.waitingRow)
	s.Replied = newRowList(func() int { return len(s.replied) }, s.repliedRow)
	s.Board = newRowList(func() int { return len(s.board) }, s.boardRow)
	s.Offers = newRowList(func() int { return len(s.offers) }, s.offerRow)
	s.notice = ui.NewNotice(e)
	s.summary = widget.NewLabel("")
	s.CaptureButton = widget.NewButtonWithIcon("记下求助（Ctrl+Q）", theme.ContentAddIcon(), s.Capture.Show)
	s.CaptureButton.Importance = widget.HighImportance
	s.RestockButton = widget.NewButtonWithIcon("补货清单公告", theme.MailSendIcon(), s.onRestockPost)
	s.ExportXLSX = widget.NewButtonWithIcon("导出补货清单 Excel", theme.DocumentSaveIcon(), func() { s.onExport(ui.FormatXLSX) })
	s.ExportCSV = widget.NewButton("导出 CSV", func() { s.onExport(ui.FormatCSV) })
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	s.tabs = container.NewAppTabs(
		container.NewTabItem(tabWaiting, s.Waiting.box),
		container.NewTabItem(tabReplied, s.Replied.box),
		container.NewTabItem(tabBoard, container.NewBorder(
			container.NewHBox(s.RestockButton, s.ExportXLSX, s.ExportCSV), nil, nil, nil, s.Board.box)),
		container.NewTabItem(tabOffers, s.Offers.box),
	)
	top := container.NewBorder(nil, nil, nil, s.CaptureButton, container.NewVBox(s.summary, s.notice.Content()))
	return container.NewBorder(top, nil, nil, nil, s.tabs)
}

// ShowOffers opens the 到货通知 tab.
func (s *Screen) ShowOffers() {
	if s.tabs != nil {
		s.tabs.SelectIndex(3)
	}
}

// SetGroup follows the current group: requests are kept per group.
func (s *Screen) SetGroup(g *data.Group) {
	s.group = g
	s.Capture.SetGroup(g)
}

func (s *Screen) groupID() uint {
	if s.group == nil {
		return 0
	}
	return s.group.ID
}

// Refresh loads the four lists off the UI goroutine.
func (s *Screen) Refresh() {
	e, gid := s.env, s.groupID()
	e.Load(&s.latest, func() (func(), error) {
		waiting, err := e.Store.WaitingRequests(gid, 0)
		var replied []data.Request
		var board []data.DemandLine
		var offers []data.RestockOffer
		if err == nil {
			replied, err = e.Store.Requests(gid, recentReplied, data.RequestReplied)
		}
		var awarded map[uint]int64
		var help int64
		if err == nil {
			awarded, help, err = helpAwards(e, replied)
		}
		if err == nil {
			board, err = e.Store.DemandBoard(gid)
		}
		if err == nil {
			offers, err = e.Store.RestockOffers(gid, e.Now())
		}
		return func() {
			s.waiting, s.replied, s.board, s.offers = waiting, replied, board, offers
			s.awarded, s.help = awarded, help
			s.show()
		}, err
	})
}

func (s *Screen) show() {
	noStock := 0
	for _, l := range s.board {
		if l.NoStock > 0 {
			noStock++
		}
	}
	s.summary.SetText(fmt.Sprintf("待回复 %d 条；未满足的需求 %d 样，其中无货 %d 样（在补货清单上）；到货可通知 %d 个资源。",
		len(s.waiting), len(s.board), noStock, len(s.offers)))
	s.Waiting.showEmpty("没有等你回复的求助。群里有人「求…」时，按 Ctrl+Q（任何页面都可以）记下来，马上就能找到资源、复制回复。", s.captureButton())
	s.Replied.showEmpty("还没有回复过的求助。回复后在这里记下成员是否买到了（已满足）或者没货。")
	s.Board.showEmpty("没有未满足的需求。回复时找不到资源，点「没有货，记为无货」，这里就会按东西汇总，补货清单可以发给上家。")
	s.Offers.showEmpty("没有要通知的到货。记为无货的东西上架或补货后，这里会列出在等的成员。")
	if s.tabs != nil {
		s.tabs.Items[0].Text = tabWaiting + countText(len(s.waiting))
		s.tabs.Items[2].Text = tabBoard + countText(len(s.board))
		s.tabs.Items[3].Text = tabOffers + countText(len(s.offers))
		s.tabs.Refresh()
	}
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return " " + ui.Itoa(n)
}

func (s *Screen) captureButton() *widget.Button {
	return widget.NewButtonWithIcon("记下求助", theme.ContentAddIcon(), s.Capture.Show)
}

// who is the member of a request as the group shows them.
func (s *Screen) who(r *data.Request) string {
	if r.Member == nil {
		return "（成员已删除）"
	}
	gid := s.groupID()
	if r.GroupID != nil {
		gid = *r.GroupID
	}
	return r.Member.DisplayName(gid)
}

func (s *Screen) waitingRow(i int) (string, []action) {
	r := s.waiting[i]
	wait := data.FormatWait(s.env.Now().Sub(r.AskedAt))
	text := fmt.Sprintf("%s：%s（等了 %s）", s.who(&r), r.Text, wait)
	return text, []action{
		{"回复", func() { s.Capture.ShowReply(r) }},
		{"无货", func() { s.move(r.ID, data.RequestNoStock, "已记为无货：「"+r.Text+"」") }},
		{"删除", func() { s.onDelete(r) }},
	}
}

func (s *Screen) repliedRow(i int) (string, []action) {
	r := s.replied[i]
	text := fmt.Sprintf("%s：%s（回复用时 %s）", s.who(&r), r.Text, data.FormatWait(r.ReplyTime()))
	award := action{fmt.Sprintf("记积分 +%d", s.help), func() { s.onAward(r) }}
	if n, ok := s.awarded[r.ID]; ok {
		award = action{fmt.Sprintf("已记 +%d 分", n), nil}
	}
	return text, []action{
		{"已满足", func() { s.move(r.ID, data.RequestMet, "已记为已满足：「"+r.Text+"」") }},
		{"无货", func() { s.move(r.ID, data.RequestNoStock, "已记为无货：「"+r.Text+"」") }},
		award,
	}
}

// helpAwards reads which replied requests a member's help has been paid for, and what
// 帮助解答 gives now.
func helpAwards(e *ui.Env, replied []data.Request) (map[uint]int64, int64, error) {
	ids := make([]uint, len(replied))
	for i := range replied {
		ids[i] = replied[i].ID
	}
	awarded, err := e.Store.DeedsAwarded(data.LinkRequest, points.Help, ids)
	if err != nil {
		return nil, 0, err
	}
	help, err := e.Store.PointAmount(points.Help)
	return awarded, help, err
}

// onAward pays 帮助解答 to the member who helped answer r, picked by the owner: never
// the member who asked.
func (s *Screen) onAward(r data.Request) {
	gid := s.groupID()
	if r.GroupID != nil {
		gid = *r.GroupID
	}
	s.AwardForm = ui.AwardDeed(s.env, ui.Deed{Kind: data.LinkRequest, ID: r.ID, Reason: points.Help, GroupID: gid,
		What: "「" + r.Text + "」", Exclude: r.MemberID}, func(text string) {
		if text != "" {
			s.notice.Show(text)
		}
		s.Refresh()
	})
}

func (s *Screen) boardRow(i int) (string, []action) {
	l := s.board[i]
	cat := l.CategoryName
	if cat == "" {
		cat = "未分类"
	}
	oldest := l.Oldest.In(s.env.Loc)
	state := "待回复"
	if l.NoStock > 0 {
		state = "无货"
	}
	text := fmt.Sprintf("%s（%s，%s）：%d 人在等，最早 %d月%d日；%s", l.ItemKey, cat, state, len(l.MemberIDs),
		oldest.Month(), oldest.Day(), strings.Join(l.Members, "、"))
	return text, nil
}

func (s *Screen) offerRow(i int) (string, []action) {
	o := s.offers[i]
	names := make([]string, len(o.Requests))
	for k := range o.Requests {
		names[k] = s.who(&o.Requests[k])
	}
	text := fmt.Sprintf("「%s」上架了，%d 人在等：%s", o.Resource.Name, len(names), strings.Join(names, "、"))
	return text, []action{{"复制通知", func() { s.onNotify(o) }}}
}

// move changes a request's state and says so.
func (s *Screen) move(id uint, to data.RequestState, done string) {
	e := s.env
	e.Tasks.Run(func() {
		_, err := e.Store.CloseRequest(id, to)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
			} else {
				s.notice.Show(done)
			}
			s.changed()
		})
	})
}

func (s *Screen) onDelete(r data.Request) {
	ui.Confirm(s.env.Win, "删除求助", "删除「"+r.Text+"」这条求助？记错了才需要删除；已经回复的，请点「无货」或在「已回复」里处理。", "删除", func() {
		e := s.env
		e.Tasks.Run(func() {
			err := e.Store.DeleteRequest(r.ID)
			fyne.Do(func() {
				if err != nil {
					e.ShowError(err)
				} else {
					s.notice.Show("已删除：「" + r.Text + "」")
				}
				s.changed()
			})
		})
	})
}
