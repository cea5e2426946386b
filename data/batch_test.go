package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestSaveMembersAllOrNothing(t *testing.T) {
	tests := []struct {
		name  string
		rows  []Member
		field string // the refused field, or "" for a refusal by the database
	}{
		{"second row has a bad QQ", []Member{{QQ: "22222222", Nickname: "小王"}, {QQ: "0123456"}}, "qq"},
		{"second row repeats the first", []Member{{QQ: "22222222"}, {QQ: "22222222", Nickname: "另一个"}}, "qq"},
		{"second row is already a member", []Member{{QQ: "22222222"}, {QQ: "123456789"}}, "qq"},
		{"second row sits in no group", []Member{{QQ: "22222222"}, {QQ: "33333333",
			Memberships: []Membership{{GroupID: 999, Role: RoleMember}}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			a, _ := twoGroups(t, s)
			saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Memberships: []MembershipDraft{{GroupID: a.ID}}})
			rows := make([]*Member, len(tt.rows))
			for i := range tt.rows {
				m := tt.rows[i]
				m.Tags = []MemberTag{{Kind: TagInterest, Value: "原神"}}
				if m.Memberships == nil {
					m.Memberships = []Membership{{GroupID: a.ID, Role: RoleMember}}
				}
				rows[i] = &m
			}
			err := s.SaveMembers(rows)
			var re *RowError
			if !errors.As(err, &re) || re.Index != 1 {
				t.Fatalf("SaveMembers = %v, want a RowError at index 1", err)
			}
			var ve ValidationError
			if isVE := errors.As(err, &ve); isVE != (tt.field != "") || (isVE && ve.For(tt.field) == nil) {
				t.Errorf("RowError wraps %v, want a problem at %q", re.Err, tt.field)
			}
			wantCount(t, s, &Member{}, 1)
			wantCount(t, s, &MemberTag{}, 0)
			wantCount(t, s, &Membership{}, 1)
			if rows[0].ID != 0 || rows[1].ID != 0 {
				t.Errorf("rows keep the rolled-back ids %d, %d", rows[0].ID, rows[1].ID)
			}
			rows[1].QQ, rows[1].Memberships = "33333333", []Membership{{GroupID: a.ID, Role: RoleMember}}
			if err := s.SaveMembers(rows); err != nil {
				t.Fatalf("retry after fixing row 2: %v", err)
			}
			wantCount(t, s, &Member{}, 3)
			wantCount(t, s, &MemberTag{}, 2)
			wantCount(t, s, &Membership{}, 3)
		})
	}
}

// TestSaveMembersMatchesOneByOne saves the same lists with SaveMembers and with
// SaveMember for each member in one transaction: the stores must end up alike and the
// errors must agree, whichever way SaveMembers took.
func TestSaveMembersMatchesOneByOne(t *testing.T) {
	joined := time.Date(2024, 5, 1, 4, 30, 0, 0, time.UTC)
	tests := []struct {
		name  string
		batch func(known []Member, a, b uint) []*Member
	}{
		{"new and changed", func(known []Member, a, b uint) []*Member {
			cat := known[0]
			cat.Nickname, cat.Tags = "大橘猫", append(cat.Tags, MemberTag{Kind: TagSegment, Value: "上班族"})
			cat.Memberships = append(cat.Memberships, Membership{GroupID: a, CardName: "广州-橘猫", Role: RoleAdmin, JoinedOn: &joined})
			return []*Member{&cat, {QQ: "55555", Memberships: []Membership{{GroupID: a, Role: RoleMember}}},
				{QQ: "66666", Nickname: "小王", Tags: []MemberTag{{Kind: TagMotivation, Value: "社交认同"}}}}
		}},
		{"a member leaves every group", func(known []Member, a, b uint) []*Member {
			fish := known[1]
			fish.Memberships, fish.Tags = nil, nil
			return []*Member{&fish}
		}},
		{"two members swap QQ numbers", func(known []Member, a, b uint) []*Member {
			cat, fish := known[0], known[1]
			cat.QQ, fish.QQ = fish.QQ, cat.QQ
			return []*Member{&cat, &fish}
		}},
		{"a member gives up a QQ number a new one takes", func(known []Member, a, b uint) []*Member {
			fish := known[1]
			was := fish.QQ
			fish.QQ = "77777777"
			return []*Member{&fish, {QQ: was, Nickname: "新来的"}}
		}},
		{"same tag twice", func(known []Member, a, b uint) []*Member {
			return []*Member{{QQ: "55555"}, {QQ: "66666", Tags: []MemberTag{{Kind: TagInterest, Value: "原神"}, {Kind: TagInterest, Value: "原神"}}}}
		}},
		{"an id of no member", func(known []Member, a, b uint) []*Member {
			return []*Member{{ID: 99, QQ: "55555", Memberships: []Membership{{GroupID: b, Role: RoleMember}}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var results [2]string
			for i, save := range []func(*Store, []*Member) error{
				(*Store).SaveMembers,
				func(s *Store, ms []*Member) error { return saveAll(s.db, ms, memberID, saveMember) },
			} {
				s := newTestStore(t)
				a, b := twoGroups(t, s)
				saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Nickname: "橘猫", Interests: "王者荣耀",
					Memberships: []MembershipDraft{{GroupID: b.ID, CardName: "橘猫|影音"}}})
				saveMemberDraft(t, s, MemberDraft{QQ: "22222222", Nickname: "小鱼", Motivations: []string{"刚需获取"},
					Memberships: []MembershipDraft{{GroupID: a.ID}, {GroupID: b.ID, Role: RoleAdmin}}})
				known, err := s.Members(0)
				if err != nil {
					t.Fatal(err)
				}
				err = save(s, tt.batch(known, a.ID, b.ID))
				results[i] = fmt.Sprintf("error: %v\n%s", err, dumpMembers(t, s))
			}
			if results[0] != results[1] {
				t.Errorf("SaveMembers gave\n%s\none by one gave\n%s", results[0], results[1])
			}
		})
	}
}

// dumpMembers lists the stored members as text, without the ids of tags and seats.
func dumpMembers(t *testing.T, s *Store) string {
	t.Helper()
	ms, err := s.Members(0)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%d %s %q %q %q [%s]", m.ID, m.QQ, m.Nickname, m.Notes, m.SearchKey, tagText(m))
		for _, ms := range m.Memberships {
			fmt.Fprintf(&b, " {%d %q %s %s}", ms.GroupID, ms.CardName, ms.Role, FormatDate(ms.JoinedOn, time.UTC))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestSaveMembersKeepsOtherSeats(t *testing.T) {
	s := newTestStore(t)
	a, b := twoGroups(t, s)
	old := saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Nickname: "橘猫", Interests: "王者荣耀",
		Memberships: []MembershipDraft{{GroupID: b.ID, CardName: "橘猫|影音"}}})
	old.Nickname = "大橘猫"
	old.Memberships = append(old.Memberships, Membership{GroupID: a.ID, CardName: "广州-橘猫", Role: RoleAdmin})
	added := Member{QQ: "55555", Memberships: []Membership{{GroupID: a.ID, Role: RoleMember}}}
	if err := s.SaveMembers([]*Member{&old, &added}); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members(a.ID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("Members = %d members, %v", len(ms), err)
	}
	got := ms[1] // 55555 comes first, by number
	tests := []struct {
		got, want string
	}{
		{got.Nickname + " " + tagText(got), "大橘猫 interest:王者荣耀"},
		{got.In(b.ID).CardName + " " + got.In(a.ID).CardName, "橘猫|影音 广州-橘猫"},
		{string(got.In(a.ID).Role), "admin"},
		{fmt.Sprint(got.ID == old.ID, ms[0].ID == added.ID && added.ID != 0), "true true"},
		{fmt.Sprint(ParseQuery("guangzhou").Matches(got.SearchKey)), "true"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("check %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
