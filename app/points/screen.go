// Package points is the 互助积分 area: the append-only ledger of the group's mutual-aid
// points (who got how many for what, newest first), each member's balance, the
// leaderboards of this month and all time with their post, and the dialogs that add to
// the ledger: 记积分 for one or several members, 更正 by a reversing entry, 核对余额.
// It sees data (and its pure rules) and app/ui.
package points

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Screen is the points area: three tabs over the current group's ledger, and the
// buttons that write to it.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	latest ui.Latest
	loaded bool

	Tabs                     *container.AppTabs
	ledgerItem, balancesItem *container.TabItem
	boardItem                *container.TabItem
	notice                   *ui.Notice
	Ledger                   *ledgerTab
	Balances                 *balancesTab
	Board                    *boardTab
	AwardButton, CheckButton *widget.Button

	Award   *awardForm   // the 记积分 form last opened
	Reverse *reverseForm // the 更正 form last opened
	Checked string       // what 核对余额 last reported
}

// NewScreen builds the points area; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e, notice: ui.NewNotice(e)}
	s.AwardButton = widget.NewButtonWithIcon("记积分", theme.ContentAddIcon(), s.onAward)
	s.AwardButton.Importance = widget.HighImportance
	s.CheckButton = widget.NewButtonWithIcon("核对余额", theme.ConfirmIcon(), s.onCheck)
	s.Ledger = newLedgerTab(s)
	s.Balances = newBalancesTab(s)
	s.Board = newBoardTab(s)
	s.ledgerItem = container.NewTabItem("积分流水", s.Ledger.content())
	s.balancesItem = container.NewTabItem("成员余额", s.Balances.content())
	s.boardItem = container.NewTabItem("排行榜", s.Board.content())
	s.Tabs = container.NewAppTabs(s.ledgerItem, s.balancesItem, s.boardItem)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	hint := widget.NewLabel("帮忙解答、分享资源、分享体验、完成置换、参加分享会都可以记积分；记错了用「更正」冲销，记录不删不改。")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapBreak
	top := container.NewBorder(nil, nil, nil, container.NewHBox(s.CheckButton, s.AwardButton), hint)
	return container.NewBorder(container.NewVBox(top, s.notice.Content()), nil, nil, nil, s.Tabs)
}

func (s *Screen) groupPtr() *uint {
	if s.Group == nil {
		return nil
	}
	id := s.Group.ID
	return &id
}

// ShowBoard opens the 排行榜 tab.
func (s *Screen) ShowBoard() { s.Tabs.Select(s.boardItem) }

// Refresh reloads the balances and the leaderboard of the current group, then the
// ledger as its filter says.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	month := s.Board.month()
	e.Load(&s.latest, func() (func(), error) {
		ss, err := e.Store.PointStandings(gid)
		var b data.PointBoard
		if err == nil {
			b, err = e.Store.PointLeaderboard(gid, month, e.Loc, 0)
		}
		return func() {
			s.loaded = true
			s.Balances.apply(ss)
			s.Board.apply(b)
			s.Ledger.reload()
		}, err
	})
}

// changed reloads after a write and says what was written.
func (s *Screen) changed(what string) {
	s.notice.Show(what)
	s.Refresh()
}
