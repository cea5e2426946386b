package blindbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/draw"
)

type fixture struct {
	e *ui.Env
	g data.Group
	s *Screen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	m := data.Member{QQ: "10001", Nickname: "小明", Memberships: []data.Membership{{GroupID: f.g.ID, Role: data.RoleMember}}}
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	f.s = NewScreen(e)
	uitest.Show(e, f.s.Content())
	f.s.SetGroup(&f.g)
	f.s.Refresh()
	return f
}

// makeBox fills the new-box form and saves it.
func (f *fixture) makeBox(t *testing.T, winners string) data.BlindBox {
	t.Helper()
	test.Tap(f.s.AddButton)
	form := f.s.Form
	test.Type(form.Title, "周末盲盒")
	test.Type(form.Items, "原神月卡 ×2\n百度网盘会员 7天")
	form.Winners.SetText(winners)
	test.Tap(form.SaveButton)
	bs, err := f.e.Store.Boxes(0)
	if err != nil || len(bs) != 1 {
		t.Fatalf("boxes %v %v; form says %q", bs, err, form.Summary.Text)
	}
	return bs[0]
}

func TestBoxFromFormToVerifiedDraw(t *testing.T) {
	f := newFixture(t)
	if !f.s.empty.Visible() || uifind.FindButton(f.s.Content(), "新建盲盒") == nil {
		t.Fatal("an empty list should say how to start")
	}
	b := f.makeBox(t, "2")
	if len(b.Items) != 2 || b.Items[0].Quantity != 2 || b.Items[1].Quantity != 1 || b.State != data.BoxPreparing {
		t.Fatalf("saved %+v", b)
	}
	d := f.s.Detail
	if d.Box == nil || d.Box.ID != b.ID || !d.Open.Visible() || d.Close.Visible() {
		t.Fatal("the new box is not shown with 开始报名")
	}
	test.Tap(d.Open)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "开始报名"))
	if d.Box.State != data.BoxOpen || !strings.Contains(d.Fairness.Text, d.Box.Commitment) || !d.PasteEntries.Visible() {
		t.Fatalf("after open: %+v / %q", d.Box, d.Fairness.Text)
	}
	// paste chat lines: two entries, what could not be read is listed
	test.Tap(d.PasteEntries)
	test.Type(d.Paste.Text, "无关的一行\n2026-11-26 17:15:03 阿花(22334455)\n参加盲盒 求原神月卡\n"+
		"2026-11-26 17:16:00 老王(33445566)\n参加盲盒 求网盘会员\n2026-11-26 17:17:00 路人(44556677)\n哈哈")
	test.Tap(d.Paste.Read)
	if r := d.Paste.Result.Text; !strings.Contains(r, "登记了 2 人报名") || !strings.Contains(r, "第 1 行") || !strings.Contains(r, "第 6 行") {
		t.Errorf("paste report %q", r)
	}
	// one by one
	test.Tap(d.AddEntry)
	ef := d.EntryForm
	ef.Member.Entry.SetText("")
	test.Type(ef.Member.Entry, "10001")
	ef.Member.List.Select(0)
	test.Type(ef.Demand, "求王者点券")
	test.Tap(ef.SaveButton)
	es, _ := f.e.Store.BoxEntries(b.ID)
	if len(es) != 3 || !strings.Contains(d.EntriesText.Text, "共 3 人报名") {
		t.Fatalf("entries %d, shown %q", len(es), d.EntriesText.Text)
	}
	// a second entry of the same member is refused at the form
	test.Tap(d.AddEntry)
	ef = d.EntryForm
	test.Type(ef.Member.Entry, "10001")
	ef.Member.List.Select(0)
	test.Type(ef.Demand, "再来一次")
	test.Tap(ef.SaveButton)
	if !strings.Contains(ef.Summary.Text+ef.Notes["member"].Text, "已经报名") {
		t.Errorf("duplicate entry not refused: %q", ef.Summary.Text)
	}
	ef.Close()
	// close, draw
	test.Tap(d.Close)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "截止"))
	test.Tap(d.Draw)
	if d.Box.State != data.BoxDrawn || len(d.Draws) != 2 {
		t.Fatalf("after draw %+v %d", d.Box.State, len(d.Draws))
	}
	// the 验证 tab recomputes the published draw
	v := f.s.Verify
	v.Seed.SetText(d.Box.Seed)
	v.Commitment.SetText(d.Box.Commitment)
	v.ListHash.SetText(d.Box.ListHash)
	labels := make([]string, len(d.Entries))
	for i, e := range d.Entries {
		labels[i] = e.Label
	}
	v.List.SetText(draw.Canonical(labels))
	v.Count.SetText("2")
	v.Winners.SetText(itoa(d.Draws[0].Entry.Number) + " " + itoa(d.Draws[1].Entry.Number))
	test.Tap(v.Run)
	if !strings.HasPrefix(v.Result.Text, "【验证通过】") {
		t.Fatalf("verify: %q", v.Result.Text)
	}
	v.Winners.SetText(itoa(d.Draws[1].Entry.Number) + " " + itoa(d.Draws[0].Entry.Number))
	test.Tap(v.Run)
	if !strings.HasPrefix(v.Result.Text, "【验证不通过】") {
		t.Errorf("swapped winners verified: %q", v.Result.Text)
	}
	// redraw the first winner; mark the second shared
	first, second := d.Draws[0], d.Draws[1]
	test.Tap(uifind.FindButton(d.winners.Objects[0], "补抽"))
	test.Type(f.e.Win.Canvas().Focused().(*ui.Entry), "三天没回复")
	test.Tap(uifind.OverlayButton(t, f.e.Win, "补抽"))
	ds, _ := f.e.Store.BoxDraws(b.ID)
	if len(ds) != 3 || ds[0].Won() || ds[0].VoidReason != "三天没回复" || ds[1].EntryID != second.EntryID || ds[2].EntryID == first.EntryID {
		t.Fatalf("after redraw %+v", ds)
	}
	test.Tap(uifind.FindButton(d.winners.Objects[1], "已分享"))
	test.Tap(uifind.OverlayButton(t, f.e.Win, "登记"))
	ds, _ = f.e.Store.BoxDraws(b.ID)
	if ds[1].SharedAt == nil || !strings.Contains(uifind.LabelTexts(d.winners), "已分享") {
		t.Errorf("share not recorded: %+v", ds[1])
	}
	// posts
	test.Tap(d.ResultPost)
	if d.post == nil || !strings.Contains(strings.Join(d.post.Parts(), ""), d.Box.Seed) {
		t.Error("result post lacks the seed")
	}
}

func itoa(n int) string { return ui.Itoa(n) }

func TestBoxFormRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	test.Tap(f.s.AddButton)
	form := f.s.Form
	form.Closes.SetText("明天")
	form.Winners.SetText("0")
	test.Tap(form.SaveButton)
	for _, k := range []string{"title", "items", "winners", "closes"} {
		if form.Notes[k] == nil || form.Notes[k].Text == "" {
			t.Errorf("no problem shown at %s", k)
		}
	}
	if bs, _ := f.e.Store.Boxes(0); len(bs) != 0 {
		t.Errorf("saved %v", bs)
	}
}

// A box still 准备中 can be changed through the same form, prefilled; once open it
// cannot.
func TestEditBoxWhilePreparing(t *testing.T) {
	f := newFixture(t)
	b := f.makeBox(t, "1")
	d := f.s.Detail
	if !d.Edit.Visible() {
		t.Fatal("修改 hidden while 准备中")
	}
	test.Tap(d.Edit)
	form := d.EditForm
	if form.Title.Text != "周末盲盒" || !strings.Contains(form.Items.Text, "原神月卡 ×2") {
		t.Fatalf("not prefilled: %q %q", form.Title.Text, form.Items.Text)
	}
	form.Winners.SetText("4")
	form.Items.SetText("原神月卡 ×5")
	test.Tap(form.SaveButton)
	got, err := f.e.Store.Box(b.ID)
	if err != nil || got.Winners != 4 || len(got.Items) != 1 || got.Items[0].Quantity != 5 || got.GroupID == nil || *got.GroupID != f.g.ID {
		t.Fatalf("after edit %+v %v", got, err)
	}
	if bs, _ := f.e.Store.Boxes(0); len(bs) != 1 {
		t.Errorf("edit made a new box: %d boxes", len(bs))
	}
	test.Tap(d.Open)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "开始报名"))
	if d.Edit.Visible() {
		t.Error("修改 shown on an open box")
	}
}
