package posts

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/qunhuo/qunhuo/data"
)

// PartError is owner's text that cannot become a template yet. Error() is a Chinese
// sentence that names the part and the line; it never shows template syntax.
type PartError struct {
	Part    PartKey // "" when it is about the whole post
	Line    int     // 1-based line of the part, or 0
	Message string
}

// Error is the owner's message: safe to show as it is.
func (e *PartError) Error() string { return e.Message }

// item is a piece of a line of owner's text: literal text, a placeholder, or a
// bracketed piece shown only when its placeholders have values.
type item struct {
	text string
	ph   *Placeholder
	seg  []item
}

type ownerLine []item

// cond is when a line or a piece is shown: any of the sets whose fields all have a
// value (an "or" of "and"s). nil means always.
type cond [][]string

// Template turns the parts into the Go template the store keeps. It refuses, with a
// *PartError, an unknown placeholder, a brace without its pair, or parts that make an
// empty post. What it returns always passes Check.
func (p Parts) Template() (string, error) {
	specs := PartSpecs(p.Kind)
	if specs == nil {
		return "", &PartError{Message: "没有这种公告模板。"}
	}
	gen := map[PartKey]string{}
	for _, s := range specs {
		lines, err := parsePart(s, p.Text[s.Key])
		if err != nil {
			return "", err
		}
		gen[s.Key] = emitLines(s, lines)
	}
	body := assemble(p.Kind, p.Text, gen)
	if err := Check(p.Kind, body); err != nil {
		return "", &PartError{Message: "按现在写的内容，公告是空的。请至少在一个部分里写上要发的话。"}
	}
	return body, nil
}

// assemble puts the parts' templates together in the shape of kind's post.
func assemble(kind data.PostKind, text, gen map[PartKey]string) string {
	var b strings.Builder
	b.WriteString(gen[PartHeader])
	if kind == data.PostIndex && (text[PartCategory] != "" || text[PartResource] != "" || text[PartEmpty] != "") {
		b.WriteString("{{range .Categories}}" + gen[PartCategory])
		if text[PartResource] != "" {
			b.WriteString("{{range .Resources}}" + gen[PartResource] + "{{end}}")
		}
		if text[PartEmpty] != "" {
			b.WriteString("{{else}}" + gen[PartEmpty])
		}
		b.WriteString("{{end}}")
	}
	if kind == data.PostNewStock || kind == data.PostReply {
		b.WriteString(gen[PartResource])
	}
	b.WriteString(gen[PartFooter])
	return b.String()
}

// parsePart reads the owner's text of one part into lines.
func parsePart(s PartSpec, text string) ([]ownerLine, error) {
	if text == "" {
		return nil, nil
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var lines []ownerLine
	for i, line := range strings.Split(text, "\n") {
		l, err := parseLine(s, []rune(line))
		if err != nil {
			return nil, &PartError{Part: s.Key, Line: i + 1,
				Message: fmt.Sprintf("「%s」第 %d 行：%s", s.Label, i+1, err.Error())}
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// problem is what is wrong in a line, without the part and line.
type problem string

func (p problem) Error() string { return string(p) }

// parseLine reads one line: text, {placeholders} and [pieces] that hold an optional
// placeholder. Brackets that hold none are ordinary text.
func parseLine(s PartSpec, rs []rune) (ownerLine, error) {
	var l ownerLine
	for i := 0; i < len(rs); {
		if rs[i] == '[' {
			if end := closingBracket(rs, i); end > 0 {
				inner, err := parseInline(s, rs[i+1:end])
				if err != nil {
					return nil, err
				}
				if hasOptional(inner) {
					l = append(l, item{seg: inner})
					i = end + 1
					continue
				}
			}
			l = appendText(l, "[")
			i++
			continue
		}
		next := i + 1
		for next < len(rs) && rs[next] != '[' {
			next++
		}
		inline, err := parseInline(s, rs[i:next])
		if err != nil {
			return nil, err
		}
		for _, it := range inline {
			if it.ph != nil {
				l = append(l, it)
			} else {
				l = appendText(l, it.text)
			}
		}
		i = next
	}
	return l, nil
}

// closingBracket finds the ] that closes the [ at i, with no [ between; -1 if none.
func closingBracket(rs []rune, i int) int {
	for j := i + 1; j < len(rs); j++ {
		switch rs[j] {
		case ']':
			return j
		case '[':
			return -1
		}
	}
	return -1
}

// parseInline reads text and placeholders.
func parseInline(s PartSpec, rs []rune) ([]item, error) {
	var out []item
	for i := 0; i < len(rs); {
		switch rs[i] {
		case '}':
			return nil, problem("多了一个 }。大括号只用来写占位符，如 {名称}；想在公告里用括号，请用「」或（）。")
		case '{':
			end := i + 1
			for end < len(rs) && rs[end] != '}' && rs[end] != '{' {
				end++
			}
			if end == len(rs) || rs[end] == '{' {
				return nil, problem("有一个 { 没有配对的 }。占位符要写成 {名称} 这样，点上面的按钮插入最方便。")
			}
			p, err := lookup(s, strings.TrimFunc(string(rs[i+1:end]), unicode.IsSpace))
			if err != nil {
				return nil, err
			}
			out = append(out, item{ph: &p})
			i = end + 1
		default:
			end := i
			for end < len(rs) && rs[end] != '{' && rs[end] != '}' {
				end++
			}
			out = appendText(out, string(rs[i:end]))
			i = end
		}
	}
	return out, nil
}

// lookup finds placeholder name in part s, or says what can be used instead.
func lookup(s PartSpec, name string) (Placeholder, error) {
	if p, ok := s.find(name); ok {
		return p, nil
	}
	var names []string
	for _, p := range s.Placeholders {
		names = append(names, p.Written())
	}
	available := "，这里可用的有：" + strings.Join(names, " ")
	if name == "" {
		return Placeholder{}, problem("{} 里要写占位符的名字" + available)
	}
	if knownElsewhere(name) {
		return Placeholder{}, problem("{" + name + "} 不能用在「" + s.Label + "」里" + available)
	}
	return Placeholder{}, problem("不认识的占位符 {" + name + "}" + available)
}

func knownElsewhere(name string) bool {
	for _, kind := range []data.PostKind{data.PostIndex, data.PostNewStock, data.PostReply} {
		for _, s := range PartSpecs(kind) {
			if _, ok := s.find(name); ok {
				return true
			}
		}
	}
	return false
}

func appendText(items []item, text string) []item {
	if text == "" {
		return items
	}
	if n := len(items); n > 0 && items[n-1].ph == nil && items[n-1].seg == nil {
		items[n-1].text += text
		return items
	}
	return append(items, item{text: text})
}

func hasOptional(items []item) bool {
	for _, it := range items {
		if it.ph != nil && it.ph.optional {
			return true
		}
	}
	return false
}

// segCond is when a bracketed piece is shown: all its optional placeholders have values.
func segCond(s PartSpec, seg []item) cond {
	var refs []string
	for _, it := range seg {
		if it.ph != nil && it.ph.optional {
			refs = addRef(refs, s.condRef(*it.ph))
		}
	}
	if len(refs) == 0 {
		return nil
	}
	return cond{refs}
}

// lineCond is when a line is shown: when its optional placeholders outside brackets
// have values; a line of nothing but bracketed pieces when any of them is shown;
// else always (nil).
func lineCond(s PartSpec, l ownerLine) cond {
	var outside []string
	onlyPieces, pieces := true, cond{}
	for _, it := range l {
		switch {
		case it.seg != nil:
			pieces = append(pieces, segCond(s, it.seg)...)
		case it.ph != nil:
			onlyPieces = false
			if it.ph.optional {
				outside = addRef(outside, s.condRef(*it.ph))
			}
		case strings.TrimFunc(it.text, unicode.IsSpace) != "":
			onlyPieces = false
		}
	}
	switch {
	case len(outside) > 0:
		return cond{outside}
	case onlyPieces && len(pieces) > 0:
		return pieces
	}
	return nil
}

func addRef(refs []string, ref string) []string {
	if slices.Contains(refs, ref) {
		return refs
	}
	return append(refs, ref)
}

// goText writes c as a template condition: .A, and .A .B, or (and .A .B) .C.
func (c cond) goText() string {
	and := func(refs []string) string {
		if len(refs) == 1 {
			return refs[0]
		}
		return "and " + strings.Join(refs, " ")
	}
	if len(c) == 1 {
		return and(c[0])
	}
	terms := make([]string, len(c))
	for i, refs := range c {
		terms[i] = and(refs)
		if len(refs) > 1 {
			terms[i] = "(" + terms[i] + ")"
		}
	}
	return "or " + strings.Join(terms, " ")
}

// key is c in a form where equal conditions are equal strings.
func (c cond) key() string {
	terms := make([]string, 0, len(c))
	for _, refs := range c {
		r := slices.Clone(refs)
		slices.Sort(r)
		terms = append(terms, strings.Join(slices.Compact(r), "&"))
	}
	slices.Sort(terms)
	return strings.Join(slices.Compact(terms), "|")
}

// emitLines writes the lines of one part as template text, each line ending in "\n".
func emitLines(s PartSpec, lines []ownerLine) string {
	var b strings.Builder
	for _, l := range lines {
		c := lineCond(s, l)
		if c != nil {
			b.WriteString("{{if " + c.goText() + "}}")
		}
		emitItems(&b, s, l)
		b.WriteString("\n")
		if c != nil {
			b.WriteString("{{end}}")
		}
	}
	return b.String()
}

func emitItems(b *strings.Builder, s PartSpec, items []item) {
	for _, it := range items {
		switch {
		case it.seg != nil:
			b.WriteString("{{if " + segCond(s, it.seg).goText() + "}}")
			emitItems(b, s, it.seg)
			b.WriteString("{{end}}")
		case it.ph != nil:
			b.WriteString("{{" + s.ref(*it.ph) + "}}")
		default:
			b.WriteString(it.text)
		}
	}
}

// lineText writes a line back as the owner's text. A line that is one bracketed piece
// is written without the brackets: it means the same and reads more simply.
func lineText(l ownerLine) string {
	if len(l) == 1 && l[0].seg != nil {
		return itemsText(l[0].seg)
	}
	return itemsText(l)
}

func itemsText(items []item) string {
	var b strings.Builder
	for _, it := range items {
		switch {
		case it.seg != nil:
			b.WriteString("[" + itemsText(it.seg) + "]")
		case it.ph != nil:
			b.WriteString(it.ph.Written())
		default:
			b.WriteString(it.text)
		}
	}
	return b.String()
}
