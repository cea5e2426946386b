package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// prefCurrentGroup remembers which group the owner was working on.
const prefCurrentGroup = "currentGroup"

// groupAware screens follow the current-group selector. setGroup only records the
// group; the shell reloads whichever screen is shown.
type groupAware interface {
	setGroup(g *data.Group)
}

// screen is one area of the window. refresh reloads it when its tab is opened, so it
// shows what other screens changed.
type screen interface {
	content() fyne.CanvasObject
	refresh()
}

// area is a screen with its place in the navigation.
type area struct {
	title  string
	icon   fyne.Resource
	screen screen
}

// shell is the main window's frame: the current-group selector on top, the areas on
// the left, the chosen area's screen in the middle.
type shell struct {
	env     *env
	groups  []data.Group
	current *data.Group

	groupSelect *widget.Select
	tabs        *container.AppTabs
	areas       []area
	resources   *resourcesScreen
	members     *membersScreen
	posts       *postsScreen
	groupsTab   *groupsScreen
	backup      *backupScreen
	welcome     *welcome // shown on first start
}

func newShell(e *env) *shell {
	s := &shell{env: e}
	s.resources = newResourcesScreen(e)
	s.members = newMembersScreen(e)
	s.posts = newPostsScreen(e)
	s.groupsTab = newGroupsScreen(e, s.groupsChanged)
	s.backup = newBackupScreen(e, s.demoLoaded)
	s.groupSelect = widget.NewSelect(nil, s.onGroupSelected)
	s.groupSelect.PlaceHolder = "请先新建一个群"
	s.areas = []area{
		{"资源库", theme.StorageIcon(), s.resources},
		{"成员", theme.AccountIcon(), s.members},
		{"公告", theme.MailSendIcon(), s.posts},
		{"群管理", theme.HomeIcon(), s.groupsTab},
		{"数据与备份", theme.DocumentSaveIcon(), s.backup},
	}
	s.tabs = container.NewAppTabs()
	for _, a := range s.areas {
		s.tabs.Append(container.NewTabItemWithIcon(a.title, a.icon, a.screen.content()))
	}
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.OnSelected = s.onTabSelected
	return s
}

func (s *shell) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("群活", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	manage := widget.NewButtonWithIcon("管理群", theme.SettingsIcon(), func() { s.show(s.groupsTab) })
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(appIcon()), title),
		container.NewHBox(widget.NewLabel("当前群"), widen(s.groupSelect, 280), manage))
	return container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, s.tabs)
}

// start loads the groups; with none yet, the welcome asks for the first one.
func (s *shell) start() {
	s.resources.refresh()
	s.loadGroups(func() {
		if len(s.groups) == 0 {
			s.welcome = showWelcome(s.env, s.welcomed)
		}
	})
}

// loadGroups reads the groups off the UI goroutine, then fills the selector and picks
// the remembered group (or the first).
func (s *shell) loadGroups(then func()) {
	s.env.tasks.run(func() {
		groups, err := s.env.store.Groups()
		fyne.Do(func() {
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.applyGroups(groups)
			if then != nil {
				then()
			}
		})
	})
}

func (s *shell) applyGroups(groups []data.Group) {
	s.groups = groups
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = groupLabel(&g)
	}
	s.groupSelect.SetOptions(names)
	s.groupsTab.apply(groups)
	want := s.env.app.Preferences().Int(prefCurrentGroup)
	pick := -1
	for i, g := range groups {
		if int(g.ID) == want || pick < 0 {
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

func groupLabel(g *data.Group) string { return g.Name + "(" + g.Number + ")" }

func (s *shell) onGroupSelected(string) {
	i := s.groupSelect.SelectedIndex()
	if i < 0 || i >= len(s.groups) {
		return
	}
	g := s.groups[i]
	s.env.app.Preferences().SetInt(prefCurrentGroup, int(g.ID))
	s.setGroup(&g)
}

func (s *shell) setGroup(g *data.Group) {
	s.current = g
	for _, scr := range []groupAware{s.resources, s.members, s.posts, s.groupsTab} {
		scr.setGroup(g)
	}
	if s.selected() != screen(s.resources) { // the catalog is the same for every group
		s.refreshSelected()
	}
}

// groupsChanged reloads the selector after a group was added, edited or deleted;
// selectID, when not 0, becomes the current group.
func (s *shell) groupsChanged(selectID uint) {
	if selectID != 0 {
		s.env.app.Preferences().SetInt(prefCurrentGroup, int(selectID))
	}
	s.loadGroups(nil)
}

// welcomed runs after the first group was made, with or without demo data.
func (s *shell) welcomed(groupID uint, demo bool) {
	s.groupsChanged(groupID)
	if demo {
		s.resources.refresh()
	}
}

// demoLoaded refreshes everything after demo data filled the database.
func (s *shell) demoLoaded() {
	s.resources.refresh()
	s.loadGroups(nil)
}

func (s *shell) onTabSelected(*container.TabItem) { s.refreshSelected() }

// refreshSelected reloads the screen on show: screens load only when they are looked
// at, so starting on a big database loads the catalog and nothing else.
func (s *shell) refreshSelected() {
	if scr := s.selected(); scr != nil {
		scr.refresh()
	}
}

// selected is the screen shown, or nil.
func (s *shell) selected() screen {
	if i := s.tabs.SelectedIndex(); i >= 0 && i < len(s.areas) {
		return s.areas[i].screen
	}
	return nil
}

// show opens the area of scr.
func (s *shell) show(scr screen) {
	for i, a := range s.areas {
		if a.screen == scr {
			s.tabs.SelectIndex(i)
		}
	}
}
