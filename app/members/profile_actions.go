package members

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// profileActions are the member list's buttons for need profiles: tag several members
// at once, review the tags their requests suggest, and see what fits one member.
type profileActions struct {
	bulk    *widget.Button // 批量标签
	suggest *widget.Button // 建议标签
	fits    *widget.Button // 适合TA的资源
	bulkDlg *bulkTagging   // the bulk tagging dialog last opened
	sugDlg  *suggestions   // the suggestions dialog last opened
}

func (s *Screen) newProfileActions() {
	s.profile.bulk = widget.NewButtonWithIcon("批量标签", theme.CheckButtonCheckedIcon(), s.onBulkTags)
	s.profile.suggest = widget.NewButtonWithIcon("建议标签", theme.QuestionIcon(), s.onSuggestions)
	s.profile.fits = widget.NewButtonWithIcon("适合TA的资源", theme.SearchIcon(), s.onMemberFits)
}

func (s *Screen) updateProfileActions(m *data.Member) {
	ui.Enable(s.profile.fits, m != nil && s.links.MemberFits != nil)
}

// onMemberFits opens the resources that fit the selected member now.
func (s *Screen) onMemberFits() {
	m := s.current()
	if m == nil || s.links.MemberFits == nil {
		return
	}
	// As a member of the group the list shows; 全部成员 matches TA in any group.
	g := s.group
	if s.groupID() == 0 {
		g = nil
	}
	s.links.MemberFits(g, m.ID, m.DisplayName(s.displayGroupID()))
}

// shownMembers are the members the list shows now (the search applied), in its order.
func (s *Screen) shownMembers() []data.Member {
	out := make([]data.Member, len(s.shown))
	for i, idx := range s.shown {
		out[i] = s.all[idx]
	}
	return out
}

func (s *Screen) displayGroupID() uint {
	if s.group == nil {
		return 0
	}
	return s.group.ID
}
