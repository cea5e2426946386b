package points

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

type fixture struct {
	e    *ui.Env
	g    data.Group
	a, b data.Member
	s    *Screen
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	e := uitest.NewEnv(t)
	f := &fixture{e: e, g: uitest.MustGroup(t, e, "星河卡盟", "812345678")}
	f.a = uitest.MustMember(t, e, f.g, "10001", "小明")
	f.b = uitest.MustMember(t, e, f.g, "10002", "小红")
	f.s = NewScreen(e)
	uitest.ShowGroupScreen(e, f.s, &f.g)
	return f
}

func entries(t *testing.T, e *ui.Env) []data.PointLine {
	t.Helper()
	ls, _, err := e.Store.PointEntries(data.PointFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// Two members picked in one dialog get one entry each, with the reason's amount.
func TestAwardTwoMembersAtOnce(t *testing.T) {
	f := newFixture(t)
	if !f.s.Ledger.empty.Visible() || !strings.Contains(f.s.Ledger.empty.Message.Text, "记积分") {
		t.Fatalf("an empty ledger should say how to start: %q", f.s.Ledger.empty.Message.Text)
	}
	test.Tap(f.s.AwardButton)
	form := f.s.Award
	uitest.PickIn(t, form.Member, "10001")
	uitest.PickIn(t, form.Member, "小红")
	uitest.PickIn(t, form.Member, "10001") // twice is once
	if len(form.chosen) != 2 || form.Member.Entry.Text != "" {
		t.Fatalf("chosen %v, entry %q", form.chosen, form.Member.Entry.Text)
	}
	form.Reason.SetSelected(points.ShareResource.Label())
	if form.Amount.Text != "10" {
		t.Fatalf("分享资源 filled in %q, want 10", form.Amount.Text)
	}
	test.Tap(form.SaveButton)
	ls := entries(t, f.e)
	if len(ls) != 2 || ls[0].Amount != 10 || ls[1].Amount != 10 || ls[0].Reason != points.ShareResource ||
		ls[0].GroupID == nil || *ls[0].GroupID != f.g.ID {
		t.Fatalf("entries %+v", ls)
	}
	if got := []uint{ls[0].MemberID, ls[1].MemberID}; !(got[0] == f.b.ID && got[1] == f.a.ID) {
		t.Errorf("entries for %v, want 小红 and 小明", got)
	}
	if len(f.s.Ledger.lines) != 2 || f.s.Ledger.empty.Visible() || len(f.s.Balances.all) != 2 {
		t.Errorf("the screen shows %d entries, %d balances", len(f.s.Ledger.lines), len(f.s.Balances.all))
	}
	if !strings.Contains(f.s.notice.Text(), "2 位成员") {
		t.Errorf("notice %q", f.s.notice.Text())
	}
}

// A zero amount, a deduction past the balance and a changed amount without a note are
// refused at their fields, and nothing is written.
func TestAwardRefusedAtTheField(t *testing.T) {
	f := newFixture(t)
	if _, err := f.e.Store.AddPoints(data.PointDraft{MemberID: f.a.ID, Reason: points.Help, Amount: 5}); err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	test.Tap(f.s.AwardButton)
	form := f.s.Award
	test.Tap(form.SaveButton)
	if form.Notes["members"] == nil || !strings.Contains(uifind.OverlayText(f.e.Win), "请在名单里点选至少一位成员") {
		t.Errorf("no member: %q", uifind.OverlayText(f.e.Win))
	}
	uitest.PickIn(t, form.Member, "10001")
	for _, tc := range []struct {
		reason, amount, note, field, want string
	}{
		{points.Help.Label(), "0", "", "amount", "积分数不能是 0"},
		{points.Help.Label(), "abc", "", "amount", "积分数请填整数"},
		{points.Help.Label(), "7", "", "note", "平时的 5 分不同"},
		{points.Help.Label(), "-3", "扣分", "amount", "原因选为「其他」"},
		{points.Other.Label(), "-6", "违规", "amount", "小明 10001 只有 5 分，不够扣 6 分"},
		{points.Other.Label(), "-2", "", "note", "请在备注里写明为什么"},
	} {
		form.Reason.SetSelected(tc.reason)
		form.Amount.SetText(tc.amount)
		form.Remark.SetText(tc.note)
		test.Tap(form.SaveButton)
		if p := form.Notes[tc.field].Text; !strings.Contains(p, tc.want) {
			t.Errorf("%s %s %q: problem at %s = %q, want %q", tc.reason, tc.amount, tc.note, tc.field, p, tc.want)
		}
	}
	if ls := entries(t, f.e); len(ls) != 1 {
		t.Fatalf("%d entries after refusals, want 1", len(ls))
	}
	// A deduction within the balance is written.
	form.Reason.SetSelected(points.Other.Label())
	form.Amount.SetText("-4")
	form.Remark.SetText("违规发广告")
	test.Tap(form.SaveButton)
	if b, _ := f.e.Store.PointBalance(f.a.ID); b.Balance != 1 {
		t.Fatalf("balance %d after deducting 4 of 5", b.Balance)
	}
}

// 更正 writes a reversing entry that names the one it undoes; the note is required,
// and the reversed entry cannot be corrected again.
func TestReverseEntry(t *testing.T) {
	f := newFixture(t)
	e1, err := f.e.Store.AddPoints(data.PointDraft{MemberID: f.b.ID, Reason: points.Speak, Amount: 20})
	if err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	if f.s.Ledger.ReverseButton.Disabled() == false {
		t.Fatal("更正 is on before an entry is picked")
	}
	f.s.Ledger.Table.Select(widgetCell(0))
	test.Tap(f.s.Ledger.ReverseButton)
	form := f.s.Reverse
	if !strings.Contains(form.What.Text, "+20") || !strings.Contains(form.What.Text, "-20") {
		t.Errorf("the dialog says %q", form.What.Text)
	}
	test.Tap(form.SaveButton)
	if form.Notes["note"].Text == "" {
		t.Fatal("a correction without a note was not refused at the note")
	}
	test.Type(form.Remark, "记错人了")
	test.Tap(form.SaveButton)
	ls := entries(t, f.e)
	if len(ls) != 2 || ls[0].Reason != points.Reversal || ls[0].ReversesID == nil || *ls[0].ReversesID != e1.ID || ls[0].Amount != -20 {
		t.Fatalf("entries %+v", ls)
	}
	if b, _ := f.e.Store.PointBalance(f.b.ID); b.Balance != 0 || b.Earned != 0 {
		t.Errorf("balance %+v after the correction", b)
	}
	// The reversed entry and the reversal are both not to be corrected again.
	for row := range 2 {
		f.s.Ledger.Table.Select(widgetCell(row))
		if !f.s.Ledger.ReverseButton.Disabled() {
			t.Errorf("row %d (%s) can be corrected again", row, f.s.Ledger.lines[row].Reason)
		}
	}
	if got := correction(f.s.Ledger.lines[1]); got != "已被 #2 更正" {
		t.Errorf("the reversed entry says %q", got)
	}
}

// 核对余额 says 全部相符, or names each member whose kept balance differs.
func TestCheckBalances(t *testing.T) {
	f := newFixture(t)
	if _, err := f.e.Store.AddPoints(data.PointDraft{MemberID: f.a.ID, Reason: points.Help, Amount: 5}); err != nil {
		t.Fatal(err)
	}
	test.Tap(f.s.CheckButton)
	if !strings.HasPrefix(f.s.Checked, "全部相符") || !strings.Contains(uifind.OverlayText(f.e.Win), "全部相符") {
		t.Fatalf("check said %q", f.s.Checked)
	}
	// A difference (made by hand in data's own test) is listed by name.
	got := checkReport([]data.BalanceMismatch{{MemberID: f.a.ID, Stored: 9, Ledger: 5, StoredEarned: 5, Earned: 5},
		{MemberID: 99, Stored: 3, StoredEarned: 4, Earned: 0}},
		map[uint]data.PointMember{f.a.ID: {QQ: "10001", Name: "小明"}})
	for _, want := range []string{"有 2 位成员", "小明（10001）：记下的余额 9 分，流水合计 5 分\n",
		"成员 #99（已不在成员列表）：记下的余额 3 分，流水合计 0 分；累计获得记下 4 分，流水合计 0 分"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// 复制排行榜公告 puts the board shown on the clipboard and keeps it in the history.
func TestLeaderboardPostCopied(t *testing.T) {
	f := newFixture(t)
	if _, err := f.e.Store.AwardPoints(data.PointDraft{Reason: points.Help, Amount: 5}, []uint{f.a.ID, f.b.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.e.Store.AddPoints(data.PointDraft{MemberID: f.b.ID, Reason: points.Speak, Amount: 20}); err != nil {
		t.Fatal(err)
	}
	f.s.Refresh()
	f.s.ShowBoard()
	if len(f.s.Board.board.Ranks) != 2 || f.s.Board.board.Ranks[0].Name != "小红" {
		t.Fatalf("board %+v", f.s.Board.board.Ranks)
	}
	test.Tap(f.s.Board.CopyButton)
	clip := f.e.App.Clipboard().Content()
	if !strings.Contains(clip, "星河卡盟 · 互助积分排行榜 · 2026年11月") || !strings.Contains(clip, "★ 第1名 小红（1****2）  25 分") {
		t.Fatalf("clipboard:\n%s", clip)
	}
	ps, err := f.e.Store.AllPosts()
	if err != nil || len(ps) != 1 || ps[0].Kind != data.PostPointBoard {
		t.Fatalf("post history %+v, %v", ps, err)
	}
	f.s.Board.Scope.SetSelected(boardAll)
	if f.s.Board.board.Month || len(f.s.Board.board.Ranks) != 2 {
		t.Errorf("总榜 %+v", f.s.Board.board)
	}
}
