package data

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/match"
)

// matchFixture is a group with members whose needs are known, and two resources.
type matchFixture struct {
	s          *Store
	a, b       Group
	wzry, iqy  Resource
	byNickname map[string]Member
}

func newMatchFixture(t *testing.T) *matchFixture {
	t.Helper()
	s := newTestStore(t)
	f := &matchFixture{s: s, byNickname: map[string]Member{}}
	f.a, f.b = twoGroups(t, s)
	f.wzry = saveDraft(t, s, ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "55", OriginalPrice: "60", Stock: "20", Tags: "王者荣耀,腾讯"})
	f.iqy = saveDraft(t, s, ResourceDraft{Name: "爱奇艺黄金会员 月卡", Category: "影音类", Price: "15", Stock: "不限", Tags: "爱奇艺"})
	saveDraft(t, s, ResourceDraft{Name: "爱奇艺白金会员 年卡", Category: "影音类", Price: "150", Stock: "0", Tags: "爱奇艺"}) // sold out
	seat := func(g Group, card string) []MembershipDraft {
		return []MembershipDraft{{GroupID: g.ID, CardName: card}}
	}
	for _, d := range []MemberDraft{
		{QQ: "10001", Nickname: "兴趣王者", Interests: "王者荣耀", Memberships: seat(f.a, "")},
		{QQ: "10002", Nickname: "在求点券", Motivations: []string{"刚需获取"}, Memberships: seat(f.a, "广州-点券")},
		{QQ: "10003", Nickname: "求过王者", Memberships: seat(f.a, "")},
		{QQ: "10004", Nickname: "退群了", Interests: "王者荣耀", Memberships: seat(f.a, "")},
		{QQ: "10005", Nickname: "别的群", Interests: "王者荣耀", Memberships: seat(f.b, "")},
		{QQ: "10006", Nickname: "追剧", Interests: "爱奇艺", Memberships: seat(f.a, "")},
		{QQ: "10007", Nickname: "告知过", Interests: "王者荣耀 腾讯", Memberships: seat(f.a, "")},
	} {
		f.byNickname[d.Nickname] = saveMemberDraft(t, s, d)
	}
	left := testNow.AddDate(0, 0, -3)
	if err := s.db.Model(&Membership{}).Where("member_id = ?", f.id("退群了")).Update("left_on", left).Error; err != nil {
		t.Fatal(err)
	}
	f.request(t, "在求点券", "有没有wzry点券", 1, RequestWaiting)
	f.request(t, "在求点券", "求爱奇艺月卡", 40, RequestMet)
	f.request(t, "求过王者", "求王者点券", 30, RequestMet)
	f.request(t, "求过王者", "求王者点券", 500, RequestWaiting) // older than a year: forgotten
	return f
}

func (f *matchFixture) id(nick string) uint { return f.byNickname[nick].ID }

func (f *matchFixture) request(t *testing.T, nick, text string, daysAgo int, st RequestState) {
	t.Helper()
	r := Request{MemberID: f.id(nick), GroupID: &f.a.ID, Text: text, State: st, AskedAt: testNow.AddDate(0, 0, -daysAgo)}
	if err := f.s.db.Create(&r).Error; err != nil {
		t.Fatal(err)
	}
}

func fitList(fits []match.Fit) string {
	var out []string
	for _, fit := range fits {
		var rs []string
		for _, r := range fit.Reasons {
			rs = append(rs, r.Text(cst))
		}
		told := ""
		if fit.Member.Told() {
			told = "（已告知）"
		}
		out = append(out, fmt.Sprintf("%s%s=%s", fit.Member.Name, told, strings.Join(rs, "+")))
	}
	return strings.Join(out, "; ")
}

func TestMatchForResource(t *testing.T) {
	f := newMatchFixture(t)
	if err := f.s.RecordNotices(f.wzry.ID, []uint{f.id("告知过")}, NoticePrivate); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		resource uint
		group    uint
		want     string
	}{
		{"group A, 王者", f.wzry.ID, f.a.ID,
			"广州-点券=11-25 在求：「有没有wzry点券」+动机「刚需获取」; 告知过（已告知）=兴趣「王者荣耀」+兴趣「腾讯」; 兴趣王者=兴趣「王者荣耀」; 求过王者=10-27 求过：「求王者点券」"},
		{"everyone, 王者: the other group's member too, never who left", f.wzry.ID, 0,
			"在求点券=11-25 在求：「有没有wzry点券」+动机「刚需获取」; 告知过（已告知）=兴趣「王者荣耀」+兴趣「腾讯」; 兴趣王者=兴趣「王者荣耀」; 别的群=兴趣「王者荣耀」; 求过王者=10-27 求过：「求王者点券」"},
		{"group A, 爱奇艺", f.iqy.ID, f.a.ID, "广州-点券=10-17 求过：「求爱奇艺月卡」+动机「刚需获取」; 追剧=兴趣「爱奇艺」"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ms, err := f.s.MatchForResource(tt.resource, tt.group)
			if err != nil {
				t.Fatal(err)
			}
			if got := fitList(match.Members(r, ms)); got != tt.want {
				t.Errorf("fits:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestMatchNoticeWindow(t *testing.T) {
	f := newMatchFixture(t)
	old := Notice{MemberID: f.id("兴趣王者"), ResourceID: f.wzry.ID, Way: NoticeAt, At: testNow.AddDate(0, 0, -8)}
	if err := f.s.db.Create(&old).Error; err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		days int
		told bool
	}{{7, false}, {8, true}, {30, true}} {
		if err := f.s.SetNoticeDays(tt.days); err != nil {
			t.Fatal(err)
		}
		_, ms, err := f.s.MatchForResource(f.wzry.ID, f.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.ID == f.id("兴趣王者") && m.Told() != tt.told {
				t.Errorf("window %d days: told = %v, want %v", tt.days, m.Told(), tt.told)
			}
		}
	}
	for _, bad := range []int{0, -1, MaxNoticeDays + 1} {
		if err := f.s.SetNoticeDays(bad); err == nil {
			t.Errorf("SetNoticeDays(%d) accepted", bad)
		}
	}
}

func TestMatchForMember(t *testing.T) {
	f := newMatchFixture(t)
	m, facts, rs, err := f.s.MatchForMember(f.id("在求点券"), f.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || len(facts) != 2 {
		t.Fatalf("%d resources on sale, want 2 (not the sold-out one)", len(rs))
	}
	var got []string
	for _, fit := range match.Resources(m, facts) {
		got = append(got, fit.Resource.Name)
	}
	if strings.Join(got, ",") != "王者荣耀点券 60元,爱奇艺黄金会员 月卡" {
		t.Errorf("fits %q", got)
	}
	if m.Name != "广州-点券" {
		t.Errorf("name %q, want the group card", m.Name)
	}
	if _, _, _, err := f.s.MatchForMember(f.id("退群了"), f.a.ID); err == nil {
		t.Errorf("a member who left was matched")
	}
}

func TestRecordNotices(t *testing.T) {
	f := newMatchFixture(t)
	ids := []uint{f.id("兴趣王者"), f.id("求过王者")}
	if err := f.s.RecordNotices(f.wzry.ID, ids, NoticeGroupPost); err != nil {
		t.Fatal(err)
	}
	ns, err := f.s.NoticesSince(f.wzry.ID, testNow.Add(-time.Minute))
	if err != nil || len(ns) != 2 || ns[0].Way != NoticeGroupPost || !ns[0].At.Equal(testNow) {
		t.Fatalf("notices %+v (%v)", ns, err)
	}
	if ns, _ := f.s.NoticesSince(f.iqy.ID, testNow.AddDate(0, 0, -30)); len(ns) != 0 {
		t.Errorf("notices of another resource: %+v", ns)
	}
}
