package posts

import (
	"strings"
	"unicode"

	"github.com/qunhuo/qunhuo/data"
)

// Shows tells whether any part shows the piece: its switch is on.
func (p Parts) Shows(pc Piece) bool {
	for _, text := range p.Text {
		for _, name := range placeholderNames(text) {
			if pc.has(name) {
				return true
			}
		}
	}
	return false
}

// placeholderNames lists the names written in braces in text, leniently: it is used
// on text the owner is still typing.
func placeholderNames(text string) []string {
	var names []string
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			return names
		}
		text = text[open+1:]
		end := strings.IndexAny(text, "{}")
		if end < 0 {
			return names
		}
		if text[end] == '}' {
			names = append(names, strings.TrimFunc(text[:end], unicode.IsSpace))
			text = text[end+1:]
		}
	}
}

// Without turns the piece off: bracketed pieces that show it go, and so do lines that
// show it outside brackets, or that held nothing else.
func (p Parts) Without(pc Piece) Parts {
	out := Parts{Kind: p.Kind, Text: map[PartKey]string{}}
	for _, s := range PartSpecs(p.Kind) {
		text := p.Text[s.Key]
		if text == "" {
			continue
		}
		var kept []string
		for _, line := range strings.Split(text, "\n") {
			if l, keep := withoutInLine(s, line, pc); keep {
				kept = append(kept, l)
			}
		}
		out.Text[s.Key] = strings.Join(kept, "\n")
	}
	return out
}

func withoutInLine(s PartSpec, line string, pc Piece) (string, bool) {
	l, err := parseLine(s, []rune(line))
	if err != nil {
		for _, name := range placeholderNames(line) {
			if pc.has(name) {
				return "", false
			}
		}
		return line, true
	}
	var kept ownerLine
	hadPieces, removed := false, false
	for _, it := range l {
		switch {
		case it.ph != nil && pc.has(it.ph.Name):
			return "", false
		case it.seg != nil:
			hadPieces = true
			if showsPiece(it.seg, pc) {
				removed = true
				continue
			}
		}
		kept = append(kept, it)
	}
	if !removed {
		return line, true
	}
	if hadPieces && onlyPieces(l) && !hasPieces(kept) {
		return "", false // nothing is left that the line was for
	}
	return itemsText(kept), true
}

func showsPiece(items []item, pc Piece) bool {
	for _, it := range items {
		if it.ph != nil && pc.has(it.ph.Name) {
			return true
		}
	}
	return false
}

func hasPieces(l ownerLine) bool {
	for _, it := range l {
		if it.seg != nil {
			return true
		}
	}
	return false
}

// With turns the piece on when no part shows it yet, in the place and words the
// default templates use: after the price, at the end of the price's line, or as a line
// of its own in a 上新 post.
func (p Parts) With(pc Piece) Parts {
	if p.Shows(pc) {
		return p
	}
	out := Parts{Kind: p.Kind, Text: map[PartKey]string{}}
	for k, v := range p.Text {
		out.Text[k] = v
	}
	price := phPrice.Written()
	index := p.Kind == data.PostIndex
	switch pc.Label {
	case PieceOriginal.Label:
		seg := "[（原价{原价}）]"
		if !index {
			seg = "[（原价{原价}，立省{立省}）]"
		}
		out.Text[PartResource] = addAfter(out.Text[PartResource], price, seg)
	case PieceDeadline.Label:
		if index {
			out.Text[PartResource] = addToLine(out.Text[PartResource], price, "[ ☆限时至 {截止}]")
		} else {
			out.Text[PartResource] = addLineAfter(out.Text[PartResource], "", "● 限时至 {截止}，过时不候")
		}
	case PieceStock.Label:
		if index {
			out.Text[PartResource] = addToLine(out.Text[PartResource], price, " 库存：{库存}")
		} else {
			out.Text[PartResource] = addLineAfter(out.Text[PartResource], price, "● 库存：{库存}")
		}
	}
	return out
}

// addAfter puts add right after the first mark, or at the end of the first line.
func addAfter(text, mark, add string) string {
	if strings.Contains(text, mark) {
		return strings.Replace(text, mark, mark+add, 1)
	}
	return addToLine(text, mark, add)
}

// addToLine adds add at the end of the first line with mark, or of the first line.
func addToLine(text, mark, add string) string {
	lines := strings.Split(text, "\n")
	at := lineWithMark(lines, mark)
	if at < 0 {
		at = 0
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				at = i
				break
			}
		}
	}
	lines[at] += add
	return strings.Join(lines, "\n")
}

// addLineAfter adds line after the first line with mark, or after the last line.
func addLineAfter(text, mark, line string) string {
	if text == "" {
		return line
	}
	lines := strings.Split(text, "\n")
	at := len(lines) - 1
	if mark != "" {
		if i := lineWithMark(lines, mark); i >= 0 {
			at = i
		}
	}
	lines = append(lines[:at+1], append([]string{line}, lines[at+1:]...)...)
	return strings.Join(lines, "\n")
}

func lineWithMark(lines []string, mark string) int {
	if mark == "" {
		return -1
	}
	for i, l := range lines {
		if strings.Contains(l, mark) {
			return i
		}
	}
	return -1
}
