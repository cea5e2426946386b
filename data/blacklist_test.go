package data

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// blacklistStore is a store with resources from two suppliers, and its moving clock.
func blacklistStore(t *testing.T) (*Store, *time.Time, []*Resource) {
	t.Helper()
	s, now := requestStore(t)
	var rs []*Resource
	for i, spec := range []struct{ name, supplier string }{
		{"王者荣耀点券 60点", "老王卡铺"}, {"爱奇艺黄金VIP会员", "老王卡铺"}, {"腾讯视频VIP月卡", "老王卡铺"},
		{"QQ音乐绿钻豪华版", "小李货源"}, {"移动话费充值 100元", ""},
	} {
		r := &Resource{Name: spec.name, Category: Category{Name: "游戏类"}, PriceCents: int64(100 * (i + 1)),
			Unlimited: true, Status: StatusOnSale}
		if spec.supplier != "" {
			r.Supplier = &Supplier{Name: spec.supplier}
		}
		if err := s.SaveResource(r); err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return s, now, rs
}

func statusOf(t *testing.T, s *Store, id uint) ResourceStatus {
	t.Helper()
	r, err := s.Resource(id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Status
}

func history(t *testing.T, s *Store, id uint) []ResourceEvent {
	t.Helper()
	evs, err := s.ResourceHistory(id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// Bad input is refused at its field, and a refused move changes nothing.
func TestBlacklistRefusesAtTheField(t *testing.T) {
	s, _, rs := blacklistStore(t)
	id := rs[0].ID
	longNote := strings.Repeat("证", MaxNotesLen+1)
	for _, tc := range []struct {
		name  string
		move  func() error
		field string
	}{
		{"mark without a reason", func() error { return s.MarkInvalid(id, InvalidMark{Evidence: "群友反馈"}) }, "reason"},
		{"mark with a reason not offered", func() error { return s.MarkInvalid(id, InvalidMark{Reason: "太贵"}) }, "reason"},
		{"mark with evidence too long", func() error { return s.MarkInvalid(id, InvalidMark{Reason: "卡密无效", Evidence: longNote}) }, "evidence"},
		{"restore what is not on the list", func() error { return s.RestoreResource(id, StatusOnSale, "误标") }, "status"},
		{"restore without a note", func() error { return s.RestoreResource(id, StatusOnSale, "  ") }, "note"},
		{"restore to 失效", func() error { return s.RestoreResource(id, StatusInvalid, "误标") }, "restore_to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.move()
			var ve ValidationError
			if !errors.As(err, &ve) || ve.For(tc.field) == nil {
				t.Fatalf("err = %v, want a problem at %s", err, tc.field)
			}
			if st := statusOf(t, s, id); st != StatusOnSale {
				t.Errorf("status = %s after a refusal", st)
			}
			if evs := history(t, s, id); len(evs) != 0 {
				t.Errorf("history = %+v after a refusal", evs)
			}
		})
	}
	if err := s.MarkInvalid(9999, InvalidMark{Reason: "其他"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("mark a missing resource: %v, want ErrNotFound", err)
	}
	if err := s.RestoreResource(9999, StatusOnSale, "误标"); !errors.Is(err, ErrNotFound) {
		t.Errorf("restore a missing resource: %v, want ErrNotFound", err)
	}
}

// Marking and restoring move the status and keep both moves, with reason, note, who
// and when; marking twice or restoring twice is refused.
func TestMarkAndRestoreKeepHistory(t *testing.T) {
	s, now, rs := blacklistStore(t)
	id := rs[0].ID
	markedAt := *now
	if err := s.MarkInvalid(id, InvalidMark{Reason: "卡密无效", Evidence: " 群友小明截图：提示卡密已使用 "}); err != nil {
		t.Fatal(err)
	}
	if st := statusOf(t, s, id); st != StatusInvalid {
		t.Fatalf("status = %s, want invalid", st)
	}
	if err := s.MarkInvalid(id, InvalidMark{Reason: ReasonExpired.Label()}); err == nil {
		t.Error("marked twice")
	}
	*now = now.Add(3 * time.Hour)
	restoredAt := *now
	if err := s.RestoreResource(id, StatusOffShelf, "上家补发了新卡密"); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreResource(id, StatusOnSale, "再来一次"); err == nil {
		t.Error("restored twice")
	}
	if st := statusOf(t, s, id); st != StatusOffShelf {
		t.Errorf("status = %s, want off_shelf", st)
	}
	evs := history(t, s, id)
	want := []ResourceEvent{
		{Kind: EventInvalid, Reason: ReasonCardInvalid, Note: "群友小明截图：提示卡密已使用", ByName: "群主", At: markedAt},
		{Kind: EventRestored, Note: "上家补发了新卡密", ByName: "群主", At: restoredAt},
	}
	if len(evs) != len(want) {
		t.Fatalf("history = %+v, want %d moves", evs, len(want))
	}
	for i, w := range want {
		e := evs[i]
		if e.Kind != w.Kind || e.Reason != w.Reason || e.Note != w.Note || e.ByName != w.ByName || !e.At.Equal(w.At) || e.ResourceID != id {
			t.Errorf("move %d = %+v, want %+v", i, e, w)
		}
	}
}

// Two owners (two store handles on one file) mark the same resource at once: exactly
// one wins, and the history has one mark.
func TestConcurrentMarksOneWins(t *testing.T) {
	s, _, rs := blacklistStore(t)
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	id := rs[1].ID
	for round := range 5 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, st := range []*Store{s, other} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if round%2 == 0 {
					errs[i] = st.MarkInvalid(id, InvalidMark{Reason: "已过期"})
				} else {
					errs[i] = st.RestoreResource(id, StatusOnSale, "误标")
				}
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			var ve ValidationError
			switch {
			case err == nil:
				ok++
			case !errors.As(err, &ve) || ve.For("status") == nil:
				t.Fatalf("round %d: the loser got %v, want a refusal at status", round, err)
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d moves won (%v), want exactly 1", round, ok, errs)
		}
	}
	if evs := history(t, s, id); len(evs) != 5 {
		t.Errorf("history has %d moves after 5 rounds, want 5", len(evs))
	}
}

// Saves that change the status without the dialogs (an import, SetResourceStatus) log
// the move with reason 其他 and a note saying where it came from.
func TestStatusSavesAreLogged(t *testing.T) {
	s, _, rs := blacklistStore(t)
	imported := func(st ResourceStatus, rows ...*Resource) {
		t.Helper()
		for _, r := range rows {
			r.Status = st
		}
		if err := s.SaveResources(rows); err != nil {
			t.Fatal(err)
		}
	}
	fresh := &Resource{Name: "新来的失效卡", Category: Category{Name: "游戏类"}, Unlimited: true, Status: StatusInvalid}
	imported(StatusInvalid, rs[0], fresh)
	imported(StatusInvalid, rs[0]) // already 失效: no second mark
	imported(StatusOnSale, rs[0])
	if err := s.SetResourceStatus(rs[1].ID, StatusInvalid); err != nil {
		t.Fatal(err)
	}
	if err := s.SetResourceStatus(rs[1].ID, StatusOffShelf); err != nil {
		t.Fatal(err)
	}
	if err := s.SetResourceStatus(rs[2].ID, StatusOffShelf); err != nil { // no blacklist move
		t.Fatal(err)
	}
	rs[3].Status = StatusInvalid
	if err := s.SaveResource(rs[3]); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   uint
		want []string // kind/reason/note
	}{
		{rs[0].ID, []string{"invalid/other/" + NoteImportInvalid, "restored//" + NoteImportRestored}},
		{fresh.ID, []string{"invalid/other/" + NoteImportInvalid}},
		{rs[1].ID, []string{"invalid/other/" + NoteEditInvalid, "restored//" + NoteEditRestored}},
		{rs[2].ID, nil},
		{rs[3].ID, []string{"invalid/other/" + NoteEditInvalid}},
	} {
		evs := history(t, s, tc.id)
		var got []string
		for _, e := range evs {
			got = append(got, string(e.Kind)+"/"+string(e.Reason)+"/"+e.Note)
		}
		if len(got) != len(tc.want) {
			t.Errorf("resource %d: history %q, want %q", tc.id, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("resource %d: history %q, want %q", tc.id, got, tc.want)
			}
		}
	}
}

// The blacklist lists what is 失效 now, newest mark first, by supplier and reason; a
// resource 失效 from before marks were kept is listed with no reason.
func TestBlacklistListAndFilters(t *testing.T) {
	s, now, rs := blacklistStore(t)
	mark := func(r *Resource, reason InvalidReason) {
		t.Helper()
		*now = now.Add(time.Hour)
		if err := s.MarkInvalid(r.ID, InvalidMark{Reason: reason.Label()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.db.Model(&Resource{}).Where("id = ?", rs[4].ID).Update("status", StatusInvalid).Error; err != nil {
		t.Fatal(err) // as an older version of the app left it: no history
	}
	mark(rs[0], ReasonCardInvalid)
	mark(rs[3], ReasonSupplierGone)
	mark(rs[1], ReasonCardInvalid)
	mark(rs[2], ReasonMismatch)
	if err := s.RestoreResource(rs[2].ID, StatusOnSale, "描述改对了"); err != nil {
		t.Fatal(err)
	}
	laowang := *rs[0].SupplierID
	for _, tc := range []struct {
		name string
		f    BlacklistFilter
		want []uint
	}{
		{"all, newest first", BlacklistFilter{}, []uint{rs[1].ID, rs[3].ID, rs[0].ID, rs[4].ID}},
		{"one supplier", BlacklistFilter{SupplierID: laowang}, []uint{rs[1].ID, rs[0].ID}},
		{"no supplier", BlacklistFilter{NoSupplier: true}, []uint{rs[4].ID}},
		{"one reason", BlacklistFilter{Reason: ReasonCardInvalid}, []uint{rs[1].ID, rs[0].ID}},
		{"supplier and reason", BlacklistFilter{SupplierID: laowang, Reason: ReasonSupplierGone}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Blacklist(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []uint
			for _, e := range got {
				ids = append(ids, e.Resource.ID)
			}
			if len(ids) != len(tc.want) {
				t.Fatalf("ids = %v, want %v", ids, tc.want)
			}
			for i := range ids {
				if ids[i] != tc.want[i] {
					t.Fatalf("ids = %v, want %v", ids, tc.want)
				}
			}
		})
	}
	all, _ := s.Blacklist(BlacklistFilter{})
	if last := all[len(all)-1]; last.Mark.ID != 0 || last.Mark.Reason.Label() != "未记录" {
		t.Errorf("the resource without history: %+v", last.Mark)
	}
	if first := all[0]; first.Resource.SupplierName() != "老王卡铺" || first.Mark.Reason != ReasonCardInvalid {
		t.Errorf("first entry = %+v", first)
	}
	hist, err := s.BlacklistHistory()
	if err != nil || len(hist) != 5 || hist[0].ResourceName != rs[0].Name || hist[0].SupplierName != "老王卡铺" {
		t.Errorf("history = %+v, %v", hist, err)
	}
}

// Each supplier's resources, how many went 失效 (restored or not) and the last time.
func TestSupplierReliability(t *testing.T) {
	s, now, rs := blacklistStore(t)
	start := *now
	for _, r := range rs[:2] {
		*now = now.Add(time.Hour)
		if err := s.MarkInvalid(r.ID, InvalidMark{Reason: "卡密无效"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RestoreResource(rs[0].ID, StatusOnSale, "补发了"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkInvalid(rs[4].ID, InvalidMark{Reason: "其他"}); err != nil { // no supplier
		t.Fatal(err)
	}
	if err := s.SaveSupplier(&Supplier{Name: "还没供过货"}); err != nil {
		t.Fatal(err)
	}
	recs, err := s.SupplierReliability()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range recs {
		last := "-"
		if r.LastIncident != nil {
			last = r.LastIncident.Sub(start).String()
		}
		got[r.Name] = r.RateText() + " " + last
		if r.Name == "老王卡铺" && (r.Resources != 3 || r.Invalid != 2 || !r.Above(20)) {
			t.Errorf("老王卡铺 = %+v", r)
		}
	}
	want := map[string]string{"老王卡铺": "66.7% 2h0m0s", "小李货源": "0% -", "还没供过货": "— -"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

func TestSupplierWarnPercentSetting(t *testing.T) {
	s, _, _ := blacklistStore(t)
	if n, err := s.SupplierWarnPercent(); err != nil || n != 20 {
		t.Fatalf("default = %d, %v; want 20", n, err)
	}
	for _, bad := range []int{0, -5, 101} {
		var ve ValidationError
		if err := s.SetSupplierWarnPercent(bad); !errors.As(err, &ve) || ve.For("supplier_warn_percent") == nil {
			t.Errorf("SetSupplierWarnPercent(%d) = %v", bad, err)
		}
	}
	if err := s.SetSupplierWarnPercent(35); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.SupplierWarnPercent(); n != 35 {
		t.Errorf("after setting 35: %d", n)
	}
}

func TestReasonLabels(t *testing.T) {
	for _, r := range InvalidReasons {
		back, ok := InvalidReasonByLabel(r.Label())
		if !ok || back != r {
			t.Errorf("%s: label %s reads back as %s", r, r.Label(), back)
		}
	}
	if _, ok := InvalidReasonByLabel("太贵"); ok {
		t.Error("a reason not offered was read")
	}
}

// 今日 names the resources on the blacklist that no 失效资源公示 of the group named
// since they were marked, newest first; a post naming one takes it off the line, and
// marking it again puts it back.
func TestAgendaUnpostedInvalid(t *testing.T) {
	s, now, rs := blacklistStore(t)
	g := Group{Name: "星河卡盟", Number: "123456789"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	line := func() AgendaLine {
		t.Helper()
		a, err := s.Agenda(g.ID, *now, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return a.UnpostedInvalid
	}
	if l := line(); l.Count != 0 {
		t.Fatalf("nothing marked: %+v", l)
	}
	for _, r := range rs[:2] {
		*now = now.Add(time.Minute)
		if err := s.MarkInvalid(r.ID, InvalidMark{Reason: "卡密无效"}); err != nil {
			t.Fatal(err)
		}
	}
	if l := line(); l.Count != 2 || l.Names[0] != rs[1].Name || l.IDs[1] != rs[0].ID {
		t.Fatalf("two marked: %+v", l)
	}
	*now = now.Add(time.Minute)
	gid := g.ID
	if err := s.RecordPost(&Post{GroupID: &gid, Kind: PostBlacklist, Body: "公示 1"}, []uint{rs[0].ID}); err != nil {
		t.Fatal(err)
	}
	if l := line(); l.Count != 1 || l.Names[0] != rs[1].Name {
		t.Errorf("after a post naming one: %+v", l)
	}
	if a, _ := s.Agenda(0, *now, time.UTC); a.UnpostedInvalid.Count != 0 {
		t.Errorf("no group: %+v", a.UnpostedInvalid)
	}
	*now = now.Add(time.Minute)
	if err := s.RestoreResource(rs[0].ID, StatusOnSale, "补发了"); err != nil {
		t.Fatal(err)
	}
	*now = now.Add(time.Minute)
	if err := s.MarkInvalid(rs[0].ID, InvalidMark{Reason: "已过期"}); err != nil {
		t.Fatal(err)
	}
	if l := line(); l.Count != 2 || l.Names[0] != rs[0].Name {
		t.Errorf("marked again after the post: %+v", l)
	}
}

// Every status against both moves: marking works from every status but 失效, restoring
// only from 失效 (to 上架 or 下架); each allowed move logs one entry, each refused one
// changes neither the status nor the history.
func TestBlacklistMovesFromEveryStatus(t *testing.T) {
	type move struct {
		name string
		do   func(s *Store, id uint) error
		to   ResourceStatus
	}
	moves := []move{
		{"mark", func(s *Store, id uint) error { return s.MarkInvalid(id, InvalidMark{Reason: "其他"}) }, StatusInvalid},
		{"restore to 上架", func(s *Store, id uint) error { return s.RestoreResource(id, StatusOnSale, "好了") }, StatusOnSale},
		{"restore to 下架", func(s *Store, id uint) error { return s.RestoreResource(id, StatusOffShelf, "好了") }, StatusOffShelf},
	}
	for _, from := range ResourceStatuses {
		for _, m := range moves {
			t.Run(string(from)+" "+m.name, func(t *testing.T) {
				s, _, rs := blacklistStore(t)
				id := rs[0].ID
				if err := s.db.Model(&Resource{}).Where("id = ?", id).Update("status", from).Error; err != nil {
					t.Fatal(err)
				}
				allowed := (from != StatusInvalid) == (m.to == StatusInvalid)
				err := m.do(s, id)
				evs := history(t, s, id)
				switch {
				case allowed && err != nil:
					t.Fatalf("refused: %v", err)
				case allowed && (statusOf(t, s, id) != m.to || len(evs) != 1):
					t.Errorf("status %s with %d entries, want %s and 1", statusOf(t, s, id), len(evs), m.to)
				case !allowed && err == nil:
					t.Fatal("allowed")
				case !allowed && (statusOf(t, s, id) != from || len(evs) != 0):
					t.Errorf("a refused move left status %s and %d entries", statusOf(t, s, id), len(evs))
				}
			})
		}
	}
}

func TestBlacklistPostLabel(t *testing.T) {
	if got := PostBlacklist.Label(); got != "失效资源公示" {
		t.Errorf("label %q", got)
	}
}
