package rulebook

import (
	"fmt"
	"strings"
)

// ChangeKind says what happened to a section between two versions.
type ChangeKind int

// The kinds of change.
const (
	Added   ChangeKind = iota + 1 // only in the newer version
	Removed                       // only in the older version
	Changed                       // in both, renamed, edited or moved
)

// Change is what happened to one section between an older and a newer version.
// Sections that stayed as they were have no Change.
type Change struct {
	Kind     ChangeKind
	Title    string // the newer title (the older one for Removed)
	OldTitle string // the older title when Renamed
	Renamed  bool
	Edited   bool // the text changed: Lines says how
	Moved    bool // it stands elsewhere among the sections both versions have
	From, To int  // 1-based positions in the older and newer version; 0 where it is not
	Lines    []Line
}

// Describe says the change in one Chinese line, such as 修改了「交易规则」的内容.
func (c Change) Describe() string {
	switch c.Kind {
	case Added:
		return fmt.Sprintf("新增第 %d 条「%s」", c.To, c.Title)
	case Removed:
		return fmt.Sprintf("删除了原第 %d 条「%s」", c.From, c.Title)
	}
	var parts []string
	if c.Renamed {
		parts = append(parts, fmt.Sprintf("标题由「%s」改为「%s」", c.OldTitle, c.Title))
	}
	if c.Edited {
		parts = append(parts, "修改了内容")
	}
	if c.Moved {
		parts = append(parts, fmt.Sprintf("从第 %d 条移到第 %d 条", c.From, c.To))
	}
	if c.Renamed {
		return strings.Join(parts, "，")
	}
	return "「" + c.Title + "」" + strings.Join(parts, "，")
}

// Summary counts changes in one line for a list: 新增 1 条，修改 2 条.
func Summary(cs []Change) string {
	var added, removed, changed, moved int
	for _, c := range cs {
		switch {
		case c.Kind == Added:
			added++
		case c.Kind == Removed:
			removed++
		case c.Renamed || c.Edited:
			changed++
		default:
			moved++
		}
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{added, "新增"}, {removed, "删除"}, {changed, "修改"}, {moved, "调整顺序"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 条", p.what, p.n))
		}
	}
	if len(parts) == 0 {
		return "没有改动"
	}
	return strings.Join(parts, "，")
}

// Diff says what changed from older to newer, in the newer version's order with the
// removed sections last. A section is followed across versions by its title; one
// whose title changed is found by its text (the same, or mostly the same lines).
func Diff(older, newer []Section) []Change {
	older, newer = TidyAll(older), TidyAll(newer)
	match := matchSections(older, newer) // match[j] = index in older, or -1
	moved := movedSections(match)
	var cs []Change
	for j, s := range newer {
		i := match[j]
		if i < 0 {
			cs = append(cs, Change{Kind: Added, Title: s.Title, To: j + 1})
			continue
		}
		o := older[i]
		c := Change{Kind: Changed, Title: s.Title, From: i + 1, To: j + 1,
			Renamed: o.Title != s.Title, Edited: o.Body != s.Body, Moved: moved[j]}
		if c.Renamed {
			c.OldTitle = o.Title
		}
		if c.Edited {
			c.Lines = LineDiff(o.Body, s.Body)
		}
		if c.Renamed || c.Edited || c.Moved {
			cs = append(cs, c)
		}
	}
	used := make([]bool, len(older))
	for _, i := range match {
		if i >= 0 {
			used[i] = true
		}
	}
	for i, s := range older {
		if !used[i] {
			cs = append(cs, Change{Kind: Removed, Title: s.Title, From: i + 1})
		}
	}
	return cs
}

// matchSections pairs each newer section with an older one: the same title first,
// then the same text, then text that kept at least half its lines.
func matchSections(older, newer []Section) []int {
	match := make([]int, len(newer))
	used := make([]bool, len(older))
	for j := range match {
		match[j] = -1
	}
	pass := func(same func(o, n Section) bool) {
		for j, n := range newer {
			if match[j] >= 0 {
				continue
			}
			for i, o := range older {
				if !used[i] && same(o, n) {
					match[j], used[i] = i, true
					break
				}
			}
		}
	}
	pass(func(o, n Section) bool { return o.Title == n.Title })
	pass(func(o, n Section) bool { return o.Body != "" && o.Body == n.Body })
	pass(func(o, n Section) bool { return similar(o.Body, n.Body) })
	return match
}

// similar tells whether two texts share at least half their lines, in order.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	return 2*len(commonLines(la, lb)) >= max(len(la), len(lb))
}

// movedSections marks the matched sections that changed places among the matched
// ones: all but a longest run kept in the older order.
func movedSections(match []int) []bool {
	var js []int // newer indexes of matched sections, in newer order
	for j, i := range match {
		if i >= 0 {
			js = append(js, j)
		}
	}
	// Longest increasing subsequence of older positions, O(n²): n ≤ MaxSections.
	n := len(js)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for a := range n {
		length[a], prev[a] = 1, -1
		for b := range a {
			if match[js[b]] < match[js[a]] && length[b]+1 > length[a] {
				length[a], prev[a] = length[b]+1, b
			}
		}
		if best < 0 || length[a] > length[best] {
			best = a
		}
	}
	moved := make([]bool, len(match))
	for _, j := range js {
		moved[j] = true
	}
	for a := best; a >= 0; a = prev[a] {
		moved[js[a]] = false
	}
	return moved
}
