package posts

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/draw"
)

// drawnBox is a drawn box of 5 entries with seed 0x01…, its winners recomputed from
// the draw package, the first one redrawn.
func drawnBox(t *testing.T) (data.BlindBox, []data.BlindBoxEntry, []data.BlindBoxDraw) {
	t.Helper()
	var seed draw.Seed
	for i := range seed {
		seed[i] = byte(i + 1)
	}
	at := fixedNow.Add(-time.Hour).UTC()
	entries := make([]data.BlindBoxEntry, 5)
	labels := make([]string, 5)
	for i := range entries {
		labels[i] = []string{"小明（28****67）", "阿花（10****6）", "老王（13****99）", "小李（25****01）", "七七（31****2）"}[i]
		entries[i] = data.BlindBoxEntry{ID: uint(i + 1), Number: i + 1, Label: labels[i], Demand: "求原神月卡"}
	}
	b := data.BlindBox{ID: 3, Title: "周末盲盒", Winners: 2, ShareDays: 3, State: data.BoxDrawn,
		OpensAt: at.Add(-48 * time.Hour), ClosesAt: at, Seed: seed.Hex(), Commitment: seed.Commitment(),
		ListHash: draw.ListHash(labels), DrawnAt: &at,
		Items: []data.BlindBoxItem{{Name: "原神月卡", Quantity: 2}, {Name: "百度网盘会员 7天", Quantity: 1}}}
	picks, err := draw.Picks(seed, labels, 3)
	if err != nil {
		t.Fatal(err)
	}
	due := at.Add(72 * time.Hour)
	void := at.Add(30 * time.Minute)
	draws := make([]data.BlindBoxDraw, 3)
	for i, p := range picks {
		draws[i] = data.BlindBoxDraw{ID: uint(i + 1), Seq: i + 1, EntryID: entries[p].ID, Entry: &entries[p], DrawnAt: at, ShareDue: due}
	}
	draws[0].VoidedAt, draws[0].VoidReason = &void, "三天没回复"
	return b, entries, draws
}

func TestBlindBoxGolden(t *testing.T) {
	b, entries, draws := drawnBox(t)
	open := b
	open.State, open.Seed, open.ListHash = data.BoxOpen, "", ""
	shared := fixedNow
	drawsShared := append([]data.BlindBoxDraw{}, draws...)
	drawsShared[1].SharedAt = &shared
	tests := []struct{ name, got string }{
		{"blindbox_opening", BoxOpening(group, open, cst, nil)},
		{"blindbox_result", BoxResult(group, b, entries, draws, cst, nil)},
		{"blindbox_reminder", BoxShareReminder(group, b, drawsShared, fixedNow.Add(96*time.Hour), cst, nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertGolden(t, tt.name, tt.got) })
	}
}

// TestBoxResultVerifies: the seed, list and picks printed in the result post recompute
// with draw.Verify, and the opening post's commitment matches.
func TestBoxResultVerifies(t *testing.T) {
	b, entries, draws := drawnBox(t)
	post := BoxResult(group, b, entries, draws, cst, nil)
	field := func(prefix string) string {
		for _, l := range strings.Split(post, "\n") {
			if v, ok := strings.CutPrefix(l, prefix); ok {
				return v
			}
		}
		t.Fatalf("no %s in\n%s", prefix, post)
		return ""
	}
	_, list, _ := strings.Cut(post, "名单：\n")
	list, _, _ = strings.Cut(list, "验证方法")
	open := BoxOpening(group, b, cst, nil)
	if !strings.Contains(open, b.Commitment) {
		t.Fatal("opening post lacks the commitment")
	}
	pub := make([]int, len(draws))
	for i, d := range draws {
		pub[i] = d.Entry.Number
	}
	c := draw.Verify(field("种子："), list, 3, b.Commitment, field("名单哈希："), pub)
	if !c.OK() {
		t.Fatalf("result post does not verify: %+v", c)
	}
	if BoxShareReminder(group, b, nil, fixedNow, cst, nil) != "" {
		t.Error("reminder without winners")
	}
}
