package rulebook

import "strings"

// LineOp says what became of a line between two texts.
type LineOp byte

// The line operations, written as in a diff.
const (
	Kept     LineOp = ' '
	Inserted LineOp = '+'
	Deleted  LineOp = '-'
)

// Line is one line of a line diff.
type Line struct {
	Op   LineOp
	Text string
}

// LineDiff says line by line how text a became text b: the lines both keep, in
// order, as many as can be (a longest common subsequence), with what a lost before
// what b gained at each place. An empty text has no lines.
func LineDiff(a, b string) []Line {
	la, lb := splitLines(a), splitLines(b)
	common := commonLines(la, lb)
	var out []Line
	i, j := 0, 0
	for _, c := range common {
		for ; i < c[0]; i++ {
			out = append(out, Line{Deleted, la[i]})
		}
		for ; j < c[1]; j++ {
			out = append(out, Line{Inserted, lb[j]})
		}
		out = append(out, Line{Kept, la[i]})
		i, j = i+1, j+1
	}
	for ; i < len(la); i++ {
		out = append(out, Line{Deleted, la[i]})
	}
	for ; j < len(lb); j++ {
		out = append(out, Line{Inserted, lb[j]})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// commonLines returns the index pairs of a longest common subsequence of a and b.
// O(len(a)·len(b)): a section's text is at most MaxBodyLen characters, so a few
// hundred lines at worst.
func commonLines(a, b []string) [][2]int {
	n, m := len(a), len(b)
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
