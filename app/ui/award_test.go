package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// The button shows the owner's amount and writes it; a one-click award for a member
// deleted meanwhile is refused in a dialog, writes nothing and leaves the button
// usable; Clear hides it.
func TestAwardButtonOneClick(t *testing.T) {
	e := newTestEnv(t)
	var members []data.Member
	for _, d := range []data.MemberDraft{{QQ: "10001", Nickname: "小明"}, {QQ: "10002", Nickname: "小红"}} {
		m, err := d.Parse(e.Loc)
		if err == nil {
			err = e.Store.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, m)
	}
	if err := e.Store.SetPointAmount(points.ShareExperience, 12); err != nil {
		t.Fatal(err)
	}
	var said []string
	a := NewAwardButton(e, func(text string) { said = append(said, text) })
	e.Win.SetContent(a.Button)
	gone := Deed{Kind: data.LinkBlindBoxDraw, ID: 1, Reason: points.ShareExperience, Members: []uint{members[0].ID}}
	a.Set(gone)
	if a.Button.Text != "记积分 +12（分享体验）" || a.Button.Disabled() {
		t.Fatalf("button %q disabled %v", a.Button.Text, a.Button.Disabled())
	}
	if err := e.Store.DeleteMember(members[0].ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(a.Button)
	if len(e.Win.Canvas().Overlays().List()) == 0 || len(said) != 0 {
		t.Errorf("the refusal was not shown in a dialog (said %v)", said)
	}
	if es, _ := e.Store.PointsForDeed(data.LinkBlindBoxDraw, 1); len(es) != 0 || a.Button.Disabled() {
		t.Errorf("after the refusal: %d entries, button disabled %v", len(es), a.Button.Disabled())
	}
	a.Set(Deed{Kind: data.LinkBlindBoxDraw, ID: 2, Reason: points.ShareExperience, Members: []uint{members[1].ID}})
	test.Tap(a.Button)
	es, _ := e.Store.PointsForDeed(data.LinkBlindBoxDraw, 2)
	if len(es) != 1 || es[0].Amount != 12 || len(said) != 1 || said[0] != "已给 小红 记 +12 分（分享体验）" {
		t.Fatalf("entries %+v, said %v", es, said)
	}
	if a.Button.Text != "已记 +12 分（小红）" || !a.Button.Disabled() {
		t.Errorf("after the award %q", a.Button.Text)
	}
	a.Clear()
	if a.Button.Visible() {
		t.Error("Clear left the button shown")
	}
}
