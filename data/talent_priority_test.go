package data

import (
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/match"
)

// A member holding 优先获取 is listed first when a resource is matched, above better
// fits; a privilege that has expired or was revoked does not count.
func TestMatchListsPriorityFirst(t *testing.T) {
	f := newMatchFixture(t)
	grant := func(nick string, expires time.Time, revoked bool) {
		t.Helper()
		p := MemberPrivilege{MemberID: f.id(nick), Kind: PrivilegePriority, Source: BadgeFromTalent,
			GrantedAt: testNow.AddDate(0, 0, -40), ExpiresAt: expires}
		if revoked {
			at := testNow.AddDate(0, 0, -1)
			p.RevokedAt = &at
		}
		if err := f.s.db.Create(&p).Error; err != nil {
			t.Fatal(err)
		}
	}
	grant("求过王者", testNow.AddDate(0, 0, 5), false)
	grant("兴趣王者", testNow.AddDate(0, 0, -1), false) // expired yesterday
	grant("告知过", testNow.AddDate(0, 0, 5), true)    // revoked
	r, ms, err := f.s.MatchForResource(f.wzry.ID, f.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	fits := match.Members(r, ms)
	want := "求过王者=10-27 求过：「求王者点券」; 广州-点券=11-25 在求：「有没有wzry点券」+动机「刚需获取」; 告知过=兴趣「王者荣耀」+兴趣「腾讯」; 兴趣王者=兴趣「王者荣耀」"
	if got := fitList(fits); got != want {
		t.Errorf("fits:\n got %s\nwant %s", got, want)
	}
	if fits[0].Member.Priority != 1 || fits[1].Member.Priority != 0 {
		t.Errorf("priorities %d %d", fits[0].Member.Priority, fits[1].Member.Priority)
	}
	until, ok, err := f.s.PriorityUntil(f.id("求过王者"))
	if err != nil || !ok || !until.Equal(testNow.AddDate(0, 0, 5)) {
		t.Errorf("PriorityUntil = %v %v %v", until, ok, err)
	}
	if _, ok, _ := f.s.PriorityUntil(f.id("兴趣王者")); ok {
		t.Error("an expired privilege counts")
	}
}
