package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// After a save the member list says 已保存 and selects the saved member's row.
func TestSavedMemberIsConfirmedAndSelected(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	for _, qq := range []string{"10001", "20002", "30003", "40004"} {
		m := data.Member{QQ: qq, Nickname: "群友" + qq, Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
	}
	s := openMembers(t, e, &g)
	sel := uitest.WatchSelection(&s.table.Table)

	test.Tap(s.addButton)
	f := s.form
	test.Type(f.qq, "2876543210")
	test.Type(f.nickname, "小鱼儿")
	test.Tap(f.SaveButton)
	e.Tasks.Wait()

	if sel.Row < 0 || sel.Row >= len(s.shown) {
		t.Fatalf("no row is selected after the save (row %d of %d shown)", sel.Row, len(s.shown))
	}
	if got := s.all[s.shown[sel.Row]].QQ; got != "2876543210" {
		t.Errorf("the selected row is QQ %s, want the saved member", got)
	}
	if got := s.notice.Text(); got != "已保存「小鱼儿」" {
		t.Errorf("notice = %q, want 已保存「小鱼儿」", got)
	}
}

// A member saved outside the current group is shown under 全部成员, and the notice
// says why the list changed.
func TestSavedMemberOutsideTheGroupIsShownUnderEveryone(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	uitest.MustGroup(t, e, "影音会员群", "876543210")
	s := openMembers(t, e, &g)
	sel := uitest.WatchSelection(&s.table.Table)

	test.Tap(s.addButton)
	f := s.form
	test.Type(f.qq, "55667788")
	test.Type(f.nickname, "阿杰")
	test.Tap(f.seats[0].in) // out of the current group
	test.Tap(f.seats[1].in) // into the other one
	test.Tap(f.SaveButton)
	e.Tasks.Wait()

	if s.scope.Selected != scopeAll {
		t.Errorf("scope = %q, want %q to show the saved member", s.scope.Selected, scopeAll)
	}
	if sel.Row < 0 || s.all[s.shown[sel.Row]].QQ != "55667788" {
		t.Errorf("selected row %d, want the saved member", sel.Row)
	}
	if got := s.notice.Text(); !strings.Contains(got, "已保存「阿杰」") || !strings.Contains(got, "全部成员") {
		t.Errorf("notice = %q", got)
	}
}
