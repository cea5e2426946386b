package polls

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
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
	f.s = NewScreen(e)
	uitest.Show(e, f.s.Content())
	f.s.SetGroup(&f.g)
	f.s.Refresh()
	return f
}

func (f *fixture) polls(t *testing.T) []data.Poll {
	t.Helper()
	ps, err := f.e.Store.Polls(f.g.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// create makes a poll through the form: 游戏类 picked from the categories, 影音类 and
// 别的 typed.
func (f *fixture) create(t *testing.T) data.Poll {
	t.Helper()
	test.Tap(f.s.AddButton)
	form := f.s.form
	test.Type(form.Question, "下周想要哪类资源？")
	form.Category.SetSelected("游戏类")
	test.Type(form.Options, "\n影音类\n别的")
	if !strings.Contains(form.Linked.Text, "其中 2 项是分类") {
		t.Errorf("linked = %q", form.Linked.Text)
	}
	test.Tap(form.SaveButton)
	ps := f.polls(t)
	if len(ps) != 1 {
		t.Fatalf("polls = %+v", ps)
	}
	return ps[0]
}

func TestCreatePollThroughTheForm(t *testing.T) {
	f := newFixture(t)
	if !f.s.empty.Visible() || uifind.FindButton(f.s.Content(), "新建投票") == nil || !strings.Contains(f.s.Demand.Text, "投票结束后") {
		t.Fatal("an empty list should say how to start")
	}
	test.Tap(f.s.AddButton)
	form := f.s.form
	test.Type(form.Options, "只有一项")
	test.Tap(form.SaveButton)
	if len(f.polls(t)) != 0 {
		t.Fatal("a poll without a question and with one option was saved")
	}
	if !strings.Contains(form.Summary.Text, "问题不能为空") || !strings.Contains(form.Summary.Text, "选项要有 2–20 项") {
		t.Errorf("summary = %q", form.Summary.Text)
	}
	form.Close()

	p := f.create(t)
	if p.Question != "下周想要哪类资源？" || len(p.Options) != 3 || p.Options[0].Label != "游戏类" ||
		p.Options[0].CategoryID == nil || p.Options[2].CategoryID != nil {
		t.Fatalf("saved poll = %+v", p)
	}
	if !p.ClosesAt.Equal(defaultClose(uitest.Now, uitest.Loc).UTC()) {
		t.Errorf("closes at %v", p.ClosesAt)
	}
	if f.s.post == nil || !strings.Contains(strings.Join(f.s.post.Parts(), ""), "1. 游戏类") {
		t.Fatal("the new poll's post was not shown to copy")
	}
	if f.s.empty.Visible() || f.s.Selected() != p.ID || !strings.Contains(f.s.count.Text, "进行中 1 个") {
		t.Errorf("list after create: empty %v selected %d count %q", f.s.empty.Visible(), f.s.Selected(), f.s.count.Text)
	}
}

const replies = `2026-11-27 20:00:00 小明(10001001)
1
2026-11-27 20:01:00 小红(10002002)
我选2号
2026-11-27 20:02:00 小明(10001001)
投２
2026-11-27 20:03:00 阿强(10003003)
选5
2026-11-27 20:04:00 阿强(10003003)
谢谢群主
2026-12-30 10:00:00 迟到(10004004)
①`

func TestRecordByPastingReplies(t *testing.T) {
	f := newFixture(t)
	p := f.create(t)
	test.Tap(f.s.RecordButton)
	r := f.s.record
	r.Tabs.SelectIndex(1)
	test.Tap(r.SaveButton)
	if !strings.Contains(r.Summary.Text, "没有读出任何一票") {
		t.Fatalf("an empty paste was not refused: %q", r.Summary.Text)
	}
	r.Paste.SetText(replies)
	if !strings.Contains(r.Tally.Text, "读出 2 人投票") || !strings.Contains(r.Tally.Text, "2. 影音类：2 票") {
		t.Errorf("tally = %q", r.Tally.Text)
	}
	for _, want := range []string{"第 2 行「1」：同一人后来改投了", "没有第 5 项", "看不出投的是第几项", "截止时间之后投的"} {
		if !strings.Contains(r.Unread.Text, want) {
			t.Errorf("unread lines miss %q:\n%s", want, r.Unread.Text)
		}
	}
	test.Tap(r.SaveButton)
	got := f.polls(t)[0]
	if got.Source != data.PollCounted || got.Options[1].Votes != 2 || got.Total() != 2 {
		t.Fatalf("saved = %+v", got)
	}
	votes, _ := f.e.Store.PollVotes(p.ID)
	if len(votes) != 2 || votes[0].QQ != "10002002" || votes[1].Text != "投２" {
		t.Fatalf("votes = %+v", votes)
	}
	if !strings.Contains(f.s.notice.Text(), "已记下投票") {
		t.Errorf("notice = %q", f.s.notice.Text())
	}
}

func TestRecordTypedThenCloseAndResult(t *testing.T) {
	f := newFixture(t)
	p := f.create(t)
	if !f.s.ResultButton.Disabled() {
		t.Error("a result post is offered before any result")
	}
	test.Tap(f.s.RecordButton)
	r := f.s.record
	test.Type(r.Counts[0], "六")
	test.Tap(r.SaveButton)
	if !strings.Contains(r.Summary.Text, "第 1 项票数请填整数") {
		t.Fatalf("summary = %q", r.Summary.Text)
	}
	r.Counts[0].SetText("6")
	test.Type(r.Counts[1], "3")
	test.Tap(r.SaveButton)
	if got := f.polls(t)[0]; got.Source != data.PollTyped || got.Options[0].Votes != 6 || got.Options[2].Votes != 0 {
		t.Fatalf("saved = %+v", got)
	}

	test.Tap(f.s.CloseButton)
	test.Tap(uifind.OverlayButton(t, f.e.Win, "结束投票"))
	if got := f.polls(t)[0]; !got.Closed() {
		t.Fatal("the poll was not closed")
	}
	if !f.s.RecordButton.Disabled() || !f.s.CloseButton.Disabled() || f.s.ResultButton.Disabled() {
		t.Error("a closed poll offers recording or closing, or no result post")
	}
	test.Tap(f.s.ResultButton)
	post := strings.Join(f.s.post.Parts(), "")
	if !strings.Contains(post, "1. 游戏类：6 票（67%）") || !strings.Contains(post, "得票最多的是「游戏类」") {
		t.Errorf("result post = %q", post)
	}
	if !strings.Contains(f.s.Demand.Text, "群友需求（来自已结束的投票）：游戏类 6 票（67%）、影音类 3 票（33%）。") {
		t.Errorf("demand line = %q", f.s.Demand.Text)
	}
	ws, _ := f.e.Store.DemandWeights(f.g.ID)
	if len(ws) != 2 || ws[0].Votes != 6 || *ws[0].CategoryID != *p.Options[0].CategoryID {
		t.Errorf("demand weights = %+v", ws)
	}
	var cell widget.Label
	f.s.fillCell(0, 1, &cell)
	if cell.Text != "已结束" {
		t.Errorf("state cell = %q", cell.Text)
	}
}

// A resource picked in the form becomes an option standing for it, its votes demand
// for that resource once the poll is closed.
func TestPollOptionFromResource(t *testing.T) {
	f := newFixture(t)
	r := uitest.MustResource(t, f.e, data.ResourceDraft{Name: "王者荣耀点券 600点", Category: "游戏类", Price: "55"})
	test.Tap(f.s.AddButton)
	form := f.s.form
	test.Type(form.Question, "想要哪个？")
	test.Type(form.Resource.Entry, "王者")
	if len(form.Resource.Shown) == 0 {
		t.Fatal("the resource is not offered")
	}
	form.Resource.List.Select(0)
	test.Type(form.Options, "\n别的")
	if form.Options.Text != "王者荣耀点券 600点\n别的" || !strings.Contains(form.Linked.Text, "1 项是资源") {
		t.Fatalf("options %q, linked %q", form.Options.Text, form.Linked.Text)
	}
	test.Tap(form.SaveButton)
	ps := f.polls(t)
	if len(ps) != 1 || ps[0].Options[0].ResourceID == nil || *ps[0].Options[0].ResourceID != r.ID || ps[0].Options[1].ResourceID != nil {
		t.Fatalf("saved = %+v", ps)
	}
}
