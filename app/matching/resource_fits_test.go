package matching

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
)

// fixture is a group with four members, three of whom like 王者荣耀, and the
// resource they fit.
type fixture struct {
	e   *ui.Env
	g   data.Group
	r   data.Resource
	ids map[string]uint
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, ids: map[string]uint{}}
	f.g = uitest.MustGroup(t, e, "王者荣耀交流群", "123456789")
	f.r = uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "55", OriginalPrice: "60", Stock: "20", Tags: "王者荣耀,腾讯"})
	uitest.Show(e, widget.NewLabel(""))
	for _, d := range []data.MemberDraft{
		{QQ: "2876543210", Nickname: "小鱼儿", Interests: "王者荣耀,腾讯", Motivations: []string{"信息差红利"}},
		{QQ: "10002", Nickname: "阿狸", Interests: "王者荣耀"},
		{QQ: "10003", Nickname: "夜猫子", Interests: "原神"},
		{QQ: "10004", Nickname: "橘猫", Interests: "王者荣耀"},
	} {
		d.Memberships = []data.MembershipDraft{{GroupID: f.g.ID}}
		m, err := d.Parse(e.Loc)
		if err == nil {
			err = e.Store.SaveMember(&m)
		}
		if err != nil {
			t.Fatal(err)
		}
		f.ids[d.Nickname] = m.ID
	}
	return f
}

// notices are who was told about the resource, as "name:way", oldest first.
func (f *fixture) notices(t *testing.T) string {
	t.Helper()
	ns, err := f.e.Store.NoticesSince(f.r.ID, uitest.Now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint]string{}
	for name, id := range f.ids {
		byID[id] = name
	}
	var out []string
	for i := len(ns) - 1; i >= 0; i-- {
		out = append(out, byID[ns[i].MemberID]+":"+string(ns[i].Way))
	}
	return strings.Join(out, " ")
}

func TestMatchListShowsReasonsAndCopiesThePost(t *testing.T) {
	f := newFixture(t)
	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()

	if len(l.fits) != 3 {
		t.Fatalf("%d fits, want 3", len(l.fits))
	}
	shown := uifind.OverlayText(f.e.Win)
	for _, want := range []string{"本群有 3 人适合", "小鱼儿", "兴趣「王者荣耀」；兴趣「腾讯」；动机「信息差红利」", "阿狸", "橘猫", "287****210"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the list does not show %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "夜猫子") {
		t.Errorf("a member it does not fit is listed")
	}
	if l.postBtn.Text != "复制群公告（点名 3 人）" {
		t.Errorf("post button says %q", l.postBtn.Text)
	}

	test.Tap(l.postBtn)
	f.e.Tasks.Wait()
	post := f.e.App.Clipboard().Content()
	if !strings.Contains(post, "【好货点名】王者荣耀点券 60元") || !strings.Contains(post, "@小鱼儿 @阿狸 @橘猫") {
		t.Errorf("copied post:\n%s", post)
	}
	if got := f.notices(t); got != "小鱼儿:group_post 阿狸:group_post 橘猫:group_post" {
		t.Errorf("notices %q", got)
	}
	// Everyone is told now: they stay listed, marked, and are not named again.
	if !strings.Contains(l.summary.Text, "其中 3 人 7 天内已告知过") || !l.postBtn.Disabled() {
		t.Errorf("after the post: %q, post button disabled %v", l.summary.Text, l.postBtn.Disabled())
	}
	// The post's "@名字" text notifies nobody in QQ: the @ list still names them.
	if l.atBtn.Disabled() {
		t.Errorf("the @ list is closed to members only named in the post")
	}
	if got := toldText(l.fits[0].Member, f.e); got != "11-26 18:00 群公告点名" {
		t.Errorf("told column %q", got)
	}
}

func TestPrivateMessageMovesDownTheList(t *testing.T) {
	f := newFixture(t)
	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()
	if !l.privBtn.Disabled() {
		t.Errorf("private message enabled with nobody picked")
	}
	l.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(l.privBtn)
	f.e.Tasks.Wait()
	msg := f.e.App.Clipboard().Content()
	if !strings.HasPrefix(msg, "小鱼儿，你好！知道你关注「王者荣耀」") {
		t.Errorf("private message:\n%s", msg)
	}
	if got := f.notices(t); got != "小鱼儿:private" {
		t.Errorf("notices %q", got)
	}
	// The next member not yet told is picked, ready for the next message.
	if l.selected < 0 || l.fits[l.selected].Member.Name != "阿狸" {
		t.Fatalf("selected %d after the message", l.selected)
	}
	test.Tap(l.privBtn)
	f.e.Tasks.Wait()
	if got := f.notices(t); got != "小鱼儿:private 阿狸:private" {
		t.Errorf("notices %q", got)
	}
	if l.postBtn.Text != "复制群公告（点名 1 人）" {
		t.Errorf("post button says %q", l.postBtn.Text)
	}
}

func TestAtListRecordsWhenDone(t *testing.T) {
	f := newFixture(t)
	if err := f.e.Store.RecordNotices(f.r.ID, []uint{f.ids["阿狸"]}, data.NoticePrivate); err != nil {
		t.Fatal(err)
	}
	if err := f.e.Store.RecordNotices(f.r.ID, []uint{f.ids["橘猫"]}, data.NoticeGroupPost); err != nil {
		t.Fatal(err)
	}
	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()
	test.Tap(l.atBtn)
	// 阿狸 had a private message; 橘猫 was only named in a group post.
	if got := l.atList.names.Text; got != "1. 小鱼儿\n2. 橘猫" {
		t.Errorf("@ list %q", got)
	}
	before := f.notices(t)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "已全部@完"))
	f.e.Tasks.Wait()
	if got := f.notices(t); got != before+" 小鱼儿:at 橘猫:at" {
		t.Errorf("notices %q", got)
	}
	if !l.atBtn.Disabled() {
		t.Errorf("the @ list is still open after everyone was @-ed")
	}
}

func TestMembersWhoLeftAreNotMatched(t *testing.T) {
	f := newFixture(t)
	// 阿狸 left: a fresh member list from QQ no longer had TA.
	ms, _ := f.e.Store.Members(f.g.ID)
	for i := range ms {
		if ms[i].ID == f.ids["阿狸"] {
			left := uitest.Now.UTC()
			ms[i].Memberships[0].LeftOn = &left
			if err := f.e.Store.SaveMember(&ms[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()
	for _, fit := range l.fits {
		if fit.Member.Name == "阿狸" {
			t.Errorf("a member who left is matched")
		}
	}
	if len(l.fits) != 2 {
		t.Errorf("%d fits, want 2", len(l.fits))
	}
}

func TestNoFitSaysWhatToDo(t *testing.T) {
	f := newFixture(t)
	r := uitest.MustResource(t, f.e, data.ResourceDraft{Name: "移动话费 100元", Category: "话费类", Price: "96", Stock: "不限"})
	l := ShowForResource(f.e, &f.g, r)
	f.e.Tasks.Wait()
	if !l.empty.Visible() || !strings.Contains(uifind.OverlayText(f.e.Win), "给成员加上兴趣标签") {
		t.Errorf("no hint for an empty match list")
	}
	if !l.postBtn.Disabled() {
		t.Errorf("post button enabled with nobody to name")
	}
}

func TestNotOnSaleIsListedButNotPushed(t *testing.T) {
	f := newFixture(t)
	if err := f.e.Store.SetResourceStatus(f.r.ID, data.StatusOffShelf); err != nil {
		t.Fatal(err)
	}
	f.r.Status = data.StatusOffShelf
	l := ShowForResource(f.e, &f.g, f.r)
	f.e.Tasks.Wait()
	if len(l.fits) != 3 || !strings.Contains(l.summary.Text, "这个资源现在「下架」，群友买不到") {
		t.Errorf("%d fits, summary %q", len(l.fits), l.summary.Text)
	}
	l.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if !l.postBtn.Disabled() || !l.atBtn.Disabled() || !l.privBtn.Disabled() {
		t.Errorf("a resource off the shelf can still be pushed")
	}
}

// TestMatchListOnRealGoroutines runs loading and recording off the UI goroutine, as
// the app does, so -race sees what the list shares with its work.
func TestMatchListOnRealGoroutines(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	g := uitest.MustGroup(t, e, "王者荣耀交流群", "123456789")
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券 60元", Category: "游戏类", Price: "55", Stock: "20", Tags: "王者荣耀"})
	m, err := data.MemberDraft{QQ: "10002", Nickname: "阿狸", Interests: "王者荣耀", Memberships: []data.MembershipDraft{{GroupID: g.ID}}}.Parse(e.Loc)
	if err == nil {
		err = e.Store.SaveMember(&m)
	}
	if err != nil {
		t.Fatal(err)
	}
	uitest.Show(e, widget.NewLabel(""))
	l := ShowForResource(e, &g, r)
	e.Tasks.Wait()
	test.Tap(l.postBtn)
	e.Tasks.Wait()
	e.Tasks.Wait() // the reload after the notice
	if ns, _ := e.Store.NoticesSince(r.ID, uitest.Now.Add(-time.Hour)); len(ns) != 1 {
		t.Errorf("%d notices, want 1", len(ns))
	}
	if len(l.fits) != 1 || !l.fits[0].Member.Told() {
		t.Errorf("the reload does not mark 阿狸 as told")
	}
}
