package members

import (
	"strings"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// showDetail shows the selected member in full under the table, or the hint.
func (s *Screen) showDetail(m *data.Member) {
	if m == nil {
		s.tradeRec.Next() // a record on its way is for a member no longer shown
		s.detail.Clear()
		return
	}
	fields := s.memberDetails(m)
	s.detail.Show(fields)
	s.showTradeRecord(m.ID, fields)
}

// memberDetails are every value of m the owner keeps, with the seat in the current
// group; the table has only room for the first few, clipped.
func (s *Screen) memberDetails(m *data.Member) []ui.Field {
	fields := []ui.Field{{Label: "QQ号", Value: m.QQ}, {Label: "昵称", Value: m.Nickname}}
	for _, col := range []int{2, 3, 7, 8} { // 群名片, 身份, 入群日期, 最后发言 in the current group
		fields = append(fields, ui.Field{Label: memberColumns[col].Title, Value: s.cellText(m, col)})
	}
	fields = append(fields, s.seatFacts(m)...)
	fields = append(fields, s.badgeField(m)...)
	return append(fields,
		ui.Field{Label: "动机", Value: strings.Join(m.TagValues(data.TagMotivation), "、")},
		ui.Field{Label: "兴趣", Value: strings.Join(m.TagValues(data.TagInterest), "、")},
		ui.Field{Label: "人群", Value: strings.Join(m.TagValues(data.TagSegment), "、")},
		ui.Field{Label: "备注", Value: m.Notes})
}

// seatFacts are what QQ's member list said of the member's seat in the current group
// that the table has no column for: the level name, and when they were found gone.
func (s *Screen) seatFacts(m *data.Member) []ui.Field {
	if s.group == nil {
		return nil
	}
	seat := m.In(s.group.ID)
	if seat == nil {
		return nil
	}
	var fs []ui.Field
	if seat.LevelName != "" {
		fs = append(fs, ui.Field{Label: "群等级", Value: seat.LevelName})
	}
	if seat.LeftOn != nil {
		fs = append(fs, ui.Field{Label: "退群日期", Value: day(seat.LeftOn, s.env.Loc) + "（导入的完整名单里已经没有TA）"})
	}
	return fs
}
