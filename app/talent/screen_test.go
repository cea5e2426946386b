package talent

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
	"github.com/qunhuo/qunhuo/data/talent"
)

// fixture is a group whose October (last month at the test clock) has two members who
// did something: 甲 shared 2 resources (20 at the default weights), 乙 completed 3 swaps
// (15).
type fixture struct {
	e   *ui.Env
	g   data.Group
	s   *Screen
	ids map[string]uint
}

func newFixture(t *testing.T, withRecords bool) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, ids: map[string]uint{}}
	f.g = uitest.MustGroup(t, e, "王者荣耀交流群", "123456789")
	for _, name := range []string{"甲", "乙"} {
		m := data.Member{QQ: "1000" + ui.Itoa(len(f.ids)+1), Nickname: name,
			Memberships: []data.Membership{{GroupID: f.g.ID, Role: data.RoleMember}}}
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		f.ids[name] = m.ID
	}
	if withRecords {
		october := time.Date(2026, 10, 15, 12, 0, 0, 0, uitest.Loc)
		past, err := data.Open(e.Store.Path(), data.WithClock(func() time.Time { return october }))
		if err != nil {
			t.Fatal(err)
		}
		defer past.Close()
		for _, d := range []struct {
			who string
			r   points.Reason
			n   int
		}{{"甲", points.ShareResource, 2}, {"乙", points.Swap, 3}} {
			for range d.n {
				if _, err := past.AddPoints(data.PointDraft{MemberID: f.ids[d.who], GroupID: &f.g.ID, Reason: d.r,
					Amount: d.r.DefaultAmount()}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	f.s = NewScreen(e)
	f.s.SetGroup(&f.g)
	uitest.Show(e, f.s.Content())
	f.s.Refresh()
	return f
}

func (f *fixture) order() string {
	var names []string
	for _, st := range f.s.standings {
		names = append(names, st.Name+":"+ui.Itoa(st.Score))
	}
	return strings.Join(names, " ")
}

func TestRankingShownWithTheFormula(t *testing.T) {
	f := newFixture(t, true)
	if got := f.s.MonthShown(); got != (talent.Month{Year: 2026, Month: time.October}) {
		t.Fatalf("month %v, want last month", got)
	}
	if got := f.order(); got != "甲:20 乙:15" {
		t.Fatalf("ranking %q", got)
	}
	shown := uifind.LabelTexts(f.e.Win.Content())
	for _, want := range []string{"得分 = 分享资源×10\n+ 完成置换×5\n+ 帮助解答×3\n+ 分享体验×4\n+ 主讲分享会×6",
		"分享资源 2 次（20 分）", "完成置换 3 次（15 分）", "2026年10月的资源达人是「甲」（20 分）", "往期资源达人"} {
		if !strings.Contains(shown, want) {
			t.Errorf("screen lacks %q:\n%s", want, shown)
		}
	}
	if f.s.ConfirmButton.Disabled() || f.s.ConfirmButton.Text != "确认本月资源达人：甲" || !f.s.PostButton.Disabled() {
		t.Errorf("confirm %q disabled %v, post disabled %v", f.s.ConfirmButton.Text, f.s.ConfirmButton.Disabled(), f.s.PostButton.Disabled())
	}
}

func TestWeightChangeReranks(t *testing.T) {
	f := newFixture(t, true)
	swap := f.s.weights.Entries[talent.Swap]
	swap.SetText("")
	test.Type(swap, "10")
	if got := f.order(); got != "乙:30 甲:20" {
		t.Fatalf("after 完成置换×10: %q", got)
	}
	if got := f.s.weights.Formula.Text; !strings.Contains(got, "完成置换×10") {
		t.Errorf("formula %q", got)
	}
	if f.s.ConfirmButton.Text != "确认本月资源达人：乙" {
		t.Errorf("confirm button %q", f.s.ConfirmButton.Text)
	}
	test.Tap(f.s.weights.Save)
	if w, err := f.e.Store.TalentWeights(); err != nil || w[talent.Swap] != 10 || !strings.Contains(f.s.weights.Formula.Text, "已保存") {
		t.Errorf("saved weights %v %v, formula %q", w, err, f.s.weights.Formula.Text)
	}
	// A weight that is no number is named; the ranking stays and cannot be confirmed.
	test.Type(swap, "x")
	if got := f.s.weights.Problem.Text; !f.s.weights.Problem.Visible() || !strings.Contains(got, "「完成置换」的权重须为 0–100 的整数") {
		t.Errorf("problem %q", got)
	}
	if got := f.order(); got != "乙:30 甲:20" || !f.s.ConfirmButton.Disabled() {
		t.Errorf("with a bad weight: %q, confirm disabled %v", got, f.s.ConfirmButton.Disabled())
	}
	// Every weight 0 but one: only that kind counts.
	for _, k := range talent.Kinds {
		f.s.weights.Entries[k].SetText("0")
	}
	if !f.s.weights.Problem.Visible() || !strings.Contains(f.s.weights.Problem.Text, "至少要有一项权重大于 0") {
		t.Errorf("all zero: %q", f.s.weights.Problem.Text)
	}
	f.s.weights.Entries[talent.ShareResource].SetText("1")
	if got := f.order(); got != "甲:2" {
		t.Errorf("only 分享资源×1: %q", got)
	}
}

func TestConfirmWritesMonthBadgeAndPrivilege(t *testing.T) {
	f := newFixture(t, true)
	f.s.weights.Entries[talent.Swap].SetText("8") // 乙 24, 甲 20
	f.s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if f.s.ConfirmButton.Text != "确认本月资源达人：甲" {
		t.Fatalf("picked row 2: %q", f.s.ConfirmButton.Text)
	}
	if got := f.s.detail.String(); !strings.Contains(got, "分享资源 2 次（20 分）") {
		t.Errorf("detail %q", got)
	}
	test.Tap(f.s.ConfirmButton)
	dlg := uifind.OverlayText(f.e.Win)
	for _, want := range []string{"确认「甲」为2026年10月的资源达人", "「资源达人」身份标识和「优先获取」", "有效期到11月30日"} {
		if !strings.Contains(dlg, want) {
			t.Errorf("dialog lacks %q: %s", want, dlg)
		}
	}
	test.Tap(uifind.OverlayButton(t, f.e.Win, "确认"))

	hist, err := f.e.Store.TalentHistory(f.g.ID)
	if err != nil || len(hist) != 1 || hist[0].Month != "2026-10" || hist[0].WinnerID != f.ids["甲"] ||
		!strings.Contains(hist[0].Weights, "swap=8") {
		t.Fatalf("month rows %+v, %v", hist, err)
	}
	bs, err := f.e.Store.MemberBadges(f.ids["甲"])
	if err != nil || len(bs) != 1 || bs[0].Name != "资源达人" || bs[0].Source != data.BadgeFromTalent ||
		bs[0].ExpiresAt == nil || !bs[0].ExpiresAt.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, uitest.Loc)) {
		t.Errorf("badges %+v %v", bs, err)
	}
	pri, err := f.e.Store.ActivePriorities()
	until := time.Date(2026, 12, 1, 0, 0, 0, 0, uitest.Loc)
	if err != nil || len(pri) != 1 || !pri[f.ids["甲"]].Equal(until) {
		t.Errorf("priorities %v %v", pri, err)
	}
	if w, _ := f.e.Store.TalentWeights(); w[talent.Swap] != 8 {
		t.Errorf("weights kept %v", w)
	}
	if !strings.Contains(f.s.status.Text, "2026年10月的资源达人已确认：「甲」（20 分）") || !f.s.ConfirmButton.Disabled() ||
		f.s.PostButton.Disabled() || len(f.s.hist.months) != 1 {
		t.Errorf("after confirming: %q, confirm disabled %v, post disabled %v", f.s.status.Text, f.s.ConfirmButton.Disabled(), f.s.PostButton.Disabled())
	}
	if got := f.s.notice.Text(); !strings.Contains(got, "已确认2026年10月的资源达人：甲") {
		t.Errorf("notice %q", got)
	}

	test.Tap(f.s.PostButton)
	if got := f.s.post.Text.Text; !strings.Contains(got, "第一名：乙（24 分）") || !strings.Contains(got, "本月资源达人：甲！11月享有") {
		t.Errorf("post %q", got)
	}
	test.Tap(f.s.post.CopyButton)
	f.e.Tasks.Wait()
	ps, err := f.e.Store.Posts(f.g.ID, 5)
	if err != nil || len(ps) != 1 || ps[0].Kind != data.PostTalent {
		t.Errorf("posts %+v %v", ps, err)
	}
}

func TestEmptyMonthSaysWhatToDo(t *testing.T) {
	f := newFixture(t, false)
	if !f.s.empty.Visible() || !strings.Contains(f.s.empty.Message.Text, "2026年10月还没有记录到贡献") {
		t.Errorf("empty state %v %q", f.s.empty.Visible(), f.s.empty.Message.Text)
	}
	if !f.s.ConfirmButton.Disabled() {
		t.Error("confirm enabled on an empty month")
	}
	if !strings.Contains(f.s.hist.empty.Message.Text, "还没有确认过资源达人") {
		t.Errorf("history empty %q", f.s.hist.empty.Message.Text)
	}
	// This month is not over: it can be looked at, not confirmed.
	f.s.Month.SetSelected(f.s.Month.Options[0])
	if f.s.MonthShown() != (talent.Month{Year: 2026, Month: time.November}) || !strings.Contains(f.s.status.Text, "还没有结束") {
		t.Errorf("this month: %v %q", f.s.MonthShown(), f.s.status.Text)
	}
}
