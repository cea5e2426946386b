package rulebook

import (
	"reflect"
	"strings"
	"testing"
)

func secs(pairs ...string) []Section {
	var out []Section
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Section{Title: pairs[i], Body: pairs[i+1]})
	}
	return out
}

func TestTidy(t *testing.T) {
	got := Tidy(Section{Title: "  交易  规则 \n", Body: "\r\n第一行  \r\n\r\n第二行\t\n\n"})
	want := Section{Title: "交易 规则", Body: "第一行\n\n第二行"}
	if got != want {
		t.Fatalf("Tidy = %q, want %q", got, want)
	}
}

func TestCheck(t *testing.T) {
	long := func(n int) string { return strings.Repeat("字", n) }
	many := make([]Section, MaxSections+1)
	for i := range many {
		many[i] = Section{Title: "第" + long(i+1), Body: "x"}
	}
	for _, tc := range []struct {
		name string
		ss   []Section
		note string
		want []Problem // Index and Field only
	}{
		{"defaults pass", Defaults(), "", nil},
		{"no sections", nil, "", []Problem{{-1, "sections", ""}}},
		{"too many", many, "", []Problem{{-1, "sections", ""}}},
		{"empty title", secs("入群须知", "a", "  ", "b"), "", []Problem{{1, "title", ""}}},
		{"title at limit", secs(long(MaxTitleLen), "a"), "", nil},
		{"title over limit", secs(long(MaxTitleLen+1), "a"), "", []Problem{{0, "title", ""}}},
		{"same title twice", secs("禁止事项", "a", "禁止事项 ", "b"), "", []Problem{{1, "title", ""}}},
		{"body at limit", secs("a", long(MaxBodyLen)), "", nil},
		{"body over limit", secs("a", long(MaxBodyLen+1)), "", []Problem{{0, "body", ""}}},
		{"empty body is fine", secs("a", ""), "", nil},
		{"note over limit", secs("a", "b"), long(MaxNoteLen + 1), []Problem{{-1, "note", ""}}},
		{"several at once", secs("", "", "b", long(MaxBodyLen+1)), long(MaxNoteLen + 1),
			[]Problem{{0, "title", ""}, {1, "body", ""}, {-1, "note", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Check(tc.ss, tc.note)
			for i := range got {
				if got[i].Message == "" || !strings.Contains(got[i].Message, "第") && got[i].Index >= 0 {
					t.Errorf("problem %d does not name its section: %q", i, got[i].Message)
				}
				got[i].Message = ""
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Check = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestCheckNamesTheSection(t *testing.T) {
	ps := Check(secs("入群须知", "a", "", "b"), "")
	if len(ps) != 1 || ps[0].Message != "第 2 条的标题不能为空" {
		t.Fatalf("got %+v", ps)
	}
}

func TestSame(t *testing.T) {
	a := secs("入群须知", "第一行\n第二行", "禁止事项", "不许诈骗")
	for _, tc := range []struct {
		name string
		b    []Section
		want bool
	}{
		{"identical", secs("入群须知", "第一行\n第二行", "禁止事项", "不许诈骗"), true},
		{"only spaces differ", secs(" 入群须知", "第一行 \r\n第二行\n", "禁止事项", "不许诈骗  "), true},
		{"text changed", secs("入群须知", "第一行\n第三行", "禁止事项", "不许诈骗"), false},
		{"order changed", secs("禁止事项", "不许诈骗", "入群须知", "第一行\n第二行"), false},
		{"one fewer", secs("入群须知", "第一行\n第二行"), false},
		{"renamed", secs("进群须知", "第一行\n第二行", "禁止事项", "不许诈骗"), false},
	} {
		if got := Same(a, tc.b); got != tc.want {
			t.Errorf("%s: Same = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDiff(t *testing.T) {
	old := secs("入群须知", "改群名片\n先看公告", "发言规范", "不刷屏", "交易规则", "走担保\n私聊发卡密", "禁止事项", "不许诈骗")
	type brief struct {
		Kind                   ChangeKind
		Title, OldTitle        string
		Renamed, Edited, Moved bool
		From, To               int
	}
	for _, tc := range []struct {
		name  string
		newer []Section
		want  []brief
	}{
		{"nothing", old, nil},
		{"one edited", secs("入群须知", "改群名片\n先看公告", "发言规范", "不刷屏，不骂人", "交易规则", "走担保\n私聊发卡密", "禁止事项", "不许诈骗"),
			[]brief{{Kind: Changed, Title: "发言规范", Edited: true, From: 2, To: 2}}},
		{"added and removed", secs("入群须知", "改群名片\n先看公告", "交易规则", "走担保\n私聊发卡密", "禁止事项", "不许诈骗", "售后通道", "24 小时内回复"),
			[]brief{{Kind: Added, Title: "售后通道", To: 4}, {Kind: Removed, Title: "发言规范", From: 2}}},
		{"renamed, same text", secs("进群须知", "改群名片\n先看公告", "发言规范", "不刷屏", "交易规则", "走担保\n私聊发卡密", "禁止事项", "不许诈骗"),
			[]brief{{Kind: Changed, Title: "进群须知", OldTitle: "入群须知", Renamed: true, From: 1, To: 1}}},
		{"renamed and edited", secs("入群须知", "改群名片\n先看公告", "发言规范", "不刷屏", "交易规则（担保交易）", "走担保\n私聊发卡密\n价格以公告为准", "禁止事项", "不许诈骗"),
			[]brief{{Kind: Changed, Title: "交易规则（担保交易）", OldTitle: "交易规则", Renamed: true, Edited: true, From: 3, To: 3}}},
		{"moved up", secs("入群须知", "改群名片\n先看公告", "禁止事项", "不许诈骗", "发言规范", "不刷屏", "交易规则", "走担保\n私聊发卡密"),
			[]brief{{Kind: Changed, Title: "禁止事项", Moved: true, From: 4, To: 2}}},
		{"all replaced", secs("新规", "全新内容"),
			[]brief{{Kind: Added, Title: "新规", To: 1}, {Kind: Removed, Title: "入群须知", From: 1},
				{Kind: Removed, Title: "发言规范", From: 2}, {Kind: Removed, Title: "交易规则", From: 3}, {Kind: Removed, Title: "禁止事项", From: 4}}},
		{"from nothing", nil, []brief{{Kind: Removed, Title: "入群须知", From: 1}, {Kind: Removed, Title: "发言规范", From: 2},
			{Kind: Removed, Title: "交易规则", From: 3}, {Kind: Removed, Title: "禁止事项", From: 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []brief
			for _, c := range Diff(old, tc.newer) {
				got = append(got, brief{c.Kind, c.Title, c.OldTitle, c.Renamed, c.Edited, c.Moved, c.From, c.To})
				if c.Edited != (len(c.Lines) > 0) {
					t.Errorf("%s: Edited %v with %d diff lines", c.Title, c.Edited, len(c.Lines))
				}
				if c.Describe() == "" {
					t.Errorf("%s: no description", c.Title)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Diff =\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

func TestDescribeAndSummary(t *testing.T) {
	old := secs("交易规则", "走担保", "禁止事项", "不许诈骗", "发言规范", "不刷屏")
	newer := secs("禁止事项", "不许诈骗，不许引流", "交易规则（担保交易）", "走担保", "售后通道", "24 小时内回复")
	cs := Diff(old, newer)
	var lines []string
	for _, c := range cs {
		lines = append(lines, c.Describe())
	}
	want := []string{
		"「禁止事项」修改了内容",
		"标题由「交易规则」改为「交易规则（担保交易）」，从第 1 条移到第 2 条",
		"新增第 3 条「售后通道」",
		"删除了原第 3 条「发言规范」",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("descriptions\n%q\nwant\n%q", lines, want)
	}
	if got := Summary(cs); got != "新增 1 条，删除 1 条，修改 2 条" {
		t.Errorf("Summary = %q", got)
	}
	if got := Summary(nil); got != "没有改动" {
		t.Errorf("Summary(nil) = %q", got)
	}
}

func TestLineDiff(t *testing.T) {
	got := LineDiff("一\n二\n三\n四", "一\n三\n3.5\n四\n五")
	want := []Line{{Kept, "一"}, {Deleted, "二"}, {Kept, "三"}, {Inserted, "3.5"}, {Kept, "四"}, {Inserted, "五"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("LineDiff = %q, want %q", got, want)
	}
	if got := LineDiff("", ""); got != nil {
		t.Errorf("LineDiff of nothing = %q", got)
	}
}

// FuzzLineDiff holds what a line diff promises: the kept and deleted lines are the
// older text, the kept and inserted the newer, and nothing is kept that could have
// been — no line is deleted and inserted unchanged at one place.
func FuzzLineDiff(f *testing.F) {
	f.Add("一\n二\n三", "一\n三\n四")
	f.Add("", "a")
	f.Add("a\na\nb", "b\na\na")
	f.Add("入群须知\n\n发言", "\n\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 2000 || len(b) > 2000 {
			return
		}
		lines := LineDiff(a, b)
		var older, newer []string
		kept := 0
		for _, l := range lines {
			switch l.Op {
			case Kept:
				older, newer = append(older, l.Text), append(newer, l.Text)
				kept++
			case Deleted:
				older = append(older, l.Text)
			case Inserted:
				newer = append(newer, l.Text)
			default:
				t.Fatalf("op %q", l.Op)
			}
		}
		if got := strings.Join(older, "\n"); got != a {
			t.Fatalf("older text %q, want %q", got, a)
		}
		if got := strings.Join(newer, "\n"); got != b {
			t.Fatalf("newer text %q, want %q", got, b)
		}
		if want := len(commonLines(splitLines(a), splitLines(b))); kept != want {
			t.Fatalf("kept %d lines, the longest common run is %d", kept, want)
		}
	})
}

// FuzzDiff: every section of either version is accounted for once, and comparing a
// version with itself finds nothing.
func FuzzDiff(f *testing.F) {
	f.Add("入群须知|a\nb|禁止事项|c", "禁止事项|c|入群须知|a\nb\nd")
	f.Add("a|1|b|2|c|3", "c|3|b|2|a|1")
	f.Add("", "x|y")
	f.Fuzz(func(t *testing.T, a, b string) {
		parse := func(s string) []Section {
			if len(s) > 1000 {
				return nil
			}
			return secs(strings.Split(s, "|")...)
		}
		older, newer := parse(a), parse(b)
		if cs := Diff(older, older); len(cs) != 0 {
			t.Fatalf("a version differs from itself: %+v", cs)
		}
		cs := Diff(older, newer)
		from, to := map[int]bool{}, map[int]bool{}
		for _, c := range cs {
			if c.From > 0 {
				if from[c.From] {
					t.Fatalf("older section %d twice", c.From)
				}
				from[c.From] = true
			}
			if c.To > 0 {
				if to[c.To] {
					t.Fatalf("newer section %d twice", c.To)
				}
				to[c.To] = true
			}
		}
		if Same(older, newer) != (len(cs) == 0) {
			t.Fatalf("Same = %v with %d changes", Same(older, newer), len(cs))
		}
	})
}

// bigRules are MaxSections sections of about MaxBodyLen characters in 25 lines each:
// the largest rules an owner can save.
func bigRules(edit int) []Section {
	ss := make([]Section, MaxSections)
	for i := range ss {
		lines := make([]string, 25)
		for k := range lines {
			lines[k] = strings.Repeat("规", 36) + string(rune('a'+(k+i+edit)%26))
		}
		ss[i] = Section{Title: "第" + string(rune('A'+i)) + "条", Body: strings.Join(lines, "\n")}
	}
	return ss
}

// Comparing the largest rules with a version where every line of every section
// changed: the worst the history tab asks for.
func BenchmarkDiffLargestRules(b *testing.B) {
	older, newer := bigRules(0), bigRules(1)
	for b.Loop() {
		if cs := Diff(older, newer); len(cs) != MaxSections {
			b.Fatalf("%d changes", len(cs))
		}
	}
}

func BenchmarkCheckLargestRules(b *testing.B) {
	ss := bigRules(0)
	for b.Loop() {
		if ps := Check(ss, ""); len(ps) != 0 {
			b.Fatal(ps)
		}
	}
}
