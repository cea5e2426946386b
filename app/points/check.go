package points

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// onCheck adds up the whole ledger again and compares each member's sum with the
// balance kept beside it; it changes nothing and says what it found.
func (s *Screen) onCheck() {
	e, gid := s.env, s.GroupID()
	s.CheckButton.Disable()
	e.Tasks.Run(func() {
		mm, err := e.Store.CheckPointBalances()
		var names map[uint]data.PointMember
		if err == nil && len(mm) > 0 {
			ids := make([]uint, len(mm))
			for i, m := range mm {
				ids[i] = m.MemberID
			}
			names, err = e.Store.PointMemberNames(ids, gid)
		}
		fyne.Do(func() {
			s.CheckButton.Enable()
			if err != nil {
				e.ShowError(err)
				return
			}
			s.Checked = checkReport(mm, names)
			ui.ShowMessage(e.Win, "核对余额", s.Checked)
		})
	})
}

// checkReport says that every balance matches the ledger, or lists each that does not.
func checkReport(mm []data.BalanceMismatch, names map[uint]data.PointMember) string {
	if len(mm) == 0 {
		return "全部相符：每位成员记下的余额都等于积分流水的合计。"
	}
	lines := []string{fmt.Sprintf("有 %d 位成员记下的余额和积分流水的合计不符：", len(mm))}
	for _, m := range mm {
		n, ok := names[m.MemberID]
		who := fmt.Sprintf("成员 #%d（已不在成员列表）", m.MemberID)
		if ok {
			who = n.Name + "（" + n.QQ + "）"
		}
		line := fmt.Sprintf("%s：记下的余额 %d 分，流水合计 %d 分", who, m.Stored, m.Ledger)
		if m.StoredEarned != m.Earned {
			line += fmt.Sprintf("；累计获得记下 %d 分，流水合计 %d 分", m.StoredEarned, m.Earned)
		}
		lines = append(lines, "● "+line)
	}
	lines = append(lines, "流水是准的。请先到「数据与备份」备份一次，再联系群活的作者修正。")
	return strings.Join(lines, "\n")
}
