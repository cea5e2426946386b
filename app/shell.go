package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/backup"
	"github.com/qunhuo/qunhuo/app/blacklist"
	"github.com/qunhuo/qunhuo/app/catalog"
	"github.com/qunhuo/qunhuo/app/groups"
	"github.com/qunhuo/qunhuo/app/importer"
	"github.com/qunhuo/qunhuo/app/matching"
	"github.com/qunhuo/qunhuo/app/members"
	"github.com/qunhuo/qunhuo/app/posts"
	"github.com/qunhuo/qunhuo/app/requests"
	"github.com/qunhuo/qunhuo/app/rules"
	"github.com/qunhuo/qunhuo/app/settings"
	"github.com/qunhuo/qunhuo/app/trades"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// screen is one area of the window. Refresh reloads it when it is shown, so it shows
// what other screens changed.
type screen interface {
	Content() fyne.CanvasObject
	Refresh()
}

// groupAware screens follow the current-group selector. SetGroup only records the
// group; the shell reloads whichever screen is shown.
type groupAware interface {
	SetGroup(g *data.Group)
}

// area is a screen with its place in the navigation.
type area struct {
	title   string
	icon    fyne.Resource
	screen  screen
	content fyne.CanvasObject // built once, on first show
}

// shell is the main window's frame: the current-group selector on top, the navigation
// on the left, the chosen area's screen in the middle. It wires the areas to each other,
// so that no area imports another.
type shell struct {
	env     *ui.Env
	groups  []data.Group
	current *data.Group

	groupSelect *widget.Select
	nav         *nav
	stack       *fyne.Container
	shown       *area

	home, catalogArea, postsArea, membersArea, requestsArea, groupsArea, backupArea, settingsArea *area

	today        *today
	resources    *catalog.Screen
	members      *members.Screen
	posts        *posts.Screen
	requests     *requests.Screen
	groupsTab    *groups.Screen
	backup       *backup.Screen
	settings     *settings.Screen
	welcome      *groups.Welcome // shown on first start
	shellTickets                 // 售后工单, under 交易与售后 (shell_tickets.go)
	shellSwaps                   // 置换区, under 活动 (shell_swaps.go)
	shellPolls                   // 投票, under 活动 (shell_polls.go)

	blacklistArea *area // 失效名单, under 交易与售后
	blacklist     *blacklist.Screen

	tradesArea *area // 担保交易, under 交易与售后
	trades     *trades.Screen

	rulesArea *area // 群规, under 交易与售后
	rules     *rules.Screen

	shellBlindBox // 资源盲盒, under 活动 (shell_blindbox.go)
	shellPoints   // 互助积分, under 积分 (shell_points.go)
	shellRewards  // 兑换与荣誉, under 积分 (shell_rewards.go)
	shellTalent   // 资源达人, under 积分 (shell_talent.go)
	shellSessions // 分享会, under 积分 (shell_sessions.go)
	shellInsight  // 互动率, first under 数据 (shell_insight.go)
}

func newShell(e *ui.Env) *shell {
	s := &shell{env: e}
	s.resources = catalog.NewScreen(e, catalog.Links{
		ImportResources: func(done func()) { importer.Resources(e, done) },
		NewStockPost:    func(g *data.Group, r data.Resource) { posts.ShowNewStockPost(e, g, r) },
		Matching:        func(g *data.Group, r data.Resource) { matching.ShowForResource(e, g, r) },
		MarkInvalid:     func(r data.Resource, done func()) { blacklist.ShowMarkInvalid(e, r, done) },
		RestoreInvalid:  func(r data.Resource, done func()) { blacklist.ShowRestore(e, r, done) },
	})
	s.blacklist = blacklist.NewScreen(e, blacklist.Links{Catalog: func() { s.show(s.catalogArea) }})
	s.blacklistArea = &area{title: "失效名单", icon: theme.WarningIcon(), screen: s.blacklist}
	s.trades = trades.NewScreen(e)
	s.tradesArea = &area{title: "担保交易", icon: theme.ConfirmIcon(), screen: s.trades}
	s.rules = rules.NewScreen(e)
	s.rulesArea = &area{title: "群规", icon: theme.DocumentIcon(), screen: s.rules}
	s.members = members.NewScreen(e, members.Links{
		ImportMembers: func(g data.Group, done func()) { importer.Members(e, g, done) },
		MemberFits:    func(g *data.Group, id uint, name string) { matching.ShowForMember(e, g, id, name) },
	})
	s.posts = posts.NewScreen(e)
	s.newTickets(e)
	s.newSwaps(e)
	s.newBlindBox(e)
	s.newPolls(e)
	s.newPoints(e)
	s.newRewards(e)
	s.newTalent(e)
	s.newSessions(e)
	s.newInsight(e)
	s.requests = requests.NewScreen(e)
	s.requests.OnChanged = func() {
		if s.shown == s.home {
			s.today.Refresh()
		}
	}
	s.groupsTab = groups.NewScreen(e, s.groupsChanged)
	s.backup = backup.NewScreen(e, s.demoLoaded)
	s.backup.SetImportChat(s.importChat)
	s.home = &area{title: "今日", icon: theme.HomeIcon()}
	s.today = newToday(e, todayLinks{
		catalogNeeding: s.showCatalogNeeding,
		posts:          func() { s.show(s.postsArea) },
		backup:         func() { s.show(s.backupArea) },
		requests:       func() { s.show(s.requestsArea) },
		restock:        func() { s.show(s.requestsArea); s.requests.ShowOffers() },
		replyTo:        func(r data.Request) { s.requests.Capture.ShowReply(r) },
		ticket:         s.showTicket,
		rulesPost:      func() { s.show(s.rulesArea); s.rules.ShowPost() },
		blacklistPost:  func() { s.show(s.blacklistArea); s.blacklist.ShowPost() },
		trade:          s.showTrade,
		swaps:          s.showSwapSuggestions,
		poll:           s.showPoll,
		blindBox:       s.showBlindBox,
		redemption:     s.showRedemption,
		talent:         s.showTalentLastMonth,
		session:        s.showSession,
		insight:        s.showInsight,
	})
	s.home.screen = s.today
	s.catalogArea = &area{title: "资源库", icon: theme.StorageIcon(), screen: s.resources}
	s.postsArea = &area{title: "公告", icon: theme.MailSendIcon(), screen: s.posts}
	s.membersArea = &area{title: "成员", icon: theme.AccountIcon(), screen: s.members}
	s.requestsArea = &area{title: "需求响应", icon: theme.QuestionIcon(), screen: s.requests}
	s.groupsArea = &area{title: "群管理", icon: theme.GridIcon(), screen: s.groupsTab}
	s.backupArea = &area{title: "数据与备份", icon: theme.DocumentSaveIcon(), screen: s.backup}
	s.settings = settings.NewScreen(e, settings.Links{
		EditTemplate: func(kind data.PostKind) { posts.EditTemplate(e, kind, s.current) },
	})
	s.settingsArea = &area{title: "设置", icon: theme.SettingsIcon(), screen: s.settings}
	s.nav = newNav(s.sections(), s.show)
	s.groupSelect = widget.NewSelect(nil, s.onGroupSelected)
	s.groupSelect.PlaceHolder = "请先新建一个群"
	s.stack = container.NewStack()
	return s
}

// sections is the navigation. Later areas take their place here: 交易与售后 (escrow,
// tickets, blacklist, rules), 活动 (blind boxes, swaps, polls), 积分 (points, 资源达人,
// sessions), and 互动率 under 数据.
func (s *shell) sections() []section {
	return []section{
		{"", []*area{s.home}},
		{"资源", []*area{s.catalogArea, s.postsArea, s.requestsArea}},
		{"成员", []*area{s.membersArea, s.groupsArea}},
		{"交易与售后", []*area{s.tradesArea, s.ticketsArea, s.blacklistArea, s.rulesArea}},
		{"活动", []*area{s.blindBoxArea, s.swapsArea, s.pollsArea}},
		{"积分", []*area{s.pointsArea, s.rewardsArea, s.talentArea, s.sessionsArea}},
		{"数据", []*area{s.insightArea, s.backupArea, s.settingsArea}},
	}
}

func (s *shell) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("群活", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(ui.AppIcon()), title),
		container.NewHBox(s.env.Busy.Object(), s.captureButton(), widget.NewLabel("当前群"), ui.Widen(s.groupSelect, 280)))
	left := container.NewBorder(nil, nil, nil, widget.NewSeparator(), s.nav.content())
	return container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, left, nil, s.stack)
}

// start shows the home and loads the groups; with none yet, the welcome asks for the
// first one. The catalog is loaded now too, since it is the area opened most.
func (s *shell) start() {
	s.nav.shortcuts(s.env.Win.Canvas())
	s.captureShortcuts(s.env.Win.Canvas())
	ui.HandleEscape(s.env.Win)
	s.startWarner()
	s.place(s.home) // counted once the current group is known, not before and after

	s.resources.Refresh()
	s.loadGroups(func() {
		if len(s.groups) == 0 {
			s.welcome = groups.ShowWelcome(s.env, s.welcomed)
		}
	})
}

// loadGroups reads the groups and the remembered current group off the UI goroutine,
// then fills the selector.
func (s *shell) loadGroups(then func()) {
	s.env.Tasks.Run(func() {
		groups, err := s.env.Store.Groups()
		want, err2 := s.env.Store.CurrentGroupID()
		fyne.Do(func() {
			if err != nil || err2 != nil {
				s.env.ShowError(firstError(err, err2))
				return
			}
			s.applyGroups(groups, want)
			if then != nil {
				then()
			}
		})
	})
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *shell) applyGroups(groups []data.Group, want uint) {
	s.groups = groups
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = groupLabel(&g)
	}
	s.groupSelect.SetOptions(names)
	s.groupsTab.Apply(groups)
	pick := -1
	for i, g := range groups {
		if g.ID == want || pick < 0 {
			pick = i
		}
	}
	if pick < 0 {
		s.groupSelect.ClearSelected()
		s.setGroup(nil)
		return
	}
	s.groupSelect.SetSelectedIndex(pick)
}

func groupLabel(g *data.Group) string { return g.Name + "（" + g.Number + "）" }

func (s *shell) onGroupSelected(string) {
	i := s.groupSelect.SelectedIndex()
	if i < 0 || i >= len(s.groups) {
		return
	}
	g := s.groups[i]
	s.rememberGroup(g.ID)
	s.setGroup(&g)
}

// rememberGroup keeps the current group in the database, with the data it belongs to.
func (s *shell) rememberGroup(id uint) {
	s.env.Tasks.Run(func() {
		if err := s.env.Store.SetCurrentGroupID(id); err != nil {
			s.env.Log.Warn("remember current group", "err", err)
		}
	})
}

func (s *shell) setGroup(g *data.Group) {
	s.current = g
	for _, scr := range []groupAware{s.today, s.resources, s.members, s.posts, s.requests, s.groupsTab, s.blacklist, s.tickets, s.rules, s.trades, s.blindBox, s.polls, s.sessions, s.points, s.talent, s.rewards, s.insight} {
		scr.SetGroup(g)
	}
	if s.shown != s.catalogArea { // the catalog is the same for every group
		s.refreshShown()
	}
}

// groupsChanged reloads the selector after a group was added, edited or deleted;
// selectID, when not 0, becomes the current group.
func (s *shell) groupsChanged(selectID uint) {
	if selectID == 0 {
		s.loadGroups(nil)
		return
	}
	s.env.Tasks.Run(func() {
		err := s.env.Store.SetCurrentGroupID(selectID)
		fyne.Do(func() {
			if err != nil {
				s.env.Log.Warn("remember current group", "err", err)
			}
			s.loadGroups(nil)
		})
	})
}

// welcomed runs after the first group was made, with or without demo data.
func (s *shell) welcomed(groupID uint, demo bool) {
	s.groupsChanged(groupID)
	if demo {
		s.resources.Refresh()
	}
}

// demoLoaded refreshes everything after demo data filled the database.
func (s *shell) demoLoaded() {
	s.resources.Refresh()
	s.loadGroups(nil)
}

// show opens area a: its screen is built on first show and reloaded on every show,
// so screens load only when they are looked at.
func (s *shell) show(a *area) {
	s.place(a)
	a.screen.Refresh()
}

// place puts area a in the window without reloading it.
func (s *shell) place(a *area) {
	if a.content == nil {
		a.content = a.screen.Content()
	}
	s.shown = a
	s.stack.Objects = []fyne.CanvasObject{a.content}
	s.stack.Refresh()
	s.nav.selectArea(a)
}

func (s *shell) refreshShown() {
	if s.shown != nil {
		s.shown.screen.Refresh()
	}
}

// showCatalogNeeding opens the catalog narrowed to what the home pointed at.
func (s *shell) showCatalogNeeding(st data.ResourceState, a data.Attention) {
	s.show(s.catalogArea)
	s.resources.ShowNeeding(st, a)
}

// showTrade opens 担保交易 with trade id selected (0: the list alone).
func (s *shell) showTrade(id uint) {
	if id != 0 {
		s.trades.ShowTrade(id)
	}
	s.show(s.tradesArea)
}
