package sheet

import (
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

// The preview says which rows put a resource on the blacklist and which take one off;
// saving them logs the moves as the preview said.
func TestResourcePlanShowsBlacklistMoves(t *testing.T) {
	s := newStore(t)
	cat := saveDrafts(t, s,
		data.ResourceDraft{Name: "王者点券", Category: "游戏类", Price: "6"},
		data.ResourceDraft{Name: "爱奇艺月卡", Category: "影音类", Price: "15"},
		data.ResourceDraft{Name: "优酷月卡", Category: "影音类", Price: "12"},
	)
	for _, r := range cat {
		if r.Name == "爱奇艺月卡" {
			if err := s.MarkInvalid(r.ID, data.InvalidMark{Reason: "已过期"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cat, err := s.Resources()
	if err != nil {
		t.Fatal(err)
	}
	p := mustPlan(t, csvTable(t,
		"名称,价格,状态",
		"王者点券,6,失效",
		"爱奇艺月卡,15,上架",
		"优酷月卡,12,上架",
		"新来的卡,3,失效",
	), cat, "游戏类")
	want := map[string]string{"王者点券": ActionOnBlacklist, "爱奇艺月卡": ActionOffBlacklist, "优酷月卡": "", "新来的卡": ActionOnBlacklist}
	for _, r := range p.Rows {
		got := ""
		for _, a := range r.Actions {
			if a == ActionOnBlacklist || a == ActionOffBlacklist {
				got = a
			}
		}
		if got != want[r.Name] {
			t.Errorf("%s: blacklist action %q, want %q (detail %q)", r.Name, got, want[r.Name], r.Detail())
		}
	}
	if err := s.SaveResources(p.ToSave()); err != nil {
		t.Fatal(err)
	}
	hist, err := s.BlacklistHistory()
	if err != nil {
		t.Fatal(err)
	}
	var moves []string
	for _, h := range hist[1:] { // after the 已过期 mark made above
		moves = append(moves, h.ResourceName+" "+h.Kind.Label()+" "+h.Note)
	}
	wantMoves := map[string]bool{
		"王者点券 标为失效 " + data.NoteImportInvalid:     true,
		"爱奇艺月卡 移出失效名单 " + data.NoteImportRestored: true,
		"新来的卡 标为失效 " + data.NoteImportInvalid:     true,
	}
	if len(moves) != len(wantMoves) {
		t.Fatalf("moves %q", moves)
	}
	for _, m := range moves {
		if !wantMoves[m] {
			t.Errorf("unexpected move %q (all: %q)", m, moves)
		}
	}
}
