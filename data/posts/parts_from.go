package posts

import (
	"errors"
	"strconv"
	"strings"
	"text/template"
	tparse "text/template/parse"
	"time"
	"unicode"

	"github.com/qunhuo/qunhuo/data"
)

// ErrNotParts is a template that the owner's mode cannot show: it was written in the
// advanced mode with something parts have no words for (a function, a {{with}}, a
// condition that does not match what it shows…). It stays in the advanced mode.
var ErrNotParts = errors.New("posts: template cannot be shown as parts")

// PartsOf shows a stored template (the default or the owner's) in parts. The parts are
// only returned when their template renders exactly as body does on sample posts that
// take every branch; otherwise the error is ErrNotParts.
func PartsOf(kind data.PostKind, body string) (Parts, error) {
	t, err := template.New(templateName).Parse(body)
	if err != nil || len(t.Templates()) != 1 || t.Tree == nil {
		return Parts{}, ErrNotParts
	}
	var p Parts
	switch kind {
	case data.PostIndex:
		p, err = indexParts(t.Tree.Root)
	case data.PostNewStock:
		p, err = newStockParts(t.Tree.Root)
	case data.PostReply:
		p, err = replyParts(t.Tree.Root)
	default:
		err = ErrNotParts
	}
	if err != nil {
		return Parts{}, err
	}
	again, err := p.Template()
	if err != nil || !sameRendering(kind, body, again) {
		return Parts{}, ErrNotParts
	}
	return p, nil
}

// indexParts finds the parts in {{range .Categories}}…{{range .Resources}}…{{end}}
// {{else}}…{{end}} with a header before and a footer after.
func indexParts(root *tparse.ListNode) (Parts, error) {
	specs := map[PartKey]PartSpec{}
	for _, s := range PartSpecs(data.PostIndex) {
		specs[s.Key] = s
	}
	p := Parts{Kind: data.PostIndex, Text: map[PartKey]string{}}
	header, cats, footer, err := splitAtRange(root.Nodes, ".Categories")
	if err != nil {
		return Parts{}, err
	}
	if err := p.convert(specs[PartHeader], header); err != nil {
		return Parts{}, err
	}
	if err := p.convert(specs[PartFooter], footer); err != nil {
		return Parts{}, err
	}
	if cats == nil {
		return p, nil
	}
	perCat, res, after, err := splitAtRange(cats.List.Nodes, ".Resources")
	if err != nil || len(after) > 0 || (res != nil && res.ElseList != nil) {
		return Parts{}, ErrNotParts
	}
	if err := p.convert(specs[PartCategory], perCat); err != nil {
		return Parts{}, err
	}
	if res != nil {
		if err := p.convert(specs[PartResource], res.List.Nodes); err != nil {
			return Parts{}, err
		}
	}
	if cats.ElseList != nil {
		if err := p.convert(specs[PartEmpty], cats.ElseList.Nodes); err != nil {
			return Parts{}, err
		}
	}
	return p, nil
}

// splitAtRange splits nodes at their one {{range field}}, if any.
func splitAtRange(nodes []tparse.Node, field string) (before []tparse.Node, r *tparse.RangeNode, after []tparse.Node, err error) {
	for i, n := range nodes {
		rn, ok := n.(*tparse.RangeNode)
		if !ok {
			continue
		}
		if r != nil || len(rn.Pipe.Decl) > 0 || len(rn.Pipe.Cmds) != 1 || len(rn.Pipe.Cmds[0].Args) != 1 ||
			rn.Pipe.Cmds[0].Args[0].String() != field {
			return nil, nil, nil, ErrNotParts
		}
		r, before, after = rn, nodes[:i], nodes[i+1:]
	}
	if r == nil {
		return nodes, nil, nil, nil
	}
	return before, r, after, nil
}

// newStockParts reads the 上新 template, which has no ranges, and splits its lines:
// the first is the header, from the last blank line on is the footer.
func newStockParts(root *tparse.ListNode) (Parts, error) {
	specs := PartSpecs(data.PostNewStock)
	c := &fromTemplate{spec: specs[0]}
	if err := c.lines(root.Nodes); err != nil {
		return Parts{}, err
	}
	lines := c.done
	footer := len(lines)
	for i := len(lines) - 1; i >= 1; i-- {
		if strings.TrimFunc(itemsText(lines[i]), unicode.IsSpace) == "" {
			footer = i
			break
		}
	}
	p := Parts{Kind: data.PostNewStock, Text: map[PartKey]string{}}
	if len(lines) > 0 {
		p.Text[PartHeader] = linesText(lines[:1])
		p.Text[PartResource] = linesText(lines[1:footer])
		p.Text[PartFooter] = linesText(lines[footer:])
	}
	return p, nil
}

// convert reads nodes as the owner's text of part s.
func (p *Parts) convert(s PartSpec, nodes []tparse.Node) error {
	c := &fromTemplate{spec: s}
	if err := c.lines(nodes); err != nil {
		return err
	}
	p.Text[s.Key] = linesText(c.done)
	return nil
}

func linesText(lines []ownerLine) string {
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = lineText(l)
	}
	return strings.Join(texts, "\n")
}

// fromTemplate reads template nodes into the owner's lines, checking that every
// {{if}} is one the owner's rules would write: around a bracketed piece, or around
// whole lines, with exactly the condition those rules give.
type fromTemplate struct {
	spec PartSpec
	done []ownerLine
	cur  ownerLine
	wrap cond // the {{if}} around the current lines, or nil
	in   bool // inside such an {{if}}
}

// lines reads nodes; a last line without its "\n" is ended, as parts end every line.
func (c *fromTemplate) lines(nodes []tparse.Node) error {
	if err := c.nodes(nodes); err != nil {
		return err
	}
	if len(c.cur) > 0 {
		if err := c.endLine(); err != nil {
			return err
		}
	}
	return nil
}

func (c *fromTemplate) nodes(nodes []tparse.Node) error {
	for _, n := range nodes {
		if err := c.node(n); err != nil {
			return err
		}
	}
	return nil
}

func (c *fromTemplate) node(n tparse.Node) error {
	switch n := n.(type) {
	case *tparse.TextNode:
		return c.text(string(n.Text))
	case *tparse.ActionNode:
		p, err := c.placeholder(n.Pipe)
		if err != nil {
			return err
		}
		c.cur = append(c.cur, item{ph: &p})
		return nil
	case *tparse.IfNode:
		return c.ifNode(n)
	}
	return ErrNotParts
}

func (c *fromTemplate) text(s string) error {
	if strings.ContainsAny(s, "{}") {
		return ErrNotParts
	}
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			c.cur = appendText(c.cur, s)
			return nil
		}
		c.cur = appendText(c.cur, s[:i])
		if err := c.endLine(); err != nil {
			return err
		}
		s = s[i+1:]
	}
}

// endLine ends the current line, which must show exactly when the template shows it.
func (c *fromTemplate) endLine() error {
	l := c.cur
	c.cur = nil
	derived := lineCond(c.spec, l)
	switch {
	case c.in && (derived == nil || derived.key() != c.wrap.key()):
		return ErrNotParts
	case !c.in && derived != nil && !onlyPieces(l):
		// An optional value outside any {{if}}: the template shows the line without
		// it, the owner's rules would leave the line out.
		return ErrNotParts
	}
	c.done = append(c.done, l)
	return nil
}

// onlyPieces tells whether a line holds nothing but bracketed pieces and spaces. The
// template leaves such a line blank when no piece shows; the owner's rules leave it
// out; a blank line more or less is the same post once tidied, which PartsOf checks.
func onlyPieces(l ownerLine) bool {
	for _, it := range l {
		if it.ph != nil || (it.seg == nil && strings.TrimFunc(it.text, unicode.IsSpace) != "") {
			return false
		}
	}
	return true
}

// ifNode reads {{if}} around whole lines, or around a piece of one line.
func (c *fromTemplate) ifNode(n *tparse.IfNode) error {
	if n.ElseList != nil {
		return ErrNotParts
	}
	want, err := c.condition(n.Pipe)
	if err != nil {
		return err
	}
	if len(c.cur) == 0 && !c.in && endsLine(n.List) {
		c.in, c.wrap = true, want
		err := c.nodes(n.List.Nodes)
		c.in, c.wrap = false, nil
		if err != nil || len(c.cur) > 0 {
			return ErrNotParts
		}
		return nil
	}
	sub := &fromTemplate{spec: c.spec}
	if err := sub.nodes(n.List.Nodes); err != nil || len(sub.done) > 0 {
		return ErrNotParts
	}
	for _, it := range sub.cur {
		if it.seg != nil || strings.ContainsAny(it.text, "[]") {
			return ErrNotParts
		}
	}
	got := segCond(c.spec, sub.cur)
	if got == nil || got.key() != want.key() {
		return ErrNotParts
	}
	c.cur = append(c.cur, item{seg: sub.cur})
	return nil
}

func endsLine(list *tparse.ListNode) bool {
	if list == nil || len(list.Nodes) == 0 {
		return false
	}
	t, ok := list.Nodes[len(list.Nodes)-1].(*tparse.TextNode)
	return ok && strings.HasSuffix(string(t.Text), "\n")
}

// placeholder reads {{.Field}} or {{$.Field}}.
func (c *fromTemplate) placeholder(pipe *tparse.PipeNode) (Placeholder, error) {
	if len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 || len(pipe.Cmds[0].Args) != 1 {
		return Placeholder{}, ErrNotParts
	}
	return c.field(pipe.Cmds[0].Args[0])
}

func (c *fromTemplate) field(n tparse.Node) (Placeholder, error) {
	ref := ""
	switch n := n.(type) {
	case *tparse.FieldNode:
		if len(n.Ident) == 1 {
			ref = "." + n.Ident[0]
		}
	case *tparse.VariableNode:
		if len(n.Ident) == 2 && n.Ident[0] == "$" {
			ref = "$." + n.Ident[1]
		}
	}
	if p, ok := c.spec.byRef(ref); ok && ref != "" {
		return p, nil
	}
	return Placeholder{}, ErrNotParts
}

// condition reads .A, and .A .B, or X Y… where each X is .A or (and .A .B), into the
// fields that decide it.
func (c *fromTemplate) condition(pipe *tparse.PipeNode) (cond, error) {
	if len(pipe.Decl) > 0 || len(pipe.Cmds) != 1 {
		return nil, ErrNotParts
	}
	args := pipe.Cmds[0].Args
	if len(args) == 1 {
		ref, err := c.condField(args[0])
		return cond{{ref}}, err
	}
	op, ok := args[0].(*tparse.IdentifierNode)
	if !ok {
		return nil, ErrNotParts
	}
	switch op.Ident {
	case "and":
		refs, err := c.condFields(args[1:])
		return cond{refs}, err
	case "or":
		var out cond
		for _, a := range args[1:] {
			refs, err := c.orTerm(a)
			if err != nil {
				return nil, err
			}
			out = append(out, refs)
		}
		return out, nil
	}
	return nil, ErrNotParts
}

// orTerm is .A or (and .A .B).
func (c *fromTemplate) orTerm(n tparse.Node) ([]string, error) {
	p, ok := n.(*tparse.PipeNode)
	if !ok {
		ref, err := c.condField(n)
		return []string{ref}, err
	}
	if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) < 2 {
		return nil, ErrNotParts
	}
	if op, ok := p.Cmds[0].Args[0].(*tparse.IdentifierNode); !ok || op.Ident != "and" {
		return nil, ErrNotParts
	}
	return c.condFields(p.Cmds[0].Args[1:])
}

func (c *fromTemplate) condFields(args []tparse.Node) ([]string, error) {
	var refs []string
	for _, a := range args {
		ref, err := c.condField(a)
		if err != nil {
			return nil, err
		}
		refs = addRef(refs, ref)
	}
	return refs, nil
}

// condField is an optional field in a condition, named by what decides it.
func (c *fromTemplate) condField(n tparse.Node) (string, error) {
	p, err := c.field(n)
	if err != nil || !p.optional {
		return "", ErrNotParts
	}
	return c.spec.condRef(p), nil
}

// sameRendering tells whether templates a and b make the same post from every sample
// of kind: each optional value alone, all, none, and an empty catalog.
func sameRendering(kind data.PostKind, a, b string) bool {
	for _, v := range partsSamples(kind) {
		x, err := render(kind, a, v, nil)
		if err != nil {
			return false
		}
		y, err := render(kind, b, v, nil)
		if err != nil || x != y {
			return false
		}
	}
	return true
}

// partsSamples are posts of kind that take every branch an owner's template can have:
// a resource with every optional value, one with none, one with each value alone.
func partsSamples(kind data.PostKind) []any {
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	g := data.Group{Name: "示例群"}
	full, bare := sampleResources(now)
	later, until := now.Add(24*time.Hour), now.Add(72*time.Hour)
	alone := []func(r *data.Resource){
		func(r *data.Resource) { r.OriginalPriceCents = 2000 },
		func(r *data.Resource) { r.Redeem = "激活码" },
		func(r *data.Resource) { r.ValidUntil = &until },
		func(r *data.Resource) { r.Notes = "备注" },
		func(r *data.Resource) { r.Stock, r.Unlimited = 3, false },
		func(r *data.Resource) { r.ValidFrom = &later },
	}
	rs := []data.Resource{full, bare}
	for i, set := range alone {
		r := bare
		r.ID, r.Name = uint(10+i), "示例"+strconv.Itoa(i)
		set(&r)
		rs = append(rs, r)
	}
	switch kind {
	case data.PostIndex:
		other := data.Category{ID: 2, Name: "影音类", Position: 2}
		cats := []data.Category{full.Category, other}
		for i := range rs {
			if i%2 == 1 {
				rs[i].CategoryID, rs[i].Category = other.ID, other
			}
		}
		all, _ := BuildIndex(g, cats, rs, now, time.UTC)
		one, _ := BuildIndex(g, cats, rs[1:2], now, time.UTC)
		empty, _ := BuildIndex(g, cats, nil, now, time.UTC)
		return []any{all, one, empty}
	case data.PostNewStock:
		out := make([]any, len(rs))
		for i, r := range rs {
			out[i] = BuildNewStock(g, r, now, time.UTC)
		}
		return out
	case data.PostReply:
		return replySamples(rs, now)
	}
	return nil
}
