package sheet

import (
	"reflect"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/insight"
)

// The 每周数据 sheet has a row per group and week, 12 weeks, oldest first; a number a
// week had nothing to measure by is empty. testNow is Monday 1 June 2026 10:00.
func TestEverythingWorkbookInsight(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "王者群", Number: "11111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	for _, m := range []struct {
		qq, name string
		role     data.Role
	}{{"10001", "群主", data.RoleOwner}, {"20001", "小明", data.RoleMember}} {
		mm, err := data.MemberDraft{QQ: m.qq, Nickname: m.name, Memberships: []data.MembershipDraft{{GroupID: g.ID, Role: m.role}}}.Parse(cst)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveMember(&mm); err != nil {
			t.Fatal(err)
		}
	}
	at := func(month time.Month, day, hour, min int) time.Time {
		return time.Date(2026, month, day, hour, min, 0, 0, cst)
	}
	if err := s.SeedChat(g.ID, "聊天.txt", []insight.Message{
		{At: at(5, 26, 10, 0), SenderQQ: "20001", SenderName: "小明", Text: "求点券"},
		{At: at(5, 26, 10, 30), SenderQQ: "10001", SenderName: "群主", Text: "@小明 有", Mentions: []string{"小明"}},
		{At: at(6, 1, 9, 0), SenderQQ: "20001", SenderName: "小明", Text: "早"},
	}); err != nil {
		t.Fatal(err)
	}
	rows, err := everythingWorkbook(t, s).GetRows(AllInsightSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+data.InsightWeeks {
		t.Fatalf("%d rows", len(rows))
	}
	want := map[int][]string{
		// The first week, 16 March: two seats, nobody spoke.
		1: {"王者群", "2026-03-16", "2026-03-22", "2", "0", "0", "0", "", "0", "0", "", "", "0", "", "0", "0", "0", "0", "0", "0", "0"},
		// Last week: both spoke; 小明's 求 answered by the owner's @ after 30 minutes.
		11: {"王者群", "2026-05-25", "2026-05-31", "2", "2", "100", "2", "1", "1", "1", "30", "100", "0", "", "0", "0", "0", "0", "0", "0", "0"},
		// This week so far: 小明 alone.
		12: {"王者群", "2026-06-01", "2026-06-07", "2", "1", "50", "1", "1", "0", "0", "", "", "0", "", "0", "0", "0", "0", "0", "0", "0"},
	}
	for i, w := range want {
		got := rows[i]
		for len(got) < len(w) {
			got = append(got, "")
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("row %d\n%q\nwant\n%q", i, got, w)
		}
	}
}
