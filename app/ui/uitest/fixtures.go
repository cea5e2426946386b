package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// MustMember adds a member of group g from form text and fails the test if it cannot.
func MustMember(t testing.TB, e *ui.Env, g data.Group, qq, nick string) data.Member {
	t.Helper()
	m, err := data.MemberDraft{QQ: qq, Nickname: nick, Memberships: []data.MembershipDraft{{GroupID: g.ID}}}.Parse(e.Loc)
	if err == nil {
		err = e.Store.SaveMember(&m)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// PickIn types text into a picker and takes the first match; it fails the test if
// nothing matches.
func PickIn(t testing.TB, p *ui.Picker, text string) {
	t.Helper()
	p.Entry.SetText("")
	test.Type(p.Entry, text)
	if len(p.Shown) == 0 {
		t.Fatalf("nothing matches %q", text)
	}
	p.List.Select(0)
}

// GroupScreen is an area's screen of one group's records.
type GroupScreen interface {
	Content() fyne.CanvasObject
	SetGroup(g *data.Group)
	Refresh()
}

// ShowGroupScreen puts s in the test window and shows group g on it.
func ShowGroupScreen(e *ui.Env, s GroupScreen, g *data.Group) {
	Show(e, s.Content())
	s.SetGroup(g)
	s.Refresh()
}
