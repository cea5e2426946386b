package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func openMembers(t *testing.T, e *ui.Env, g *data.Group) *Screen {
	t.Helper()
	s := NewScreen(e, Links{ImportMembers: func(data.Group, func()) {}})
	uitest.Show(e, s.Content())
	s.SetGroup(g)
	s.Refresh()
	return s
}

func TestAddMemberWithTagsAndSeat(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	uitest.MustGroup(t, e, "影音会员群", "876543210")
	s := openMembers(t, e, &g)

	test.Tap(s.addButton)
	e.Tasks.Wait()
	f := s.form
	test.Type(f.qq, "2876543210")
	test.Type(f.nickname, "小鱼儿")
	f.motivations.SetSelected([]string{"刚需获取", "社交认同"})
	test.Type(f.interests, "王者荣耀,原神")
	test.Type(f.segments, "学生")
	if len(f.seats) != 2 || !f.seats[0].in.Checked || f.seats[1].in.Checked {
		t.Fatalf("a new member should start in the current group only")
	}
	test.Type(f.seats[0].cardName, "小鱼-原神代肝")
	f.seats[0].role.SetSelected("管理员")
	test.Tap(f.SaveButton)
	e.Tasks.Wait()
	e.Tasks.Wait()

	ms, err := e.Store.Members(g.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("group has %d members (%v), want 1", len(ms), err)
	}
	m := ms[0]
	if m.QQ != "2876543210" || m.Nickname != "小鱼儿" {
		t.Errorf("saved %+v", m)
	}
	if got := strings.Join(m.TagValues(data.TagInterest), ","); got != "王者荣耀,原神" {
		t.Errorf("interests = %q", got)
	}
	if got := strings.Join(m.TagValues(data.TagMotivation), ","); got != "刚需获取,社交认同" {
		t.Errorf("motivations = %q", got)
	}
	seat := m.In(g.ID)
	if seat == nil || seat.CardName != "小鱼-原神代肝" || seat.Role != data.RoleAdmin {
		t.Errorf("seat = %+v", seat)
	}
	if len(s.shown) != 1 || s.cellText(&s.all[s.shown[0]], 2) != "小鱼-原神代肝" {
		t.Errorf("the list does not show the new member's card name")
	}
}

func TestMemberSearchByQQAndPinyin(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "话费福利群", "55667788")
	for _, d := range []data.MemberDraft{
		{QQ: "10001", Nickname: "小鱼儿", Memberships: []data.MembershipDraft{{GroupID: g.ID}}},
		{QQ: "2233445566", Nickname: "阿狸", Interests: "爱奇艺", Memberships: []data.MembershipDraft{{GroupID: g.ID, CardName: "阿狸-影视"}}},
	} {
		m, err := d.Parse(e.Loc)
		if err == nil {
			err = e.Store.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	s := openMembers(t, e, &g)
	for typed, want := range map[string]string{"xye": "10001", "2233": "2233445566", "aqy": "2233445566", "阿狸-影视": "2233445566"} {
		s.search.SetText("")
		test.Type(s.search, typed)
		if len(s.shown) != 1 || s.all[s.shown[0]].QQ != want {
			t.Errorf("typing %q shows %d members, want only %s", typed, len(s.shown), want)
		}
	}
}

func TestMemberFormRefusesBadQQ(t *testing.T) {
	for _, qq := range []string{"", "1234", "1234567890123", "12ab56", "012345"} {
		t.Run(qq, func(t *testing.T) {
			e := uitest.NewEnv(t)
			g := uitest.MustGroup(t, e, "测试群", "12345678")
			s := openMembers(t, e, &g)
			test.Tap(s.addButton)
			e.Tasks.Wait()
			f := s.form
			test.Type(f.qq, qq)
			test.Tap(f.SaveButton)
			e.Tasks.Wait()
			if err := f.qq.Validate(); err == nil || !strings.Contains(err.Error(), "QQ号") {
				t.Errorf("QQ %q: field says %v, want a QQ号 problem", qq, err)
			}
			if ms, _ := e.Store.Members(0); len(ms) != 0 {
				t.Errorf("QQ %q was saved", qq)
			}
		})
	}
}
