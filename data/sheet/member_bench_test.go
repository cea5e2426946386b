package sheet

import (
	"fmt"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// BenchmarkMemberPlan3000 plans a 3,000-row member list, as a QQ group tool exports
// it, against 3,000 known members, the size of a big 卡盟: a tenth of the rows are new,
// a quarter change a group card, some members have a seat only in another group, and
// the rest match. Everything is in memory; planning never touches the database.
func BenchmarkMemberPlan3000(b *testing.B) {
	const n, here, other = 3000, 1, 2
	joined := time.Date(2024, 5, 1, 0, 0, 0, 0, cst).UTC()
	known := make([]data.Member, n)
	rows := [][]string{{"群成员列表"}, {"QQ号", "昵称", "群名片", "身份", "入群时间", "性别", "Q龄", "等级", "最后发言", "兴趣"}}
	for i := range known {
		qq := fmt.Sprint(100_000_000 + i*37)
		group := uint(here)
		if i%7 == 0 {
			group = other
		}
		known[i] = data.Member{ID: uint(i + 1), QQ: qq, Nickname: fmt.Sprintf("成员%d", i),
			Tags:        []data.MemberTag{{Kind: data.TagMotivation, Value: "刚需获取"}, {Kind: data.TagInterest, Value: "王者荣耀"}},
			Memberships: []data.Membership{{GroupID: group, CardName: fmt.Sprintf("广州-成员%d", i), Role: data.RoleMember, JoinedOn: &joined}}}
		card := known[i].Memberships[0].CardName
		switch {
		case i%10 == 0:
			qq = fmt.Sprint(900_000_000 + i)
		case i%4 == 1:
			card += "|改"
		}
		rows = append(rows, []string{qq, known[i].Nickname, card, "成员", "2024/5/1 0:00", "男", "5年", "LV3", "2026-05-30 21:00", "王者荣耀"})
	}
	tb := &Table{Rows: padRows(rows)}
	m, err := Detect[MemberField](tb)
	if err != nil {
		b.Fatal(err)
	}
	opt := Options{Loc: cst}
	b.ReportAllocs()
	var p *MemberPlan
	for b.Loop() {
		p, err = NewMemberPlan(tb, m, known, here, opt)
		if err != nil || p.Count(RowInvalid) != 0 || p.Count(RowNew) != n/10 {
			b.Fatalf("plan: %v, %s", err, p.Summary())
		}
	}
	b.ReportMetric(float64(p.Count(RowChanged)), "changed")
}

// padRows gives every row the same width, as Read does.
func padRows(rows [][]string) [][]string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for i, r := range rows {
		rows[i] = append(r, make([]string, width-len(r))...)
	}
	return rows
}
