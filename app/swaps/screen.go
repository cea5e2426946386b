// Package swaps is the 置换区 area (资源置换区): members' listings of what they have and
// what they want, the swaps the app finds among them (direct pairs and 3-way cycles,
// with the reason shown), and the deals the owner mediates from a suggestion (撮合中 →
// 已完成 / 已取消). It sees data (and its pure rules) and app/ui.
package swaps

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Screen is the swap zone: three tabs over one load of the group's swaps.
type Screen struct {
	env *ui.Env
	ui.CurrentGroup
	latest ui.Latest
	loaded bool

	Tabs                          *container.AppTabs
	listingsItem, suggestionsItem *container.TabItem
	dealsItem                     *container.TabItem
	notice                        *ui.Notice
	Listings                      *listingsTab
	Suggestions                   *suggestionsTab
	Deals                         *dealsTab
	post                          *ui.PostPreview // the post last shown
}

// NewScreen builds the swap zone; Refresh loads it.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e, notice: ui.NewNotice(e)}
	s.Listings = newListingsTab(s)
	s.Suggestions = newSuggestionsTab(s)
	s.Deals = newDealsTab(s)
	s.listingsItem = container.NewTabItem("挂单", s.Listings.content())
	s.suggestionsItem = container.NewTabItem("配对建议", s.Suggestions.content())
	s.dealsItem = container.NewTabItem("撮合记录", s.Deals.content())
	s.Tabs = container.NewAppTabs(s.listingsItem, s.suggestionsItem, s.dealsItem)
	s.Tabs.OnSelected = func(*container.TabItem) { s.markSeen() }
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	return container.NewBorder(s.notice.Content(), nil, nil, nil, s.Tabs)
}

func (s *Screen) groupPtr() *uint {
	if s.Group == nil {
		return nil
	}
	id := s.Group.ID
	return &id
}

// ShowSuggestions opens the 配对建议 tab (the 今日 home points at it).
func (s *Screen) ShowSuggestions() { s.Tabs.Select(s.suggestionsItem) }

// Refresh reloads the listings, the suggestions and the deals of the current group.
func (s *Screen) Refresh() {
	e, gid := s.env, s.GroupID()
	e.Load(&s.latest, func() (func(), error) {
		ls, err := e.Store.SwapListings(gid)
		var ss []data.SwapSuggestion
		var ds []data.SwapDeal
		if err == nil {
			ss, err = e.Store.SwapSuggestions(gid)
		}
		if err == nil {
			ds, err = e.Store.SwapDeals(gid)
		}
		return func() {
			s.loaded = true
			s.Listings.apply(ls)
			s.Suggestions.apply(ss)
			s.Deals.apply(ds)
			s.suggestionsItem.Text = suggestionsTitle(ss)
			s.Tabs.Refresh()
			s.markSeen()
		}, err
	})
}

func suggestionsTitle(ss []data.SwapSuggestion) string {
	n := 0
	for _, sg := range ss {
		if sg.New {
			n++
		}
	}
	if n == 0 {
		return "配对建议"
	}
	return "配对建议（新 " + ui.Itoa(n) + "）"
}

// markSeen records, once the owner has the suggestions tab in front of them, that they
// have seen its suggestions: 今日 stops counting them as new.
func (s *Screen) markSeen() {
	if !s.loaded || s.Tabs.Selected() != s.suggestionsItem {
		return
	}
	var keys []string
	for _, sg := range s.Suggestions.all {
		if sg.New {
			keys = append(keys, sg.Key)
		}
	}
	if len(keys) == 0 {
		return
	}
	e := s.env
	e.Tasks.Run(func() {
		if err := e.Store.MarkSwapSuggestionsSeen(keys); err != nil {
			e.Log.Error("mark swap suggestions seen", "err", err)
		}
	})
}
