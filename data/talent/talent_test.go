package talent

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func ev(id uint, name string, counts ...int) Evidence {
	e := Evidence{Member: id, Name: name, Counts: map[Kind]int{}}
	for i, n := range counts {
		e.Counts[Kinds[i]] = n
	}
	return e
}

// line is a standing as "name score deeds tie".
func line(s Standing) string {
	return fmt.Sprintf("%d.%s %d/%d/%d", s.Rank, s.Name, s.Score, s.Deeds, s.Tie)
}

func TestRank(t *testing.T) {
	def := DefaultWeights()
	onlySwaps := Weights{Swap: 1}
	for _, tt := range []struct {
		name string
		ev   []Evidence
		w    Weights
		want []string
	}{
		{"empty", nil, def, nil},
		{"by score", []Evidence{ev(1, "甲", 1), ev(2, "乙", 2), ev(3, "丙", 0, 0, 1)},
			def, []string{"1.乙 20/2/0", "2.甲 10/1/0", "3.丙 3/1/0"}},
		{"every kind weighted", []Evidence{ev(1, "甲", 1, 1, 1, 1, 1)}, def, []string{"1.甲 28/5/0"}},
		{"zero score left out", []Evidence{ev(1, "甲", 0, 0, 0, 0, 0), ev(2, "乙", 0, 3)},
			onlySwaps, []string{"1.乙 3/3/0"}},
		{"weight 0 kind: counted as deed, no points", []Evidence{ev(1, "甲", 5, 1), ev(2, "乙", 0, 1)},
			onlySwaps, []string{"1.甲 1/6/1", "2.乙 1/1/1"}},
		{"tie by deeds", []Evidence{ev(1, "甲", 1), ev(2, "乙", 0, 2)},
			def, []string{"1.乙 10/2/1", "2.甲 10/1/1"}},
		{"tie by deeds before member", []Evidence{ev(3, "丙", 1, 0, 0, 0, 0), ev(7, "庚", 0, 2)},
			Weights{ShareResource: 10, Swap: 5}, []string{"1.庚 10/2/1", "2.丙 10/1/1"}},
		{"tie by member", []Evidence{ev(7, "庚", 1), ev(3, "丙", 1)},
			def, []string{"1.丙 10/1/2", "2.庚 10/1/2"}},
		{"tie by member, same deeds", []Evidence{ev(9, "壬", 0, 2), ev(4, "丁", 0, 2), ev(5, "戊", 3)},
			def, []string{"1.戊 30/3/0", "2.丁 10/2/2", "3.壬 10/2/2"}},
		{"negative counts ignored", []Evidence{ev(1, "甲", -3, 1)}, def, []string{"1.甲 5/1/0"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.ev, tt.w)
			var lines []string
			for _, s := range got {
				lines = append(lines, line(s))
			}
			if strings.Join(lines, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %v, want %v", lines, tt.want)
			}
		})
	}
}

func TestRankTieOrderIsStable(t *testing.T) {
	a := []Evidence{ev(3, "丙", 1), ev(1, "甲", 1), ev(2, "乙", 1)}
	b := []Evidence{ev(2, "乙", 1), ev(3, "丙", 1), ev(1, "甲", 1)}
	ra, rb := Rank(a, DefaultWeights()), Rank(b, DefaultWeights())
	for i := range ra {
		if ra[i].Member != rb[i].Member || ra[i].Member != uint(i+1) {
			t.Fatalf("order depends on input: %v vs %v", ra, rb)
		}
	}
	if ra[0].TieNote() != "同分同事迹数，先登记的成员排前" {
		t.Errorf("tie note %q", ra[0].TieNote())
	}
}

func TestContributions(t *testing.T) {
	s := Rank([]Evidence{ev(1, "甲", 3, 1, 0, 2)}, Weights{ShareResource: 10, Swap: 5, ShareExperience: 0})[0]
	if got, want := s.Contributions(), "分享资源 3 次（30 分）、完成置换 1 次（5 分）"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(s.Parts) != 3 || s.Parts[2].Kind != ShareExperience || s.Parts[2].Points != 0 {
		t.Errorf("parts %+v", s.Parts)
	}
}

func TestFormula(t *testing.T) {
	for _, tt := range []struct {
		w    Weights
		want string
	}{
		{DefaultWeights(), "得分 = 分享资源×10 + 完成置换×5 + 帮助解答×3 + 分享体验×4 + 主讲分享会×6"},
		{Weights{Help: 2}, "得分 = 帮助解答×2"},
		{Weights{}, "得分 = 0"},
	} {
		if got := Formula(tt.w); got != tt.want {
			t.Errorf("Formula(%v) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

func TestWeightsCheckAndEncoding(t *testing.T) {
	for _, tt := range []struct {
		w    Weights
		want string
	}{
		{DefaultWeights(), ""},
		{Weights{Help: 1}, ""},
		{Weights{}, "至少要有一项权重大于 0，否则谁都不得分"},
		{Weights{Help: 101}, "「帮助解答」的权重须为 0–100 的整数"},
		{Weights{Swap: -1, Help: 3}, "「完成置换」的权重须为 0–100 的整数"},
	} {
		if got := tt.w.Check(); got != tt.want {
			t.Errorf("Check(%v) = %q, want %q", tt.w, got, tt.want)
		}
	}
	w := Weights{ShareResource: 7, Swap: 0, Help: 2, ShareExperience: 9, Speak: 1}
	got, err := Decode(w.Encode())
	if err != nil || got.Encode() != w.Encode() {
		t.Errorf("round trip %q -> %v, %v", w.Encode(), got, err)
	}
	if old, err := Decode("share_resource=1"); err != nil || old[Swap] != 5 || old[ShareResource] != 1 {
		t.Errorf("a missing kind keeps its default: %v %v", old, err)
	}
	for _, bad := range []string{"swap", "swap=x", "=,"} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%q) accepted", bad)
		}
	}
	for s, want := range map[string]int{"0": 0, " 12 ": 12, "100": 100} {
		if n, ok := ParseWeight(s); !ok || n != want {
			t.Errorf("ParseWeight(%q) = %d %v", s, n, ok)
		}
	}
	for _, s := range []string{"", "-1", "101", "1.5", "十"} {
		if _, ok := ParseWeight(s); ok {
			t.Errorf("ParseWeight(%q) accepted", s)
		}
	}
}

func TestMonth(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	m, ok := ParseMonth("2026-12")
	if !ok || m.String() != "2026-12" || m.Label() != "2026年12月" {
		t.Fatalf("ParseMonth: %v %v", m, ok)
	}
	if m.Next().String() != "2027-01" || m.Prev().String() != "2026-11" || (Month{2026, 1}).Prev().String() != "2025-12" {
		t.Errorf("next/prev: %v %v", m.Next(), m.Prev())
	}
	// 2026-11-30 17:00 UTC is already December in China.
	if got := MonthOf(time.Date(2026, 11, 30, 17, 0, 0, 0, time.UTC), cst); got != m {
		t.Errorf("MonthOf = %v", got)
	}
	nov := m.Prev()
	if nov.Over(time.Date(2026, 11, 30, 15, 59, 0, 0, time.UTC), cst) || !nov.Over(time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC), cst) {
		t.Error("Over at the month's end in CST")
	}
	if _, ok := ParseMonth("2026-13"); ok {
		t.Error("ParseMonth accepted month 13")
	}
}
