package data

import (
	"strings"
	"testing"
)

// twoGroups saves two groups for member tests.
func twoGroups(t *testing.T, s *Store) (a, b Group) {
	t.Helper()
	a, b = Group{Name: "王者荣耀交流群", Number: "123456789"}, Group{Name: "影音会员群", Number: "987654321"}
	for _, g := range []*Group{&a, &b} {
		if err := s.SaveGroup(g); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

// saveMemberDraft parses d and saves it as a new member.
func saveMemberDraft(t *testing.T, s *Store, d MemberDraft) Member {
	t.Helper()
	m, err := d.Parse(cst)
	if err != nil {
		t.Fatalf("parse member %s: %v", d.QQ, err)
	}
	if err := s.SaveMember(&m); err != nil {
		t.Fatalf("save member %s: %v", d.QQ, err)
	}
	return m
}

// tagText lists a member's tags as "kind:value".
func tagText(m Member) string {
	var parts []string
	for _, tag := range m.Tags {
		parts = append(parts, string(tag.Kind)+":"+tag.Value)
	}
	return strings.Join(parts, " ")
}

func TestSaveMemberWithTagsAndGroups(t *testing.T) {
	s := newTestStore(t)
	a, b := twoGroups(t, s)
	both := saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Nickname: "爱吃橘子的猫",
		Motivations: []string{"刚需获取"}, Interests: "王者荣耀 原神", Segments: "学生",
		Memberships: []MembershipDraft{{GroupID: a.ID, CardName: "广州-橘猫", Role: RoleAdmin}, {GroupID: b.ID}}})
	onlyB := saveMemberDraft(t, s, MemberDraft{QQ: "55555", Nickname: "追剧小王",
		Memberships: []MembershipDraft{{GroupID: b.ID, CardName: "追剧党"}}})
	none := saveMemberDraft(t, s, MemberDraft{QQ: "9876543210"})

	tests := []struct {
		group uint
		want  string // QQ numbers, in the order Members returns them: by number
	}{
		{a.ID, "123456789"},
		{b.ID, "55555 123456789"},
		{0, "55555 123456789 9876543210"},
		{999, ""},
	}
	for _, tt := range tests {
		ms, err := s.Members(tt.group)
		if err != nil {
			t.Fatal(err)
		}
		var qqs []string
		for _, m := range ms {
			qqs = append(qqs, m.QQ)
		}
		if strings.Join(qqs, " ") != tt.want {
			t.Errorf("Members(%d) = %q, want %q", tt.group, qqs, tt.want)
		}
	}

	ms, _ := s.Members(0)
	got := ms[1]
	if got.ID != both.ID || tagText(got) != "motivation:刚需获取 interest:王者荣耀 interest:原神 segment:学生" {
		t.Errorf("tags = %q", tagText(got))
	}
	if len(got.Memberships) != 2 || got.In(a.ID).Role != RoleAdmin || got.In(a.ID).CardName != "广州-橘猫" || got.In(b.ID).Role != RoleMember {
		t.Errorf("memberships = %+v", got.Memberships)
	}
	if got.TagValues(TagInterest)[1] != "原神" || len(got.TagValues(TagSegment)) != 1 {
		t.Errorf("TagValues = %q / %q", got.TagValues(TagInterest), got.TagValues(TagSegment))
	}
	for _, q := range []string{"橘猫", "guangzhou", "jzdm", "wzry", "xuesheng", "12345"} {
		if !ParseQuery(q).Matches(got.SearchKey) {
			t.Errorf("member key %q misses %q", got.SearchKey, q)
		}
	}
	if onlyB.ID == 0 || none.ID == 0 {
		t.Error("members not saved")
	}
}

func TestSaveMemberRefusesDuplicateQQ(t *testing.T) {
	s := newTestStore(t)
	first := saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Nickname: "小鱼"})
	dup := Member{QQ: "123456789", Nickname: "另一个小鱼"}
	fieldError(t, s.SaveMember(&dup), "qq", "QQ号")
	bad := Member{QQ: "1234"}
	fieldError(t, s.SaveMember(&bad), "qq", "QQ号")
	first.Nickname = "大鱼" // its own number is not a clash
	if err := s.SaveMember(&first); err != nil {
		t.Fatal(err)
	}
	wantCount(t, s, &Member{}, 1)
}

func TestSaveMemberReplacesTagsAndSeats(t *testing.T) {
	s := newTestStore(t)
	a, b := twoGroups(t, s)
	m := saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Motivations: []string{"刚需获取", "社交认同"},
		Interests: "王者荣耀", Memberships: []MembershipDraft{{GroupID: a.ID}, {GroupID: b.ID}}})
	edit, err := MemberDraft{QQ: "123456789", Nickname: "橘猫", Motivations: []string{"信息差红利"},
		Segments: "上班族", Memberships: []MembershipDraft{{GroupID: b.ID, CardName: "橘猫|影音"}}}.Parse(cst)
	if err != nil {
		t.Fatal(err)
	}
	edit.ID = m.ID
	if err := s.SaveMember(&edit); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(0)
	if len(ms) != 1 || tagText(ms[0]) != "motivation:信息差红利 segment:上班族" {
		t.Fatalf("after edit: %+v", ms)
	}
	if len(ms[0].Memberships) != 1 || ms[0].In(b.ID) == nil || ms[0].In(a.ID) != nil {
		t.Errorf("memberships after edit = %+v", ms[0].Memberships)
	}
	if ParseQuery("wzry").Matches(ms[0].SearchKey) || !ParseQuery("shangbanzu").Matches(ms[0].SearchKey) {
		t.Errorf("search key not rebuilt: %q", ms[0].SearchKey)
	}
	wantCount(t, s, &MemberTag{}, 2)
	wantCount(t, s, &Membership{}, 1)
	if got, _ := s.Members(a.ID); len(got) != 0 {
		t.Errorf("member still listed in the group they left")
	}
}

func TestDeleteMemberAndGroup(t *testing.T) {
	s := newTestStore(t)
	a, b := twoGroups(t, s)
	m1 := saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Motivations: []string{"刚需获取"},
		Memberships: []MembershipDraft{{GroupID: a.ID}, {GroupID: b.ID}}})
	saveMemberDraft(t, s, MemberDraft{QQ: "22222222", Interests: "原神", Memberships: []MembershipDraft{{GroupID: a.ID}}})

	if err := s.DeleteMember(m1.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember(m1.ID); !matchErr(err, ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	wantCount(t, s, &Member{}, 1)
	wantCount(t, s, &MemberTag{}, 1)
	wantCount(t, s, &Membership{}, 1)

	u, err := s.GroupUsage(a.ID)
	if err != nil || u.Members != 1 {
		t.Errorf("GroupUsage = %+v, %v", u, err)
	}
	if err := s.DeleteGroup(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteGroup(a.ID); !matchErr(err, ErrNotFound) {
		t.Errorf("second group delete = %v, want ErrNotFound", err)
	}
	wantCount(t, s, &Member{}, 1)
	wantCount(t, s, &MemberTag{}, 1)
	wantCount(t, s, &Membership{}, 0)
	gs, _ := s.Groups()
	if len(gs) != 1 || gs[0].ID != b.ID {
		t.Errorf("groups = %+v", gs)
	}
}

func TestFilterMembers(t *testing.T) {
	s := newTestStore(t)
	a, _ := twoGroups(t, s)
	saveMemberDraft(t, s, MemberDraft{QQ: "123456789", Nickname: "爱吃橘子的猫", Interests: "王者荣耀"})
	saveMemberDraft(t, s, MemberDraft{QQ: "22222222", Nickname: "追剧小王", Segments: "学生",
		Memberships: []MembershipDraft{{GroupID: a.ID, CardName: "深圳-小王"}}})
	// What QQ's member list says of a seat: the level name finds the silent members.
	quiet := Member{QQ: "33333333", Nickname: "路人甲", Memberships: []Membership{{GroupID: a.ID, Role: RoleMember, LevelName: "潜水"}}}
	if err := s.SaveMember(&quiet); err != nil {
		t.Fatal(err)
	}
	ms, _ := s.Members(0)
	tests := []struct{ q, want string }{
		{"", "22222222 33333333 123456789"},
		{"潜水", "33333333"},
		{"qs", "33333333"},
		{"wzry", "123456789"},
		{"xiaowang", "22222222"},
		{"shenzhen", "22222222"},
		{"xs", "22222222"},
		{"2222", "22222222"},
		{"猫 王者", "123456789"},
		{"猫 学生", ""},
	}
	var idx []int
	for _, tt := range tests {
		idx = FilterMembers(ms, ParseQuery(tt.q), idx)
		var got []string
		for _, i := range idx {
			got = append(got, ms[i].QQ)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("FilterMembers(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestDisplayName(t *testing.T) {
	seats := []Membership{{GroupID: 1, CardName: "广州-橘猫"}, {GroupID: 2}}
	tests := []struct {
		name  string
		m     Member
		group uint
		want  string
	}{
		{"card in that group", Member{QQ: "123456789", Nickname: "橘猫", Memberships: seats}, 1, "广州-橘猫"},
		{"no card there", Member{QQ: "123456789", Nickname: "橘猫", Memberships: seats}, 2, "橘猫"},
		{"not in the group", Member{QQ: "123456789", Nickname: "橘猫", Memberships: seats}, 3, "橘猫"},
		{"no nickname", Member{QQ: "123456789", Memberships: seats}, 2, "123****789"},
		{"nothing", Member{QQ: "55555"}, 0, "5****5"},
	}
	for _, tt := range tests {
		if got := tt.m.DisplayName(tt.group); got != tt.want {
			t.Errorf("%s: DisplayName = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestMaskQQ(t *testing.T) {
	tests := []struct{ qq, want string }{
		{"123456789", "123****789"},
		{"1234567890", "123****890"},
		{"123456789012", "123****012"},
		{"12345678", "12****8"},
		{"1234567", "12****7"},
		{"123456", "1****6"},
		{"12345", "1****5"},
		{"1234", "****"},
		{"", ""},
	}
	for _, tt := range tests {
		got := MaskQQ(tt.qq)
		if got != tt.want {
			t.Errorf("MaskQQ(%q) = %q, want %q", tt.qq, got, tt.want)
		}
		if len(tt.qq) >= 5 && strings.Contains(got, tt.qq) {
			t.Errorf("MaskQQ(%q) shows the whole number", tt.qq)
		}
	}
}

func TestRoles(t *testing.T) {
	for _, r := range Roles {
		back, ok := RoleByLabel(r.Label())
		if !ok || back != r || r.Label() == "" {
			t.Errorf("role %q: label %q reads back as %q, %v", r, r.Label(), back, ok)
		}
	}
	if _, ok := RoleByLabel("版主"); ok {
		t.Error("unknown role label accepted")
	}
}

// QQ numbers are 5 to 12 digits: the list reads them as numbers, so 99999 comes
// before 100000, in one group and across all of them.
func TestMembersOrderedByQQAsNumbers(t *testing.T) {
	s := newTestStore(t)
	g := Group{Name: "卡盟福利群", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	qqs := []string{"100000", "99999", "123456789012", "2345678", "10001", "987654321", "1000000", "12345"}
	for i, qq := range qqs {
		d := MemberDraft{QQ: qq}
		if i%2 == 0 {
			d.Memberships = []MembershipDraft{{GroupID: g.ID}}
		}
		saveMemberDraft(t, s, d)
	}
	tests := []struct {
		name  string
		group uint
		want  string
	}{
		{"everyone", 0, "10001 12345 99999 100000 1000000 2345678 987654321 123456789012"},
		{"one group", g.ID, "10001 100000 1000000 123456789012"},
	}
	for _, tt := range tests {
		ms, err := s.Members(tt.group)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]string, len(ms))
		for i := range ms {
			got[i] = ms[i].QQ
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}
