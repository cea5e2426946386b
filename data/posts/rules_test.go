package posts

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// rulesVersion is a saved version holding sections, at fixedNow.
func rulesVersion(note string, ss []rulebook.Section) data.RuleVersion {
	v := data.RuleVersion{ID: 3, Note: note, CreatedAt: fixedNow.UTC()}
	for i, s := range ss {
		v.Sections = append(v.Sections, data.RuleSection{Position: i + 1, Title: s.Title, Body: s.Body})
	}
	return v
}

// longRules are thirty sections of several lines: a post QQ takes in parts.
func longRules() []rulebook.Section {
	ss := make([]rulebook.Section, rulebook.MaxSections)
	for i := range ss {
		var lines []string
		for k := 1; k <= 4; k++ {
			lines = append(lines, fmt.Sprintf("%d. 第 %d 条的第 %d 款：交易请走群主担保，售后问题 24 小时内回复，违规者按群规处理。", k, i+1, k))
		}
		ss[i] = rulebook.Section{Title: fmt.Sprintf("规则%s", Numeral(i+1)), Body: strings.Join(lines, "\n")}
	}
	return ss
}

func TestGoldenRules(t *testing.T) {
	known := []string{"2851234567"}
	withQQ := rulebook.Defaults()
	withQQ[3].Body += "\n4. 售后请加群主 QQ 2851234567，备注「售后」。"
	for _, tc := range []struct {
		name string
		rs   Rules
	}{
		{"rules", BuildRules(group, rulesVersion("", rulebook.Defaults()), 1, cst)},
		{"rules_note_qq", BuildRules(group, rulesVersion("售后通道写上群主QQ", withQQ), 3, cst)},
		{"rules_long", BuildRules(group, rulesVersion("全部重写", longRules()), 12, cst)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text, err := RenderRules(Default(data.PostRules), tc.rs, known)
			if err != nil {
				t.Fatal(err)
			}
			assertGolden(t, tc.name, strings.Join(Split(text, MaxPartRunes), partSeparator))
		})
	}
}

// The post says which version it is and from when, hides the QQ number, and a long
// one really is split with every part within QQ's length.
func TestRulesPostHeaderAndSplit(t *testing.T) {
	text, err := RenderRules(Default(data.PostRules), BuildRules(group, rulesVersion("修改说明", rulebook.Defaults()), 4, cst), nil)
	if err != nil {
		t.Fatal(err)
	}
	if head := strings.SplitN(text, "\n", 4); head[0] != "【星河卡盟·群规】" || head[1] != "第 4 版 · 2026-11-26 修订" || head[2] != "本次修改：修改说明" {
		t.Errorf("header %q", head[:3])
	}
	if !strings.Contains(text, "◆ 四、售后通道（24小时内响应）") {
		t.Errorf("sections not numbered in Chinese:\n%s", text)
	}
	long, err := RenderRules(Default(data.PostRules), BuildRules(group, rulesVersion("", longRules()), 2, cst), nil)
	if err != nil {
		t.Fatal(err)
	}
	parts := Split(long, MaxPartRunes)
	if len(parts) < 2 {
		t.Fatalf("thirty long sections make %d part", len(parts))
	}
	for i, p := range parts {
		if n := len([]rune(p)); n > MaxPartRunes {
			t.Errorf("part %d has %d characters", i+1, n)
		}
	}
	if !strings.HasPrefix(parts[0], "(1/") || !strings.Contains(parts[0], "第 2 版") {
		t.Errorf("the first part does not open with the header: %q", parts[0][:80])
	}
}

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 23: "二十三", 30: "三十", 99: "九十九", 100: "100", 0: "0"} {
		if got := Numeral(n); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestBuildRulesPost(t *testing.T) {
	s, err := data.Open(filepath.Join(t.TempDir(), data.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := data.Group{Name: "星河卡盟", Number: "812345678"}
	if err := s.SaveGroup(&g); err != nil {
		t.Fatal(err)
	}
	if _, err := BuildRulesPost(s, g, cst); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("a group without rules: %v", err)
	}
	if _, err := s.SaveRules(g.ID, "", rulebook.Defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveRules(g.ID, "删掉发言规范", rulebook.Defaults()[2:]); err != nil {
		t.Fatal(err)
	}
	b, err := BuildRulesPost(s, g, cst)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(cst).Format(data.DateLayout)
	if !strings.HasPrefix(b.Text, "【星河卡盟·群规】\n第 2 版 · "+today+" 修订\n本次修改：删掉发言规范\n\n◆ 一、交易规则（担保交易）") {
		t.Errorf("post:\n%s", b.Text)
	}
	if b.Kind != data.PostRules || len(b.Parts) != 1 || b.Listed != len(rulebook.Defaults())-2 {
		t.Errorf("built %+v", b)
	}
	if err := b.Record(s); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.Posts(g.ID, 5); len(ps) != 1 || ps[0].Kind != data.PostRules {
		t.Errorf("recorded %+v", ps)
	}
}
