package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data/qqlist"
)

func readQQList(t testing.TB, name string) qqlist.List {
	t.Helper()
	f, err := os.Open("qqlist/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := qqlist.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func parseQQList(t testing.TB, text string) qqlist.List {
	t.Helper()
	l, err := qqlist.Parse(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// planAndImport plans l against the store's members and imports it.
func planAndImport(t *testing.T, s *Store, l qqlist.List, g Group, markLeft bool) (*QQListPlan, ListImported) {
	t.Helper()
	known, err := s.Members(0)
	if err != nil {
		t.Fatal(err)
	}
	p := PlanQQList(l, known, g.ID, cst)
	done, err := s.ImportQQList(p, markLeft)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return p, done
}

func kindCounts(p *QQListPlan) string {
	var parts []string
	for _, k := range ListRowKinds {
		parts = append(parts, fmt.Sprintf("%s %d", k.Label(), p.Count(k)))
	}
	return strings.Join(parts, "，")
}

func membersByQQ(t *testing.T, s *Store, groupID uint) map[string]Member {
	t.Helper()
	ms, err := s.Members(groupID)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]Member, len(ms))
	for _, m := range ms {
		out[m.QQ] = m
	}
	return out
}

// The fixture of two overlapping pages into a group that knows two of its members:
// counts, what each seat keeps, and a second import that changes nothing.
func TestImportQQListIntoGroup(t *testing.T) {
	s := newTestStore(t)
	g, other := twoGroups(t, s)
	saveMemberDraft(t, s, MemberDraft{QQ: "2876543210", Nickname: "小鱼儿", Notes: "老客户", Interests: "王者荣耀",
		Memberships: []MembershipDraft{{GroupID: g.ID, CardName: "小鱼-王者代充"}, {GroupID: other.ID, CardName: "小鱼-影音"}}})
	saveMemberDraft(t, s, MemberDraft{QQ: "1029266057", Nickname: "温柔的西瓜🍉🍉",
		Memberships: []MembershipDraft{{GroupID: other.ID}}})
	l := readQQList(t, "两页重叠.json")

	p, done := planAndImport(t, s, l, g, true)
	if got := kindCounts(p); got != "新增 5，变更 2，不变 0，已退群 0" || p.Merged != 1 || !p.Complete {
		t.Fatalf("plan: %s, merged %d, complete %v", got, p.Merged, p.Complete)
	}
	if done != (ListImported{Saved: 7}) {
		t.Errorf("imported %+v", done)
	}
	row := p.Rows[1] // 小鱼儿: known, in the group
	if row.Kind != ListChanged || row.Detail() != "昵称 小鱼儿 → 小鱼儿🐟；群名片 小鱼-王者代充 → 无；身份 成员 → 管理员；"+
		"入群时间 无 → 2021-01-01 08:00；最后发言 无 → 2025-11-30 08:00；等级 无 → 吐槽" {
		t.Errorf("row of 小鱼儿: %v %q", row.Kind, row.Detail())
	}
	if row := p.Rows[4]; row.Detail() != "加入本群" {
		t.Errorf("row of 西瓜: %q", row.Detail())
	}
	if row := p.Rows[3]; row.Detail() != "名单里出现 2 次，已合并" || row.Name != "Tom&Jerry" {
		t.Errorf("row of Tom: %q %q", row.Name, row.Detail())
	}

	got := membersByQQ(t, s, g.ID)
	if len(got) != 7 {
		t.Fatalf("group has %d members, want 7", len(got))
	}
	fish := got["2876543210"]
	if seat := fish.In(g.ID); seat.Role != RoleAdmin || seat.CardName != "" || seat.LevelName != "吐槽" ||
		seat.LastSpokeAt == nil || seat.LastSpokeAt.Unix() != 1764460800 || seat.JoinedOn.Unix() != 1609459200 {
		t.Errorf("seat of 小鱼儿 = %+v", seat)
	}
	if fish.Notes != "老客户" || tagText(fish) != "interest:王者荣耀" || fish.In(other.ID).CardName != "小鱼-影音" {
		t.Errorf("what the list does not hold was lost: %+v", fish)
	}
	if fish.DisplayName(g.ID) != "小鱼儿🐟" {
		t.Errorf("an empty card shows %q, want the nickname", fish.DisplayName(g.ID))
	}
	for qq, want := range map[string]string{"10001": "阿 九", "3987654321": "Tom&Jerry", "4294967295": "👨‍👩‍👧‍👦一家人",
		"1029266057": "【王者代充】24小时在线秒发货💎诚信经营假一赔十欢迎老板们来撩"} {
		m := got[qq]
		if name := m.DisplayName(g.ID); name != want {
			t.Errorf("%s shows %q, want %q", qq, name, want)
		}
	}
	newcomer := got["55667788"]
	if seat := newcomer.In(g.ID); seat.LastSpokeAt != nil || seat.LevelName != "" || seat.Role != RoleMember {
		t.Errorf("a member with fields missing: %+v", seat)
	}
	if !strings.Contains(got["10001"].SearchKey, "阿 九") {
		t.Errorf("search key %q misses the card", got["10001"].SearchKey)
	}

	// Again: nothing to write, nothing duplicated.
	p, done = planAndImport(t, s, l, g, true)
	if got := kindCounts(p); got != "新增 0，变更 0，不变 7，已退群 0" || done != (ListImported{}) {
		t.Fatalf("re-import: %s, %+v; rows %+v", got, done, p.Rows)
	}
	all, _ := s.Members(0)
	if len(all) != 7 {
		t.Errorf("%d members after re-import, want 7", len(all))
	}
}

// A fresh complete list without two members offers them as leaving; marking keeps
// them and their seat; a member who comes back later has the mark cleared. An
// incomplete list never offers anyone.
func TestImportQQListMarksLeftAndBack(t *testing.T) {
	s := newTestStore(t)
	g, _ := twoGroups(t, s)
	three := `{"ec":0,"count":3,"mems":[{"uin":11111111,"nick":"甲"},{"uin":22222222,"nick":"乙","last_speak_time":1700000000},{"uin":33333333,"nick":"丙"}]}`
	planAndImport(t, s, parseQQList(t, three), g, true)

	onePage := `{"ec":0,"count":3,"mems":[{"uin":11111111,"nick":"甲"}]}`
	p, done := planAndImport(t, s, parseQQList(t, onePage), g, true)
	if p.Complete || p.Count(ListLeaving) != 0 || p.Missing != 2 || done.Marked != 0 {
		t.Fatalf("an incomplete list: complete %v leaving %d missing %d marked %d", p.Complete, p.Count(ListLeaving), p.Missing, done.Marked)
	}

	oneLeft := `{"ec":0,"count":2,"mems":[{"uin":11111111,"nick":"甲"},{"uin":33333333,"nick":"丙"}]}`
	p, _ = planAndImport(t, s, parseQQList(t, oneLeft), g, false)
	if p.Count(ListLeaving) != 1 {
		t.Fatalf("leaving %d, want 1", p.Count(ListLeaving))
	}
	if m := membersByQQ(t, s, g.ID)["22222222"]; m.Memberships[0].LeftOn != nil {
		t.Fatal("marked although the owner said no")
	}
	p, done = planAndImport(t, s, parseQQList(t, oneLeft), g, true)
	if done.Marked != 1 || p.Rows[2].Detail() != "不在这份名单里，最后发言 2023-11-15 06:13" {
		t.Fatalf("marked %d; row %+v", done.Marked, p.Rows[2])
	}
	left := membersByQQ(t, s, g.ID)["22222222"]
	if seat := left.In(g.ID); seat == nil || seat.LeftOn == nil || !seat.LeftOn.Equal(testNow) {
		t.Fatalf("seat of 乙 = %+v, want kept and left on %v", seat, testNow)
	}
	// Already marked: not offered again.
	if p, _ := planAndImport(t, s, parseQQList(t, oneLeft), g, true); p.Count(ListLeaving) != 0 || p.Missing != 0 {
		t.Errorf("offered again: %+v", p.Rows)
	}

	p, _ = planAndImport(t, s, parseQQList(t, three), g, true)
	if p.Count(ListChanged) != 1 || p.Rows[1].Detail() != "回到本群" {
		t.Fatalf("the comeback: %s %q", kindCounts(p), p.Rows[1].Detail())
	}
	if back := membersByQQ(t, s, g.ID)["22222222"]; back.Memberships[0].LeftOn != nil {
		t.Errorf("LeftOn not cleared: %+v", back.Memberships[0])
	}
}

// A save that fails writes nothing: neither the members nor the marks.
func TestImportQQListAllOrNothing(t *testing.T) {
	s := newTestStore(t)
	g, _ := twoGroups(t, s)
	planAndImport(t, s, parseQQList(t, `{"ec":0,"count":1,"mems":[{"uin":11111111,"nick":"甲"}]}`), g, true)
	known, _ := s.Members(0)
	p := PlanQQList(parseQQList(t, `{"ec":0,"count":2,"mems":[{"uin":22222222,"nick":"乙"},{"uin":33333333,"nick":"丙"}]}`), known, g.ID, cst)
	if p.Count(ListLeaving) != 1 || p.Count(ListNew) != 2 {
		t.Fatalf("plan: %s", kindCounts(p))
	}
	p.Rows[1].Record.Memberships[0].GroupID = 9999 // a group that is gone: the insert fails
	if _, err := s.ImportQQList(p, true); err == nil {
		t.Fatal("a seat in a missing group was saved")
	}
	got := membersByQQ(t, s, 0)
	if len(got) != 1 || got["11111111"].Memberships[0].LeftOn != nil {
		t.Errorf("a failed import wrote something: %+v", got)
	}
	// The same plan, repaired, saves (ToSave hands out fresh copies).
	p.Rows[1].Record.Memberships[0].GroupID = g.ID
	if done, err := s.ImportQQList(p, true); err != nil || done != (ListImported{Saved: 2, Marked: 1}) {
		t.Fatalf("retry: %+v %v", done, err)
	}
}

// Names as long as QQ allows them pass the member form as well.
func TestMemberFormTakesNamesQQAllows(t *testing.T) {
	card := "【王者代充】24小时在线秒发货💎诚信经营假一赔十欢迎老板们来撩" // 33 characters
	nick := strings.Repeat("🍉", 40)
	_, err := MemberDraft{QQ: "4294967295", Nickname: nick,
		Memberships: []MembershipDraft{{GroupID: 1, CardName: card}}}.Parse(cst)
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkImportQQList3000 reads, plans and imports a full group of 3,000 from QQ's
// JSON as the owner does: into an empty group (new), then the same list again
// (unchanged, nothing written), then a fresh list where 300 left and 300 came
// (new, unchanged and 300 seats marked 已退群).
func BenchmarkImportQQList3000(b *testing.B) {
	first, next := qqListJSON(0, 3000), qqListJSON(300, 3000)
	importOnce := func(b *testing.B, s *Store, g Group, text string) {
		l, err := qqlist.Parse(strings.NewReader(text))
		if err != nil {
			b.Fatal(err)
		}
		known, err := s.Members(0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.ImportQQList(PlanQQList(l, known, g.ID, cst), true); err != nil {
			b.Fatal(err)
		}
	}
	fresh := func(b *testing.B) (*Store, Group) {
		s := newTestStore(b)
		g := Group{Name: "大群", Number: "123456789"}
		if err := s.SaveGroup(&g); err != nil {
			b.Fatal(err)
		}
		return s, g
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := qqlist.Parse(strings.NewReader(first)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name string
		then string
	}{{"new", ""}, {"again", first}, {"300-left-300-new", next}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s, g := fresh(b)
				text := first
				if c.then != "" {
					importOnce(b, s, g, first)
					text = c.then
				}
				b.StartTimer()
				importOnce(b, s, g, text)
			}
		})
	}
}

// qqListJSON is QQ's list of n members starting at the from-th of a fixed sequence,
// with names as QQ sends them (entities, emoji).
func qqListJSON(from, n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, `{"ec":0,"count":%d,"levelname":{"lvln1":"潜水","lvln2":"冒泡"},"mems":[`, n)
	for i := from; i < from+n; i++ {
		if i > from {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"uin":%d,"role":2,"join_time":%d,"last_speak_time":%d,"card":"群友&nbsp;%d号🎮","nick":"昵称%d","lv":{"point":%d,"level":%d}}`,
			2000000000+i*7919, 1600000000+i*1000, 1700000000+i*500, i, i, i, 1+i%2)
	}
	sb.WriteString(`]}`)
	return sb.String()
}

// Saving a member from the form keeps what QQ's list said about the seats.
func TestKeepListFactsThroughTheForm(t *testing.T) {
	s := newTestStore(t)
	g, other := twoGroups(t, s)
	planAndImport(t, s, parseQQList(t, `{"ec":0,"count":1,"levelname":{"lvln2":"冒泡"},"mems":[{"uin":11111111,"nick":"甲","last_speak_time":1700000000,"lv":{"level":2}}]}`), g, true)
	prev := membersByQQ(t, s, 0)["11111111"]
	left := testNow
	prev.Memberships[0].LeftOn = &left
	edited, err := MemberDraft{QQ: "11111111", Nickname: "甲乙", Memberships: []MembershipDraft{
		{GroupID: g.ID, CardName: "新名片"}, {GroupID: other.ID}}}.Parse(cst)
	if err != nil {
		t.Fatal(err)
	}
	edited.ID = prev.ID
	edited.KeepListFacts(&prev)
	if err := s.SaveMember(&edited); err != nil {
		t.Fatal(err)
	}
	got := membersByQQ(t, s, 0)["11111111"]
	here, there := got.In(g.ID), got.In(other.ID)
	if here.CardName != "新名片" || here.LevelName != "冒泡" || here.LastSpokeAt == nil || here.LastSpokeAt.Unix() != 1700000000 || here.LeftOn == nil {
		t.Errorf("seat here = %+v", here)
	}
	if there.LevelName != "" || there.LastSpokeAt != nil {
		t.Errorf("a new seat got another seat's facts: %+v", there)
	}
}

// 取消 while saving (a cancelled context) rolls everything back.
func TestImportQQListCancelledWritesNothing(t *testing.T) {
	s := newTestStore(t)
	g, _ := twoGroups(t, s)
	p := PlanQQList(readQQList(t, "两页重叠.json"), nil, g.ID, cst)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.WithContext(ctx).ImportQQList(p, true); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := membersByQQ(t, s, 0); len(got) != 0 {
		t.Errorf("a cancelled import wrote %d members", len(got))
	}
}
