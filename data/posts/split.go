package posts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPartRunes is the longest part a post is split into, in characters (runes),
// marker included: QQ takes longer messages, but members scroll past walls of text.
const MaxPartRunes = 1500

// minPartRunes keeps room for the marker and some text whatever limit is asked for.
const minPartRunes = 40

// paragraphBonus is how much nearer to the ideal length, as a share of it, a cut at a
// blank line (between categories) counts: a part may be up to 1/8 longer or shorter
// than the others so that the next one starts with a category's heading.
const paragraphBonus = 8

// Split cuts a post longer than limit characters (runes) into numbered parts for the
// owner to copy one by one. A post that fits is returned alone and unchanged.
//
// Otherwise each part is a marker line "(k/n)\n" and a body of whole lines of text:
//
//   - a part has at most limit characters, its marker included;
//   - there are as few parts as the limit allows, and they are balanced: no part is
//     more than 1/8 longer than the shortest longest part any cut could give that
//     keeps together the lines that belong together (below), and
//     each part aims at the average length of what is left, so parts differ by about
//     a resource's lines plus the 1/8 a cut at a blank line (before a category's
//     heading) may earn. For an index post whose resources take one or two lines,
//     the shortest part is at least 60 % of the longest (TestSplitCatalogs);
//   - a part never starts or ends with a blank line: the blank lines and line breaks
//     where the post is cut are left out, otherwise the bodies are the text in order;
//   - lines that belong together stay in one part: the first line of a paragraph (a
//     category's heading) with the line after it, an indented line (a resource's
//     兑换 line) with the line before it, and, when the text has three paragraphs or
//     more, the first one (the title) and the last one (the footer) with the
//     paragraph next to them, so no part holds only a header or a footer.
//
// Lines that belong together are parted only when they do not fit in one part
// together, and a single line longer than a part is cut between words, or inside a
// word that is too long. A text that is only blank lines gives one empty part.
// limit is normally MaxPartRunes; values under 40 are taken as 40.
func Split(text string, limit int) []string {
	limit = max(limit, minPartRunes)
	if utf8.RuneCountInString(text) <= limit {
		return []string{text}
	}
	// The marker's length depends on how many parts there are, so try one-digit
	// counts first, then two, and so on; k ≤ n keeps every marker within markerLen.
	for digits := 1; ; digits++ {
		room := max(limit-markerLen(digits), 1) // 1 only with absurd part counts
		bodies := balance(text, layout(text, room), room)
		if len(bodies) == 1 {
			return bodies // only blank lines made the text too long
		}
		if len(bodies) < pow10(digits) {
			return mark(bodies)
		}
	}
}

// markerLen is the length in runes of "(k/n)\n" when n has digits digits.
func markerLen(digits int) int { return 2*digits + 4 }

// marker is the first line of part k of n, such as "(1/3)\n".
func marker(k, n int) string {
	return "(" + strconv.Itoa(k) + "/" + strconv.Itoa(n) + ")\n"
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

func mark(bodies []string) []string {
	parts := make([]string, len(bodies))
	for i, b := range bodies {
		parts[i] = marker(i+1, len(bodies)) + b
	}
	return parts
}

// piece is a stretch of text a part never cuts: a line without its line break and
// trailing spaces, or a word of a line too long for a part.
type piece struct {
	start, end   int  // in bytes of the text
	rStart, rEnd int  // the same in runes
	stick        bool // must share its part with the next piece
	blankAfter   bool // a blank line follows: the best place to end a part
}

// layout cuts text into pieces no longer than room runes and marks which belong
// together (see Split). Blank lines are no pieces.
func layout(text string, room int) []piece {
	var pieces []piece
	var paragraphs []int // index in pieces where each paragraph starts
	lineStart, runes := 0, 0
	newParagraph := true
	for lineStart <= len(text) {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += lineStart
		}
		line := text[lineStart:end]
		content := strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(content) == "" {
			if len(pieces) > 0 {
				pieces[len(pieces)-1].blankAfter = true
			}
			newParagraph = true
		} else {
			first := len(pieces)
			if newParagraph {
				paragraphs = append(paragraphs, first)
			} else if startsIndented(content) || first == paragraphs[len(paragraphs)-1]+1 {
				// An indented line goes with the line before it, and a heading
				// (a paragraph's first line) with the line after it.
				pieces[first-1].stick = true
			}
			newParagraph = false
			pieces = appendLine(pieces, text, lineStart, len(content), runes, room)
		}
		runes += utf8.RuneCountInString(line) + 1
		lineStart = end + 1
	}
	if len(pieces) > 0 {
		pieces[len(pieces)-1].blankAfter = false
	}
	stickHeaderAndFooter(pieces, paragraphs)
	unstickOversized(pieces, room)
	return pieces
}

// startsIndented tells whether a line begins with a space, such as a resource's
// second line under its ● line.
func startsIndented(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return r == ' ' || r == '\t' || r == '\u3000'
}

// appendLine adds the line text[start:start+n], which begins at rune offset runes, as
// one piece, or as the pieces of its words when it is longer than room.
func appendLine(pieces []piece, text string, start, n, runes, room int) []piece {
	line := text[start : start+n]
	count := utf8.RuneCountInString(line)
	if count <= room {
		return append(pieces, piece{start: start, end: start + n, rStart: runes, rEnd: runes + count})
	}
	// Words small enough to balance the parts by; longer ones are cut every word runes.
	word := max(room/8, 1)
	i, r := 0, runes
	for i < len(line) {
		c, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsSpace(c) {
			i, r = i+size, r+1
			continue
		}
		p := piece{start: start + i, rStart: r}
		for k := 0; k < word && i < len(line); k++ {
			c, size = utf8.DecodeRuneInString(line[i:])
			if unicode.IsSpace(c) {
				break
			}
			i, r = i+size, r+1
		}
		p.end, p.rEnd = start+i, r
		pieces = append(pieces, p)
	}
	return pieces
}

// stickHeaderAndFooter keeps the first paragraph with the one after it and the last
// with the one before it, when there are three or more, so neither is a part alone.
func stickHeaderAndFooter(pieces []piece, paragraphs []int) {
	if len(paragraphs) < 3 {
		return
	}
	for i := 0; i < paragraphs[1]; i++ {
		pieces[i].stick = true
	}
	for i := paragraphs[len(paragraphs)-1] - 1; i < len(pieces)-1; i++ {
		pieces[i].stick = true
	}
}

// unstickOversized frees the pieces of any group held together that is longer than
// room: keeping lines together is a wish, the limit is a rule.
func unstickOversized(pieces []piece, room int) {
	for i := 0; i < len(pieces); {
		j := i
		for j < len(pieces)-1 && pieces[j].stick {
			j++
		}
		if pieces[j].rEnd-pieces[i].rStart > room {
			for k := i; k < j; k++ {
				pieces[k].stick = false
			}
		}
		i = j + 1
	}
}

// atoms are the groups of pieces that share a part, as parallel slices: the runes
// and bytes each spans, and whether a blank line follows it.
type atoms struct {
	rStart, rEnd []int
	start, end   []int
	blankAfter   []bool
}

func groupPieces(pieces []piece) atoms {
	var a atoms
	for i := 0; i < len(pieces); i++ {
		first := i
		for i < len(pieces)-1 && pieces[i].stick {
			i++
		}
		a.rStart = append(a.rStart, pieces[first].rStart)
		a.rEnd = append(a.rEnd, pieces[i].rEnd)
		a.start = append(a.start, pieces[first].start)
		a.end = append(a.end, pieces[i].end)
		a.blankAfter = append(a.blankAfter, pieces[i].blankAfter)
	}
	return a
}

func (a atoms) len() int { return len(a.rStart) }

// span is the length in runes of a part holding atoms i to j-1.
func (a atoms) span(i, j int) int { return a.rEnd[j-1] - a.rStart[i] }

// reach returns, for every atom i, the end j of the longest part of at most capacity
// runes starting at i, and fewest[i], how many parts atoms i… need at the least
// (taking the longest part each time is the fewest). Every atom must fit capacity.
func (a atoms) reach(capacity int) (reach, fewest []int) {
	n := a.len()
	reach, fewest = make([]int, n), make([]int, n+1)
	j := 0
	for i := range n {
		j = max(j, i+1)
		for j < n && a.span(i, j+1) <= capacity {
			j++
		}
		reach[i] = j
	}
	for i := n - 1; i >= 0; i-- {
		fewest[i] = 1 + fewest[reach[i]]
	}
	return reach, fewest
}

// balance cuts the pieces into as few parts of at most room runes as possible, the
// longest part as short as possible and each part near the average of what is left,
// and returns the parts' text.
func balance(text string, pieces []piece, room int) []string {
	a := groupPieces(pieces)
	n := a.len()
	if n == 0 {
		return []string{""}
	}
	_, fewest := a.reach(room)
	parts := fewest[0]
	// The shortest capacity that still needs no more parts.
	lo, hi := 1, room
	for i := range n {
		lo = max(lo, a.span(i, i+1))
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if _, f := a.reach(mid); f[0] <= parts {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// A part may be longer than that by the bonus a blank line earns, so that parts
	// can start with a category's heading.
	reach, fewest := a.reach(min(room, lo+lo/paragraphBonus))
	bodies := make([]string, 0, parts)
	for i, left := 0, parts; i < n; left-- {
		j := a.cut(i, left, reach[i], fewest)
		bodies = append(bodies, text[a.start[i]:a.end[j-1]])
		i = j
	}
	return bodies
}

// cut chooses where the part starting at atom i ends, left parts being left for the
// rest: the end nearest to an equal share of the rest, a blank line counting as
// nearer, among the ends up to reach after which the rest still fits in left-1 parts.
func (a atoms) cut(i, left, reach int, fewest []int) int {
	n := a.len()
	if left <= 1 {
		return n
	}
	share := float64(a.span(i, n)) / float64(left)
	best, bestScore := -1, 0.0
	for j := i + 1; j <= reach; j++ {
		if fewest[j] > left-1 {
			continue
		}
		score := abs(float64(a.span(i, j)) - share)
		if a.blankAfter[j-1] {
			score -= share / paragraphBonus
		}
		if best < 0 || score < bestScore {
			best, bestScore = j, score
		}
	}
	return best
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
