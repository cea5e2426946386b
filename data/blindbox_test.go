package data

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data/draw"
)

func boxDraft(winners int, now time.Time) BoxDraft {
	return BoxDraft{Title: "周末盲盒", Winners: winners, OpensAt: now, ClosesAt: now.Add(48 * time.Hour), ShareDays: 3,
		Items: []BoxItemDraft{{Name: "原神月卡", Quantity: 2}, {Name: "网盘会员 7天", Quantity: 1}}}
}

// openBoxWith makes an open box with n entrants.
func openBoxWith(t *testing.T, s *Store, n, winners int) (BlindBox, []Member) {
	t.Helper()
	b, err := s.SaveBox(0, boxDraft(winners, s.Now()))
	if err != nil {
		t.Fatal(err)
	}
	if b, err = s.OpenBox(b.ID); err != nil {
		t.Fatal(err)
	}
	ms := make([]Member, n)
	for i := range ms {
		ms[i] = Member{QQ: fmt.Sprint(20000000 + i), Nickname: fmt.Sprint("成员", i+1)}
		if err := s.SaveMember(&ms[i]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddBoxEntry(b.ID, BoxEntryDraft{MemberID: ms[i].ID, Demand: "求原神月卡",
			EnteredAt: s.Now().Add(time.Duration(i-n) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	return b, ms
}

func TestBoxLifecycle(t *testing.T) {
	s, now := requestStore(t)
	b, ms := openBoxWith(t, s, 6, 2)
	if b.State != BoxOpen || len(b.Commitment) != 64 || len(b.Seed) != 64 {
		t.Fatalf("opened %+v", b)
	}
	// one entry per member, kept as a request marked blindbox
	if _, err := s.AddBoxEntry(b.ID, BoxEntryDraft{MemberID: ms[0].ID, Demand: "再来"}); err == nil {
		t.Error("second entry accepted")
	}
	var n int64
	s.db.Table("requests").Where("source = ?", RequestFromBlindBox).Count(&n)
	if n != 6 {
		t.Errorf("%d blindbox requests, want 6", n)
	}
	if _, err := s.DrawBox(b.ID); !errors.Is(err, ErrBoxState) {
		t.Errorf("draw before close: %v", err)
	}
	*now = now.Add(49 * time.Hour)
	if due, _ := s.BoxesDue(s.Now()); len(due) != 1 {
		t.Errorf("due %v", due)
	}
	if b, _ = s.CloseBox(b.ID); b.State != BoxClosed {
		t.Fatalf("closed %+v", b)
	}
	if _, err := s.AddBoxEntry(b.ID, BoxEntryDraft{MemberID: ms[0].ID, Demand: "迟到"}); !errors.Is(err, ErrBoxState) {
		t.Errorf("entry after close: %v", err)
	}
	es, _ := s.BoxEntries(b.ID)
	labels := make([]string, len(es))
	for i, e := range es {
		labels[i] = e.Label
		if e.Number != i+1 || e.MemberID != ms[i].ID {
			t.Errorf("entry %d = %+v", i, e)
		}
	}
	if labels[0] != "成员1（20****0）" || draw.ListHash(labels) != b.ListHash {
		t.Errorf("labels %v", labels)
	}
	if b, _ = s.DrawBox(b.ID); b.State != BoxDrawn {
		t.Fatal(b.State)
	}
	ds, _ := s.BoxDraws(b.ID)
	if len(ds) != 2 {
		t.Fatalf("draws %+v", ds)
	}
	// the published seed and list recompute the winners
	c := draw.Verify(b.Seed, draw.Canonical(labels), 2, b.Commitment, b.ListHash, []int{ds[0].Entry.Number, ds[1].Entry.Number})
	if !c.OK() {
		t.Fatalf("verify %+v", c)
	}
	// redraw the first winner: the second stays, the new one is the third pick
	re, err := s.RedrawWinner(ds[0].ID, "三天没回复")
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.BoxDraws(b.ID)
	if len(after) != 3 || after[0].Won() || !after[1].Won() || after[1].EntryID != ds[1].EntryID ||
		after[2].ID != re.ID || *after[2].ReplacesID != ds[0].ID || after[0].VoidReason != "三天没回复" {
		t.Fatalf("after redraw %+v", after)
	}
	c = draw.Verify(b.Seed, draw.Canonical(labels), 3, "", "", []int{ds[0].Entry.Number, ds[1].Entry.Number, after[2].Entry.Number})
	if !c.OK() {
		t.Fatalf("redraw does not verify %+v", c)
	}
	if _, err := s.RedrawWinner(ds[0].ID, "again"); !errors.Is(err, ErrBoxState) {
		t.Errorf("redraw of a voided pick: %v", err)
	}
	// shares: one shared, the other overdue after the deadline
	if err := s.MarkShared(after[1].ID, "群里发了截图"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkShared(after[1].ID, ""); !errors.Is(err, ErrBoxState) {
		t.Errorf("shared twice: %v", err)
	}
	*now = now.Add(4 * 24 * time.Hour)
	over, _ := s.OverdueShares(s.Now())
	if len(over) != 1 || over[0].ID != re.ID || over[0].Entry.Member == nil {
		t.Errorf("overdue %+v", over)
	}
}

func TestBoxDraftCheck(t *testing.T) {
	now := testNow
	for name, tc := range map[string]struct {
		change func(*BoxDraft)
		field  string
	}{
		"no title":   {func(d *BoxDraft) { d.Title = " " }, "title"},
		"no winners": {func(d *BoxDraft) { d.Winners = 0 }, "winners"},
		"backwards":  {func(d *BoxDraft) { d.ClosesAt = d.OpensAt.Add(-time.Hour) }, "closes"},
		"empty":      {func(d *BoxDraft) { d.Items = nil }, "items"},
		"zero qty":   {func(d *BoxDraft) { d.Items[0].Quantity = 0 }, "items"},
		"share":      {func(d *BoxDraft) { d.ShareDays = 0 }, "share_days"},
	} {
		d := boxDraft(1, now)
		tc.change(&d)
		var ve ValidationError
		if err := d.Check(); !errors.As(err, &ve) || ve.For(tc.field) == nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestPasteBoxEntries(t *testing.T) {
	s, _ := requestStore(t)
	b, ms := openBoxWith(t, s, 1, 1)
	paste := "群聊记录\n" +
		"2026-11-20 20:15:03 小明(12345678)\n参加盲盒 求原神月卡\n" +
		"2026-11-20 20:16:03 成员1(20000000)\n参加盲盒 求网盘\n" +
		"2026-11-20 20:17:03 路人(33333333)\n今天天气不错\n" +
		"2026-11-20 20:18:03 小红<hong@example.com>\n参加盲盒 求会员\n" +
		"2026-11-20 20:19:03 空空(44444444)\n参加盲盒\n"
	res, err := s.PasteBoxEntries(b.ID, paste, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 1 || res.Added[0].Demand != "求原神月卡" || res.NewMembers != 1 {
		t.Fatalf("added %+v", res)
	}
	want := map[int]bool{1: true, 4: true, 6: true, 8: true, 10: true}
	if len(res.Skipped) != len(want) {
		t.Fatalf("skipped %+v", res.Skipped)
	}
	for _, sk := range res.Skipped {
		if !want[sk.Line] || sk.Reason == "" {
			t.Errorf("skip %+v", sk)
		}
	}
	es, _ := s.BoxEntries(b.ID)
	if len(es) != 2 || es[0].MemberID == ms[0].ID && es[1].MemberID == ms[0].ID {
		t.Errorf("entries %+v", es)
	}
}

// A box with fewer entries than winners draws everyone; one with none draws nobody;
// a redraw with nobody left says so.
func TestBoxDrawWithFewEntries(t *testing.T) {
	s, _ := requestStore(t)
	b, _ := openBoxWith(t, s, 2, 3)
	if _, err := s.CloseBox(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DrawBox(b.ID); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.BoxDraws(b.ID)
	if len(ds) != 2 {
		t.Fatalf("draws %d, want every entry", len(ds))
	}
	if _, err := s.RedrawWinner(ds[0].ID, "没回复"); !errors.Is(err, ErrNoneLeft) {
		t.Errorf("redraw with nobody left: %v", err)
	}
	if ds, _ := s.BoxDraws(b.ID); !ds[0].Won() {
		t.Error("a failed redraw voided the winner")
	}
	empty, _ := s.SaveBox(0, boxDraft(1, s.Now()))
	for _, step := range []func(uint) (BlindBox, error){s.OpenBox, s.CloseBox, s.DrawBox} {
		if _, err := step(empty.ID); err != nil {
			t.Fatal(err)
		}
	}
	if ds, _ := s.BoxDraws(empty.ID); len(ds) != 0 {
		t.Errorf("empty box drew %d", len(ds))
	}
}

// 今日's lines count only the current group's boxes.
func TestBoxAgendaLines(t *testing.T) {
	s, now := requestStore(t)
	g1, g2 := Group{Name: "一群", Number: "11111111"}, Group{Name: "二群", Number: "22222222"}
	if err := s.SaveGroup(&g1); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(&g2); err != nil {
		t.Fatal(err)
	}
	for _, g := range []Group{g1, g2} {
		d := boxDraft(1, s.Now())
		d.GroupID = &g.ID
		d.Title = g.Name + "盲盒"
		b, err := s.SaveBox(0, d)
		if err == nil {
			_, err = s.OpenBox(b.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	a, err := s.Agenda(g1.ID, s.Now(), time.UTC)
	if err != nil || a.BoxesDue.Count != 0 {
		t.Fatalf("before close time: %+v %v", a.BoxesDue, err)
	}
	*now = now.Add(49 * time.Hour)
	a, _ = s.Agenda(g1.ID, s.Now(), time.UTC)
	if a.BoxesDue.Count != 1 || a.BoxesDue.Names[0] != "一群盲盒（该截止）" {
		t.Errorf("due %+v", a.BoxesDue)
	}
}

// A blind-box entry's demand is kept as the member's request, for matching and the
// demand board, but waits for no reply: 待回复 and 今日 do not list it.
func TestBoxDemandsWaitForNoReply(t *testing.T) {
	s, _ := requestStore(t)
	b, _ := openBoxWith(t, s, 1, 1)
	paste := "2026-11-20 20:15:03 小明(12345678)\n参加盲盒 求原神月卡\n"
	if _, err := s.PasteBoxEntries(b.ID, paste, time.UTC); err != nil {
		t.Fatal(err)
	}
	var kept []Request
	if err := s.db.Where("source = ? AND text = ?", RequestFromBlindBox, "求原神月卡").Find(&kept).Error; err != nil || len(kept) == 0 || kept[0].State != RequestWaiting {
		t.Fatalf("demand kept as %+v, %v", kept, err)
	}
	waiting, err := s.WaitingRequests(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range waiting {
		if r.Source == RequestFromBlindBox {
			t.Fatalf("a blind-box demand waits for a reply: %+v", r)
		}
	}
	var a Agenda
	if err := s.agendaRequests(&a, 0, s.Now()); err != nil {
		t.Fatal(err)
	}
	if a.Requests.WaitingCount != len(waiting) {
		t.Fatalf("今日 counts %d waiting, the list has %d", a.Requests.WaitingCount, len(waiting))
	}
}
