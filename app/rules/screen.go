// Package rules is the 群规 area: the current group's rules edited section by section
// (add, remove, rename, move, write), each save a new dated version with a note of
// what changed; the history of versions, each readable as it was and compared with the
// one before, and any of them brought back as a new version; and the 群规公告 made from
// the current version for QQ. Rules that members can read and whose changes they can
// see are what lets a silent member trust the group. It sees data and app/ui only.
package rules

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// The tabs of the screen.
const (
	tabEdit    = "编辑群规"
	tabHistory = "历史版本"
	tabPost    = "群规公告"
)

// Screen is the 群规 area of the current group.
type Screen struct {
	env    *ui.Env
	group  *data.Group
	latest ui.Latest

	current data.RuleVersion // the newest saved version; ID 0 while there is none
	history []data.RuleVersionInfo
	drafts  map[uint]*draft // the rules being edited, per group, kept while the app runs

	status *widget.Label
	notice *ui.Notice
	tabs   *container.AppTabs

	Editor  *editor
	History *historyView
	Post    *postView
}

// NewScreen builds the 群规 screen; Refresh loads the current group's rules.
func NewScreen(e *ui.Env) *Screen {
	s := &Screen{env: e, drafts: map[uint]*draft{}}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapBreak
	s.notice = ui.NewNotice(e)
	s.Editor = newEditor(s)
	s.History = newHistoryView(s)
	s.Post = newPostView(s)
	return s
}

// Content is the screen to put in the window.
func (s *Screen) Content() fyne.CanvasObject {
	title := ui.Bold("群规")
	title.SizeName = theme.SizeNameSubHeadingText
	s.tabs = container.NewAppTabs(
		container.NewTabItem(tabEdit, s.Editor.content()),
		container.NewTabItem(tabHistory, s.History.content()),
		container.NewTabItem(tabPost, s.Post.content()),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == tabPost {
			s.Post.showInfo() // the edits not saved yet may have changed
		}
	}
	top := container.NewVBox(container.NewBorder(nil, nil, title, nil, s.status), s.notice.Content())
	return container.NewBorder(top, nil, nil, nil, s.tabs)
}

// SetGroup follows the current group: every group has rules of its own. The shell
// reloads the screen when it shows it.
func (s *Screen) SetGroup(g *data.Group) {
	if g != nil {
		copied := *g
		g = &copied
	}
	s.group = g
}

func (s *Screen) groupID() uint {
	if s.group == nil {
		return 0
	}
	return s.group.ID
}

// loaded is what Refresh reads, applied in one go.
type loaded struct {
	current data.RuleVersion
	history []data.RuleVersionInfo
	shown   data.RuleVersion // the version the history tab shows, with its sections
	before  data.RuleVersion // the one before it
	post    qqpost.Built
}

// Refresh loads the current group's newest version, its history, the version the
// history tab shows and the rules post, in one task applied in one fyne.Do. Rules
// being edited and not saved stay as they are.
func (s *Screen) Refresh() {
	if s.group == nil {
		s.apply(loaded{})
		return
	}
	n := s.latest.Next()
	e, g, keep := s.env, *s.group, s.History.keeping()
	e.Tasks.Run(func() {
		l, err := load(e.Store, g, keep, e.Loc)
		fyne.Do(func() {
			if !s.latest.Is(n) || s.groupID() != g.ID {
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			s.apply(l)
		})
	})
}

// load reads what the screen shows of group g; keep is the version the history tab
// shows, kept unless a newer one was saved since (then the newest is shown).
func load(st *data.Store, g data.Group, keep keptVersion, loc *time.Location) (loaded, error) {
	var l loaded
	var err error
	if l.current, _, err = st.CurrentRules(g.ID); err != nil {
		return l, err
	}
	if l.history, err = st.RuleHistory(g.ID); err != nil || len(l.history) == 0 {
		return l, err
	}
	pick := l.history[0].ID
	if keep.newest == pick {
		for _, v := range l.history {
			if v.ID == keep.id {
				pick = v.ID
			}
		}
	}
	if l.shown, err = st.RuleVersionWithSections(pick); err != nil {
		return l, err
	}
	if l.before, _, err = st.PreviousRules(pick); err != nil {
		return l, err
	}
	l.post, err = qqpost.BuildRulesPost(st, g, loc)
	return l, err
}

// apply puts what was loaded on every tab.
func (s *Screen) apply(l loaded) {
	s.current, s.history = l.current, l.history
	s.status.SetText(s.statusText())
	s.Editor.load(s.draftOf())
	s.History.apply(l.history, l.shown, l.before)
	s.Post.apply(l.post)
}

// statusText says which version is in force.
func (s *Screen) statusText() string {
	switch {
	case s.group == nil:
		return "请先在上方选择或新建一个群，每个群有自己的群规。"
	case s.current.ID == 0:
		return "「" + s.group.Name + "」还没有保存过群规。下面是为卡盟群准备的常用条目，按你的群改好后点「保存为新版本」，就是第 1 版。"
	}
	text := fmt.Sprintf("「%s」的群规：现行第 %d 版，%s 修订", s.group.Name, len(s.history), s.date(s.current))
	if s.current.Note != "" {
		text += "（" + s.current.Note + "）"
	}
	return text + "。每次保存都是一个新版本，旧版本都留着。"
}

// date is the day a version was saved, in the owner's time zone.
func (s *Screen) date(v data.RuleVersion) string {
	return v.CreatedAt.In(s.env.Loc).Format(data.DateLayout)
}

// draftOf is the current group's rules being edited: the newest version, or the
// default sections before the first save, unless the owner changed them already.
func (s *Screen) draftOf() *draft {
	if s.group == nil {
		return nil
	}
	base := rulebook.Defaults()
	if s.current.ID != 0 {
		base = s.current.Texts()
	}
	d := s.drafts[s.group.ID]
	if d == nil || !d.dirty() {
		fresh := newDraft(s.current.ID, base)
		if d != nil {
			fresh.selected = d.selected // the section the owner was looking at
		}
		d = fresh
		s.drafts[s.group.ID] = d
	}
	return d
}

// saved reloads after a new version was kept and says so.
func (s *Screen) saved(what string) {
	if s.group != nil {
		delete(s.drafts, s.group.ID)
	}
	s.notice.Show(what)
	s.Refresh()
}

// ShowPost opens the 群规公告 tab, from 今日.
func (s *Screen) ShowPost() { s.selectTab(tabPost) }

// selectTab opens the tab called name.
func (s *Screen) selectTab(name string) {
	if s.tabs == nil {
		return
	}
	for _, t := range s.tabs.Items {
		if t.Text == name {
			s.tabs.Select(t)
		}
	}
}
