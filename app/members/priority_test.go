package members

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	"github.com/qunhuo/qunhuo/data/talent"
)

// October's 资源达人 holds 优先获取 through November: TA's detail says so.
func TestMemberDetailShowsPriority(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	m := data.Member{QQ: "10001", Nickname: "达人", Memberships: []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := s.detail.String(); strings.Contains(got, "优先获取") {
		t.Errorf("detail before: %q", got)
	}

	october := time.Date(2026, 10, 20, 12, 0, 0, 0, uitest.Loc)
	past, err := data.Open(e.Store.Path(), data.WithClock(func() time.Time { return october }))
	if err != nil {
		t.Fatal(err)
	}
	_, err = past.AddPoints(data.PointDraft{MemberID: m.ID, GroupID: &g.ID, Reason: points.ShareResource,
		Amount: points.ShareResource.DefaultAmount()})
	if cerr := past.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		_, err = e.Store.ConfirmTalent(g.ID, talent.Month{Year: 2026, Month: time.October}, m.ID, talent.DefaultWeights(), uitest.Loc)
	}
	if err != nil {
		t.Fatal(err)
	}
	s.table.UnselectAll()
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if got := s.detail.String(); !strings.Contains(got, "「优先获取」到 11月30日") {
		t.Errorf("detail = %q", got)
	}
}
