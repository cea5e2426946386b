package sessions

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

type fixture struct {
	e       *ui.Env
	g       data.Group
	a, b, c data.Member
	s       *Screen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	f.a = uitest.MustMember(t, e, f.g, "10001", "小明")
	f.b = uitest.MustMember(t, e, f.g, "10002", "小红")
	f.c = uitest.MustMember(t, e, f.g, "10003", "小刚")
	f.s = NewScreen(e)
	uitest.ShowGroupScreen(e, f.s, &f.g)
	return f
}

func (f *fixture) sessions(t *testing.T) []data.ShareSession {
	t.Helper()
	ss, err := f.e.Store.Sessions(f.g.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// create plans a session through the form: 小明 speaks tomorrow evening.
func (f *fixture) create(t *testing.T) data.ShareSession {
	t.Helper()
	test.Tap(f.s.AddButton)
	form := f.s.form
	test.Type(form.Topic, "点券怎么充最划算")
	uitest.PickIn(t, form.Speaker, "xm")
	form.StartsAt.SetText("2026-11-27 20:00")
	test.Type(form.Minutes, "90")
	form.How.SetSelected("群直播")
	test.Type(form.Description, "官方充值和代充怎么比价")
	test.Type(form.Prepare, "想问的问题")
	test.Tap(form.SaveButton)
	ss := f.sessions(t)
	if len(ss) != 1 {
		t.Fatalf("sessions = %+v; form says %q", ss, form.Summary.Text)
	}
	return ss[0]
}

func TestCreateSessionThroughTheForm(t *testing.T) {
	f := newFixture(t)
	if !f.s.empty.Visible() || uifind.FindButton(f.s.Content(), "新建分享会") == nil {
		t.Fatal("an empty list should say how to start")
	}
	test.Tap(f.s.AddButton)
	form := f.s.form
	form.StartsAt.SetText("")
	test.Tap(form.SaveButton)
	if len(f.sessions(t)) != 0 {
		t.Fatal("an empty form was saved")
	}
	for _, want := range []string{"主题不能为空", "请在名单里点选主讲人", "时间不能为空"} {
		if !strings.Contains(form.Summary.Text, want) {
			t.Errorf("summary %q misses %q", form.Summary.Text, want)
		}
	}
	if n := form.Notes["speaker"]; n == nil || !strings.Contains(n.Text, "主讲人") {
		t.Errorf("the speaker field does not say its problem")
	}
	test.Type(form.Topic, "点券")
	uitest.PickIn(t, form.Speaker, "10002")
	form.StartsAt.SetText("2026-11-20 20:00")
	test.Tap(form.SaveButton)
	if len(f.sessions(t)) != 0 || !strings.Contains(form.Summary.Text, "已经过去") {
		t.Fatalf("a past time was not refused at the field: %q", form.Summary.Text)
	}
	form.Close()

	x := f.create(t)
	if x.Topic != "点券怎么充最划算" || x.SpeakerID != f.a.ID || x.Minutes != 90 || x.How != data.SessionLive ||
		x.Prepare != "想问的问题" || x.State != data.SessionPlanning || !x.StartsAt.Equal(time.Date(2026, 11, 27, 20, 0, 0, 0, uitest.Loc)) {
		t.Fatalf("saved = %+v", x)
	}
	if f.s.Selected() != x.ID || f.s.empty.Visible() || !strings.Contains(f.s.count.Text, "即将举行 1 场") ||
		!strings.Contains(f.s.Detail.Text, "主讲：小明") {
		t.Errorf("list after create: selected %d count %q detail %q", f.s.Selected(), f.s.count.Text, f.s.Detail.Text)
	}
	if f.s.AwardButton.Disabled() == false || f.s.PublishButton.Disabled() {
		t.Error("a planned session offers 发积分 or not 发布")
	}

	// Editing keeps the speaker picked.
	test.Tap(f.s.EditButton)
	edit := f.s.form
	if edit.Speaker.ID() != f.a.ID || edit.Topic.Text != x.Topic {
		t.Fatalf("the edit form is not filled: speaker %d topic %q", edit.Speaker.ID(), edit.Topic.Text)
	}
	edit.Topic.SetText("点券怎么充最省")
	test.Tap(edit.SaveButton)
	if got := f.sessions(t)[0]; got.Topic != "点券怎么充最省" || got.SpeakerID != f.a.ID {
		t.Errorf("after edit: %+v", got)
	}
}

func TestPublishEndAttendAndAward(t *testing.T) {
	f := newFixture(t)
	x := f.create(t)
	test.Tap(f.s.PublishButton)
	if f.s.post == nil || !strings.Contains(strings.Join(f.s.post.Parts(), ""), "【星河卡盟 · 分享会预告】点券怎么充最划算") {
		t.Fatal("publishing did not show the announcement to copy")
	}
	if !strings.Contains(strings.Join(f.s.post.Parts(), ""), "参加的群友每人得 2 互助积分") {
		t.Errorf("the announcement does not say the points: %q", f.s.post.Parts())
	}
	test.Tap(f.s.post.CopyButton)
	f.e.Tasks.Wait()
	if hist, _ := f.e.Store.Posts(f.g.ID, 10); len(hist) != 1 || hist[0].Kind != data.PostSessionNotice {
		t.Errorf("the copied announcement is not in the post history: %+v", hist)
	}
	if got := f.sessions(t)[0]; got.State != data.SessionPublished {
		t.Fatalf("state = %s", got.State)
	}
	test.Tap(f.s.ReminderButton)
	if !strings.Contains(strings.Join(f.s.post.Parts(), ""), "明天 20:00 开始") {
		t.Errorf("reminder = %q", f.s.post.Parts())
	}

	// Attendees: 小红 picked, then 小刚.
	test.Tap(f.s.AttendeesButton)
	v := f.s.attendees
	uitest.PickIn(t, v.Picker, "xh")
	uitest.PickIn(t, v.Picker, "10003")
	if !strings.Contains(v.Count.Text, "已记 2 人参加") {
		t.Fatalf("count = %q (%s)", v.Count.Text, v.Status.Text)
	}
	got, _ := f.e.Store.SessionByID(x.ID)
	if len(got.Attendees) != 2 || got.Attendees[0].MemberID != f.b.ID || got.Attendees[1].MemberID != f.c.ID {
		t.Fatalf("attendees = %+v", got.Attendees)
	}
	v.remove(f.c.ID)
	if !strings.Contains(v.Count.Text, "已记 1 人参加") {
		t.Fatalf("after removing: %q", v.Count.Text)
	}
	v.close()

	test.Tap(f.s.EndButton)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "结束分享会"))
	if got := f.sessions(t)[0]; got.State != data.SessionEnded || f.s.AwardButton.Disabled() {
		t.Fatalf("after ending: state %s, 发积分 disabled %v", got.State, f.s.AwardButton.Disabled())
	}

	test.Tap(f.s.AwardButton)
	for _, want := range []string{"主讲人 小明：主讲分享会 +20 分", "参加分享会 +2 分", "这次发给以下 1 人：\n小红"} {
		if !strings.Contains(f.s.lastPlan, want) {
			t.Errorf("the award dialog misses %q:\n%s", want, f.s.lastPlan)
		}
	}
	test.Tap(uifind.OverlayButton(t, f.e.Win, "发积分"))
	es, _ := f.e.Store.PointsForDeed(data.LinkSession, x.ID)
	if len(es) != 2 || es[0].MemberID != f.a.ID || es[0].Reason != points.Speak || es[0].Amount != 20 ||
		es[1].MemberID != f.b.ID || es[1].Reason != points.Attend || es[1].Amount != 2 {
		t.Fatalf("point entries = %+v", es)
	}
	if !strings.Contains(f.s.notice.Text(), "已给 2 人发积分，共 22 分") {
		t.Errorf("notice = %q", f.s.notice.Text())
	}

	// A late attendee: the second press pays only them.
	test.Tap(f.s.AttendeesButton)
	v = f.s.attendees
	uitest.PickIn(t, v.Picker, "小刚")
	v.close()
	test.Tap(f.s.AwardButton)
	if !strings.Contains(f.s.lastPlan, "这次发给以下 1 人：\n小刚") || !strings.Contains(f.s.lastPlan, "已经发过的 1 人不会重复发：\n小红") ||
		!strings.Contains(f.s.lastPlan, "（已发过）") {
		t.Errorf("second dialog:\n%s", f.s.lastPlan)
	}
	test.Tap(uifind.OverlayButton(t, f.e.Win, "发积分"))
	es, _ = f.e.Store.PointsForDeed(data.LinkSession, x.ID)
	if len(es) != 3 || es[2].MemberID != f.c.ID {
		t.Fatalf("entries after the second press = %+v", es)
	}
	if !strings.Contains(f.s.notice.Text(), "已给 1 人发积分，共 2 分；2 人之前已经发过") {
		t.Errorf("notice = %q", f.s.notice.Text())
	}
	// Paid attendees cannot be removed.
	test.Tap(f.s.AttendeesButton)
	v = f.s.attendees
	v.remove(f.b.ID)
	if !strings.Contains(v.Status.Text, "不能移除") {
		t.Errorf("status = %q", v.Status.Text)
	}
	v.close()

	// The summary, the knowledge base and its search.
	test.Tap(f.s.SummaryButton)
	test.Type(f.s.summary.Summary, "官方活动日充值返利最高")
	test.Tap(f.s.summary.SaveButton)
	f.s.View.SetSelected(viewPast)
	if len(f.s.shown) != 1 || !strings.Contains(f.s.Detail.Text, "总结：官方活动日充值返利最高") {
		t.Fatalf("knowledge base shows %d, detail %q", len(f.s.shown), f.s.Detail.Text)
	}
	f.s.Search.SetText("fanli") // 返利 in pinyin
	if len(f.s.shown) != 1 {
		t.Errorf("searching the summary found %d", len(f.s.shown))
	}
	f.s.Search.SetText("爱奇艺")
	if len(f.s.shown) != 0 || !f.s.empty.Visible() {
		t.Errorf("an unrelated search shows %d", len(f.s.shown))
	}
}

func TestRowsShowPointsDue(t *testing.T) {
	f := newFixture(t)
	x := f.create(t)
	for _, m := range [][2]data.SessionState{{data.SessionPlanning, data.SessionPublished}, {data.SessionPublished, data.SessionEnded}} {
		if err := f.e.Store.MoveSession(x.ID, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	f.s.Refresh()
	l := widget.NewLabel("")
	f.s.fillCell(0, 6, l)
	if l.Text != "待发" {
		t.Errorf("points column = %q", l.Text)
	}
	if _, err := f.e.Store.AwardSession(x.ID); err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	f.s.fillCell(0, 6, l)
	if l.Text != "已发" {
		t.Errorf("points column after the award = %q", l.Text)
	}
}
