package members

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// fiveMembers saves five members of g, in QQ order.
func fiveMembers(t *testing.T, e *ui.Env, g data.Group) []data.Member {
	t.Helper()
	var out []data.Member
	for _, d := range []data.MemberDraft{
		{QQ: "10001", Nickname: "小鱼儿"}, {QQ: "10002", Nickname: "阿狸", Interests: "原神"},
		{QQ: "10003", Nickname: "夜猫子"}, {QQ: "10004", Nickname: "橘猫"}, {QQ: "10005", Nickname: "胖虎"},
	} {
		d.Memberships = []data.MembershipDraft{{GroupID: g.ID}}
		m, err := d.Parse(e.Loc)
		if err == nil {
			err = e.Store.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// checks finds the dialog's check boxes, by the member name they start with.
func checks(win fyne.Window) map[string]*widget.Check {
	out := map[string]*widget.Check{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			out[strings.SplitN(c.Text, "（", 2)[0]] = c
		}
		for _, ch := range uifind.Children(o) {
			walk(ch)
		}
	}
	walk(win.Canvas().Overlays().Top())
	return out
}

// tagged lists who has the tag, by member id, from the member_tags rows.
func tagged(t *testing.T, e *ui.Env, kind data.TagKind, value string) map[uint]bool {
	t.Helper()
	ms, err := e.Store.Members(0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[uint]bool{}
	for _, m := range ms {
		for _, tag := range m.Tags {
			if tag.Kind == kind && tag.Value == value {
				out[m.ID] = true
			}
		}
	}
	return out
}

func TestBulkTaggingThreeMembers(t *testing.T) {
	e := uitest.NewEnv(t)
	e.Win.Resize(fyne.NewSize(1200, 900))
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	ms := fiveMembers(t, e, g)
	s := openMembers(t, e, &g)

	test.Tap(s.profile.bulk)
	b := s.profile.bulkDlg
	if !b.addBtn.Disabled() {
		t.Errorf("加上 is enabled with nobody ticked")
	}
	boxes := checks(e.Win)
	if len(boxes) != 5 {
		t.Fatalf("the dialog lists %d members, want 5", len(boxes))
	}
	for _, name := range []string{"小鱼儿", "阿狸", "橘猫"} {
		test.Tap(boxes[name])
	}
	if b.count.Text != "已选 3 人" {
		t.Errorf("count says %q", b.count.Text)
	}
	test.Type(b.value, "原神")
	test.Tap(b.addBtn)
	e.Tasks.Wait()

	got := tagged(t, e, data.TagInterest, "原神")
	want := map[uint]bool{ms[0].ID: true, ms[1].ID: true, ms[3].ID: true}
	if len(got) != 3 || !got[ms[0].ID] || !got[ms[1].ID] || !got[ms[3].ID] {
		t.Errorf("tagged %v, want %v", got, want)
	}
	if b.status.Text != "√ 已给 2 人加上兴趣「原神」（1 人原来就有）" {
		t.Errorf("status %q", b.status.Text)
	}
	// The list behind shows the new tags, and finds them by search.
	test.Type(s.search, "ys")
	if len(s.shown) != 3 {
		t.Errorf("searching the new tag finds %d members, want 3", len(s.shown))
	}

	// Take it off two of them again.
	test.Tap(boxes["阿狸"])
	if b.count.Text != "已选 2 人" {
		t.Errorf("count says %q", b.count.Text)
	}
	test.Tap(b.removeBt)
	e.Tasks.Wait()
	if got := tagged(t, e, data.TagInterest, "原神"); len(got) != 1 || !got[ms[1].ID] {
		t.Errorf("after removing, tagged %v, want only 阿狸", got)
	}
}

func TestBulkTaggingSelectAllShownAndRefusal(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "原神资源互助群", "765432198")
	fiveMembers(t, e, g)
	s := openMembers(t, e, &g)
	test.Type(s.search, "猫") // 夜猫子 and 橘猫

	test.Tap(s.profile.bulk)
	b := s.profile.bulkDlg
	if b.all.Text != "全选（当前列表的 2 人）" {
		t.Errorf("全选 says %q", b.all.Text)
	}
	test.Tap(b.all)
	b.kind.SetSelected("动机")
	test.Type(b.value, "想白嫖")
	test.Tap(b.addBtn)
	e.Tasks.Wait()
	if !strings.Contains(b.problem.Text, "动机只能是") {
		t.Errorf("a motivation that is not one was not refused: %q", b.problem.Text)
	}
	if len(tagged(t, e, data.TagMotivation, "想白嫖")) != 0 {
		t.Errorf("the refused tag was saved")
	}
	b.value.SetText("刚需获取")
	test.Tap(b.addBtn)
	e.Tasks.Wait()
	if got := tagged(t, e, data.TagMotivation, "刚需获取"); len(got) != 2 {
		t.Errorf("全选 tagged %d members, want the 2 shown", len(got))
	}
	test.Tap(b.none)
	if b.count.Text != "已选 0 人" || !b.addBtn.Disabled() {
		t.Errorf("取消全选 left %q", b.count.Text)
	}
}

func TestSuggestedTagsAreAcceptedOrDismissed(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀交流群", "123456789")
	ms := fiveMembers(t, e, g)
	// Someone already uses 王者荣耀 as an interest: it is in the vocabulary.
	if _, err := e.Store.AddTagToMembers([]uint{ms[4].ID}, data.TagInterest, "王者荣耀"); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"求王者点券", "王者皮肤有吗", "有便宜的王者月卡吗"} {
		addRequest(t, e, ms[0].ID, g.ID, text)
	}
	s := openMembers(t, e, &g)
	test.Tap(s.profile.suggest)
	e.Tasks.Wait()
	d := s.profile.sugDlg
	shown := uifind.OverlayText(e.Win)
	if len(d.items) != 2 || !strings.Contains(shown, "小鱼儿：兴趣「王者荣耀」") || !strings.Contains(shown, "小鱼儿：动机「刚需获取」") {
		t.Fatalf("suggestions %+v\n%s", d.items, shown)
	}
	if len(tagged(t, e, data.TagInterest, "王者荣耀")) != 1 {
		t.Errorf("a suggestion was applied before the owner answered")
	}
	test.Tap(uifind.FindButton(e.Win.Canvas().Overlays().Top(), "采纳")) // the first: the interest
	e.Tasks.Wait()
	if !tagged(t, e, data.TagInterest, "王者荣耀")[ms[0].ID] {
		t.Errorf("accepting did not tag the member")
	}
	test.Tap(uifind.FindButton(e.Win.Canvas().Overlays().Top(), "忽略"))
	e.Tasks.Wait()
	if len(d.items) != 0 || !strings.Contains(d.summary.Text, "现在没有建议") {
		t.Errorf("after answering both: %d left, %q", len(d.items), d.summary.Text)
	}
	// Opened again, the dismissed one does not come back.
	test.Tap(s.profile.suggest)
	e.Tasks.Wait()
	if n := len(s.profile.sugDlg.items); n != 0 {
		t.Errorf("%d suggestions came back", n)
	}
	if tagged(t, e, data.TagMotivation, "刚需获取")[ms[0].ID] {
		t.Errorf("the dismissed motivation was given")
	}
}

// addRequest records a 求… of member id in group gid, as the quick capture does.
func addRequest(t *testing.T, e *ui.Env, id, gid uint, text string) {
	t.Helper()
	if _, err := e.Store.CaptureRequest(data.RequestDraft{MemberID: id, GroupID: &gid, Text: text}); err != nil {
		t.Fatal(err)
	}
}
