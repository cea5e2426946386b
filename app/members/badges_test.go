package members

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// A member's badges show after the nickname in the list and in a line of the detail,
// each with its end; a badge taken away shows nowhere.
func TestMemberListShowsBadges(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	var ms []data.Member
	for _, m := range []data.Member{{QQ: "10001", Nickname: "小明"}, {QQ: "10002", Nickname: "小红"}} {
		m.Memberships = []data.Membership{{GroupID: g.ID, Role: data.RoleMember}}
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	until := time.Date(2026, 12, 1, 0, 0, 0, 0, uitest.Loc).AddDate(1, 0, 0)
	for _, b := range []data.BadgeGrant{
		{MemberID: ms[0].ID, Name: "热心群友", Source: data.BadgeFromAward},
		{MemberID: ms[0].ID, Name: "资源达人", Source: data.BadgeFromTalent, ExpiresAt: &until},
		{MemberID: ms[1].ID, Name: "置换达人", Source: data.BadgeFromAward},
	} {
		if _, err := e.Store.GrantBadge(b); err != nil {
			t.Fatal(err)
		}
	}
	bs, _ := e.Store.MemberBadges(ms[1].ID)
	if err := e.Store.RevokeBadge(bs[0].ID, "退群"); err != nil {
		t.Fatal(err)
	}
	s := openMembers(t, e, &g)
	names := map[string]bool{}
	for row := range s.shown {
		l := widget.NewLabel("")
		s.fillCell(row, 1, l)
		names[l.Text] = true
	}
	if !names["小明〔热心群友、资源达人〕"] || !names["小红"] {
		t.Errorf("name cells = %v", names)
	}
	for row, i := range s.shown {
		if s.all[i].ID == ms[0].ID {
			s.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	want := "热心群友、资源达人（到 " + until.AddDate(0, 0, -1).Format("1月2日") + "）"
	if got := s.detail.String(); !strings.Contains(got, "身份标识") || !strings.Contains(got, want) {
		t.Errorf("detail = %q, want %q", got, want)
	}
}
