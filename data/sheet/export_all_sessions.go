package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// AllSessionsSheet is the whole-database workbook's sheet of the tips-sharing sessions
// (分享会): the group's knowledge base with who spoke, who came and the points given.
const AllSessionsSheet = "分享会"

// sessionsGrid is the 分享会 sheet: every session, oldest first, with the speaker's QQ
// number in full (the owner's own records), the attendees in one cell and the points the
// session paid (from the ledger's entries linked to it).
func sessionsGrid(all Everything, loc *time.Location) grid {
	groups := groupNames(all)
	g := grid{sheet: AllSessionsSheet, header: []string{"编号", "群", "状态", "主题", "主讲", "主讲QQ号", "开始时间",
		"时长（分钟）", "方式", "参加人数", "参加的成员", "内容介绍", "需要准备", "总结", "已发积分"}}
	paid := map[uint]int64{}
	for _, e := range all.PointEntries {
		if e.LinkKind == data.LinkSession && e.LinkID != nil && e.DeedKey != nil {
			paid[*e.LinkID] += e.Amount
		}
	}
	ss := slices.Clone(all.Sessions)
	slices.SortFunc(ss, func(a, b data.ShareSession) int { return cmp.Compare(a.ID, b.ID) })
	for _, s := range ss {
		group := ""
		if s.GroupID != nil {
			group = groups[*s.GroupID]
		}
		names := s.AttendeeNames()
		g.rows = append(g.rows, []cell{
			textCell(tradeNumber(s.ID)), textCell(group), textCell(s.State.Label()), textCell(s.Topic),
			textCell(s.SpeakerName()), textCell(tradeMemberQQ(s.Speaker)), timeCell(s.StartsAt, loc),
			sessionNumber(int64(s.Minutes)), textCell(s.How.Label()), sessionNumber(int64(len(names))),
			textCell(strings.Join(names, "、")), textCell(s.Description), textCell(s.Prepare), textCell(s.Summary),
			sessionNumber(paid[s.ID]),
		})
	}
	return g
}

func sessionNumber(n int64) cell { return cell{text: fmt.Sprint(n), kind: kindNumber, num: float64(n)} }
