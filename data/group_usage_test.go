package data

import "testing"

func TestGroupUsages(t *testing.T) {
	s := newTestStore(t)
	a := Group{Name: "王者群", Number: "11111111"}
	b := Group{Name: "原神群", Number: "22222222"}
	for _, g := range []*Group{&a, &b} {
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
	}
	for i, qq := range []string{"123456789", "223456789", "323456789"} {
		m := Member{QQ: qq, Memberships: []Membership{{GroupID: a.ID, Role: RoleMember}}}
		if i == 0 {
			m.Memberships = append(m.Memberships, Membership{GroupID: b.ID, Role: RoleAdmin})
		}
		if err := s.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordPost(&Post{GroupID: &b.ID, Kind: PostIndex, Body: "【原神群】"}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := s.GroupUsages()
	if err != nil {
		t.Fatal(err)
	}
	if got[a.ID] != (GroupUsage{Members: 3}) || got[b.ID] != (GroupUsage{Members: 1, Posts: 1}) {
		t.Errorf("usages = %+v", got)
	}
	one, err := s.GroupUsage(b.ID)
	if err != nil || one != got[b.ID] {
		t.Errorf("GroupUsage(b) = %+v, %v; want %+v", one, err, got[b.ID])
	}
}
