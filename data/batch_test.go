package data

import (
	"errors"
	"fmt"
	"testing"
)

func TestSaveMembersAllOrNothing(t *testing.T) {
	tests := []struct {
		name string
		rows []Member
	}{
		{"second row has a bad QQ", []Member{{QQ: "22222222", Nickname: "小王"}, {QQ: "0123456"}}},
		{"second row repeats the first", []Member{{QQ: "22222222"}, {QQ: "22222222", Nickname: "另一个"}}},
		{"second row is already a member", []Member{{QQ: "22222222"}, {QQ: "123456789"}}},
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
				m.Memberships = []Membership{{GroupID: a.ID, Role: RoleMember}}
				rows[i] = &m
			}
			err := s.SaveMembers(rows)
			var re *RowError
			if !errors.As(err, &re) || re.Index != 1 {
				t.Fatalf("SaveMembers = %v, want a RowError at index 1", err)
			}
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For("qq") == nil {
				t.Errorf("RowError wraps %v, want a problem at qq", re.Err)
			}
			wantCount(t, s, &Member{}, 1)
			wantCount(t, s, &MemberTag{}, 0)
			wantCount(t, s, &Membership{}, 1)
			if rows[0].ID != 0 {
				t.Errorf("first row keeps the rolled-back id %d", rows[0].ID)
			}
			rows[1].QQ = "33333333"
			if err := s.SaveMembers(rows); err != nil {
				t.Fatalf("retry after fixing row 2: %v", err)
			}
			wantCount(t, s, &Member{}, 3)
			wantCount(t, s, &MemberTag{}, 2)
			wantCount(t, s, &Membership{}, 3)
		})
	}
}

func TestSaveMembersUpdatesAndCreates(t *testing.T) {
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
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		got, want string
	}{
		{fmt.Sprint(len(ms)), "2"},
		{ms[0].Nickname + " " + tagText(ms[0]), "大橘猫 interest:王者荣耀"},
		{ms[0].In(b.ID).CardName + " " + ms[0].In(a.ID).CardName, "橘猫|影音 广州-橘猫"},
		{string(ms[0].In(a.ID).Role), "admin"},
		{fmt.Sprint(ms[0].ID == old.ID, ms[1].ID == added.ID && added.ID != 0), "true true"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("check %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
	if !ParseQuery("guangzhou").Matches(ms[0].SearchKey) {
		t.Errorf("search key not rebuilt: %q", ms[0].SearchKey)
	}
}
