package data_test

import (
	"testing"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/datatest"
)

// The demo's records are removed and nothing of the owner's: their group, category,
// resource and member stay, and so does a demo resource a post named (with its
// category), which a later removal takes once the post no longer holds it.
func TestRemoveDemoKeepsTheOwnersRecords(t *testing.T) {
	s := datatest.OpenTemp(t)
	mine := data.Group{Name: "我的群", Number: "11111111"}
	if err := s.SaveGroup(&mine); err != nil {
		t.Fatal(err)
	}
	myRes := data.Resource{Name: "我自己的资源", Category: data.Category{Name: "游戏类"}, PriceCents: 100, Status: data.StatusOnSale, Unlimited: true}
	if err := s.SaveResource(&myRes); err != nil {
		t.Fatal(err)
	}
	me := data.Member{QQ: "10001", Nickname: "老朋友", Memberships: []data.Membership{{GroupID: mine.ID, Role: data.RoleMember}}}
	if err := s.SaveMember(&me); err != nil {
		t.Fatal(err)
	}
	count := func() (g, r, m int) {
		gs, _ := s.Groups()
		rs, _ := s.Resources()
		ms, _ := s.Members(0)
		return len(gs), len(rs), len(ms)
	}
	if err := s.AddDemo(func(tx *data.Store) error { return datatest.FillDemo(tx, datatest.SmallDemo, 1) }); err != nil {
		t.Fatal(err)
	}
	d, err := s.DemoRecords()
	if err != nil || d.Empty() || len(d.Groups) == 0 || len(d.Resources) == 0 || len(d.Members) == 0 {
		t.Fatalf("demo records %+v, %v", d, err)
	}
	for _, id := range d.Resources {
		if id == myRes.ID {
			t.Fatal("the owner's resource was recorded as the demo's")
		}
	}
	// A post names one demo resource: that one is kept.
	named := d.Resources[0]
	post := data.Post{GroupID: &mine.ID, Kind: data.PostNewStock, Title: "上新", Body: "上新"}
	if err := s.RecordPost(&post, []uint{named}); err != nil {
		t.Fatal(err)
	}
	removed, kept, err := s.RemoveDemo()
	if err != nil {
		t.Fatal(err)
	}
	if kept < 1 || removed == 0 {
		t.Fatalf("removed %d, kept %d; want the named resource kept (with its category or supplier when the demo made them)", removed, kept)
	}
	g, r, m := count()
	if g != 1 || r != 2 || m != 1 {
		t.Fatalf("after removal: %d groups, %d resources, %d members; want the owner's and the named one", g, r, m)
	}
	if left, _ := s.DemoRecords(); len(left.Resources) != 1 || left.Resources[0] != named || len(left.Members) != 0 {
		t.Fatalf("still recorded: %+v", left)
	}
	if _, _, err := s.RemoveDemo(); err != nil {
		t.Fatal(err)
	}
	if g, r, m := count(); g != 1 || r != 2 || m != 1 {
		t.Fatalf("a second removal changed %d/%d/%d", g, r, m)
	}
}
