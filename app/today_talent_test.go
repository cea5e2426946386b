package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	datatalent "github.com/qunhuo/qunhuo/data/talent"
)

// storeAt opens the test's database with the clock at at, for records of another day.
func storeAt(t *testing.T, path string, at time.Time) *data.Store {
	t.Helper()
	s, err := data.Open(path, data.WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// On 3 December, November's 资源达人 is proposed on 今日; its button opens the area on
// November.
func TestHomeProposesLastMonthsTalent(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者群", "11111111")
	m := data.Member{QQ: "10001", Nickname: "达人", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	nov := storeAt(t, e.Store.Path(), time.Date(2026, 11, 20, 12, 0, 0, 0, uitest.Loc))
	if _, err := nov.AddPoints(data.PointDraft{MemberID: m.ID, GroupID: &g.ID, Reason: points.ShareResource,
		Amount: points.ShareResource.DefaultAmount()}); err != nil {
		t.Fatal(err)
	}
	e.Store = storeAt(t, e.Store.Path(), time.Date(2026, 12, 3, 9, 0, 0, 0, uitest.Loc))
	sh := openShell(t, e)
	sh.show(sh.home)
	if got := uifind.LabelTexts(sh.today.lines); !strings.Contains(got, "该评2026年11月的资源达人了：按现在的公式，「达人」以 10 分领先") {
		t.Fatalf("今日 shows %q", got)
	}
	test.Tap(uifind.FindButton(sh.today.lines, "去评选"))
	if sh.shown != sh.talentArea || sh.talent.MonthShown() != (datatalent.Month{Year: 2026, Month: time.November}) {
		t.Fatalf("去评选 should open 资源达人 on November; shown %v", sh.shown.title)
	}
	if sh.talent.ConfirmButton.Disabled() {
		t.Error("November can be confirmed on 3 December")
	}
}
