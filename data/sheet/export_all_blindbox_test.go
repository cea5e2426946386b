package sheet

import (
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
)

// The 资源盲盒 sheets: the box with its commitment and (once drawn) its seed, the
// numbered entries with demands, and the picks with a redraw and a share.
func TestEverythingWorkbookBlindBoxes(t *testing.T) {
	s := newStore(t)
	g := data.Group{Name: "王者群", Number: "11111111"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	b, err := s.SaveBox(0, data.BoxDraft{GroupID: &g.ID, Title: "周末盲盒", Winners: 1, OpensAt: s.Now(), ClosesAt: s.Now().Add(time.Hour),
		ShareDays: 3, Items: []data.BoxItemDraft{{Name: "原神月卡", Quantity: 2}, {Name: "网盘会员", Quantity: 1}}})
	if err == nil {
		b, err = s.OpenBox(b.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, qq := range []string{"2851234567", "2851234568"} {
		m := data.Member{QQ: qq, Nickname: []string{"小明", "小红"}[i]}
		if err := s.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddBoxEntry(b.ID, data.BoxEntryDraft{MemberID: m.ID, Demand: "求月卡" + qq[9:], EnteredAt: s.Now().Add(time.Duration(i-5) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err = s.CloseBox(b.ID); err == nil {
		b, err = s.DrawBox(b.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := s.BoxDraws(b.ID)
	if _, err := s.RedrawWinner(ds[0].ID, "没回复"); err != nil {
		t.Fatal(err)
	}
	f := everythingWorkbook(t, s)
	boxes, _ := f.GetRows(AllBoxesSheet)
	if len(boxes) != 2 || boxes[1][0] != "王者群" || boxes[1][2] != "周末盲盒" || boxes[1][3] != "已开奖" ||
		boxes[1][4] != "原神月卡 ×2；网盘会员 ×1" || boxes[1][10] != b.Seed || boxes[1][11] != b.ListHash {
		t.Errorf("boxes sheet %q", boxes)
	}
	entries, _ := f.GetRows(AllBoxEntrySheet)
	if len(entries) != 3 || entries[1][1] != "1" || entries[1][2] != "小明" || entries[1][3] != "2851234567" ||
		entries[1][4] != "求月卡7" || entries[1][6] != "小明（285****567）" {
		t.Errorf("entries sheet %q", entries)
	}
	draws, _ := f.GetRows(AllBoxDrawsSheet)
	if len(draws) != 3 || draws[1][4] != "已补抽" || draws[1][5] != "没回复" || draws[2][4] != "中奖（补抽）" ||
		!strings.HasPrefix(draws[2][0], "#1 周末盲盒") || draws[1][3] == draws[2][3] {
		t.Errorf("draws sheet %q", draws)
	}
}
