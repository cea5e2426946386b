// Package rewards is the 兑换与荣誉 area: the redemption catalog (兑换商品: scarce
// resources, some taking from the catalog's stock, and badges such as 热心群友), members
// redeeming their mutual-aid points (the balance checked, points spent, stock taken, a
// record 待发放 → 已发放, or 已撤销 with the points refunded), the badges members hold
// (given by hand or by a redemption, optionally until a day), and the 群荣誉榜 post. It
// sees data (and its pure rules) and app/ui.
package rewards

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Screen is the 兑换与荣誉 area: three tabs over one load, and the 兑换 and 群荣誉榜
// buttons above them.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	latest ui.Latest
	loaded bool

	Tabs                              *container.AppTabs
	itemsItem, recordsItem, badgesItm *container.TabItem
	notice                            *ui.Notice
	Items                             *itemsTab
	Records                           *recordsTab
	Badges                            *badgesTab
	RedeemButton, HonorButton         *widget.Button

	redeem *redeemForm     // the 兑换 dialog last opened
	honor  *ui.PostPreview // the 群荣誉榜 last shown
	onDone func()          // after a change that 今日 counts (tests and the shell)
}

// NewScreen builds the area; Refresh loads it. changed, if not nil, is called after a
// redemption is made, given or cancelled (今日 counts those waiting).
func NewScreen(e *ui.Env, changed func()) *Screen {
	s := &Screen{env: e, notice: ui.NewNotice(e), onDone: changed}
	s.Items = newItemsTab(s)
	s.Records = newRecordsTab(s)
	s.Badges = newBadgesTab(s)
	s.itemsItem = container.NewTabItem("兑换商品", s.Items.content())
	s.recordsItem = container.NewTabItem("兑换记录", s.Records.content())
	s.badgesItm = container.NewTabItem("身份标识", s.Badges.content())
	s.Tabs = container.NewAppTabs(s.recordsItem, s.itemsItem, s.badgesItm)
	s.RedeemButton = widget.NewButtonWithIcon("兑换", theme.ConfirmIcon(), s.ShowRedeem)
	s.RedeemButton.Importance = widget.HighImportance
	s.HonorButton = widget.NewButtonWithIcon("复制群荣誉榜", theme.MailSendIcon(), s.ShowHonor)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	hint := widget.NewLabel("群友用互助积分兑换资源和身份标识；兑换后记得发放。")
	hint.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, hint, container.NewHBox(s.HonorButton, s.RedeemButton))
	return container.NewBorder(container.NewVBox(s.notice.Content(), top), nil, nil, nil, s.Tabs)
}

// ShowRecord opens 兑换记录 with redemption id selected (0: just the tab), for 今日.
func (s *Screen) ShowRecord(id uint) {
	s.Tabs.Select(s.recordsItem)
	if id != 0 {
		s.Records.selected = id
	}
	s.Refresh() // selects it once loaded
}

// Refresh reloads the items, the redemptions and the badges.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		its, err := e.Store.RewardItems(gid)
		var rs []data.Redemption
		var bs []data.BadgeHolder
		if err == nil {
			rs, err = e.Store.Redemptions(gid)
		}
		if err == nil {
			bs, err = e.Store.AllBadges()
		}
		return func() {
			s.loaded = true
			s.Items.apply(its)
			s.Records.apply(rs)
			s.Badges.apply(bs)
			s.recordsItem.Text = recordsTitle(rs)
			s.Tabs.Refresh()
		}, err
	})
}

func recordsTitle(rs []data.Redemption) string {
	n := 0
	for _, r := range rs {
		if r.State == data.RedemptionPending {
			n++
		}
	}
	if n == 0 {
		return "兑换记录"
	}
	return "兑换记录（待发放 " + ui.Itoa(n) + "）"
}

// changed reloads after a write and tells the shell.
func (s *Screen) changed() {
	s.Refresh()
	if s.onDone != nil {
		s.onDone()
	}
}

// SelectedRecord is the redemption selected in 兑换记录 (0: none).
func (s *Screen) SelectedRecord() uint { return s.Records.selected }
