package posts

import (
	"errors"
	"strings"
	"testing"
	"text/template"

	"github.com/qunhuo/qunhuo/data"
)

// Every default template opens in the owner's mode, and its parts make exactly the post
// the default makes: byte for byte, on the sample posts and on the real test catalog.
func TestDefaultsRenderTheSameAsParts(t *testing.T) {
	known := []string{"2851234567"}
	for _, kind := range kinds {
		t.Run(string(kind), func(t *testing.T) {
			p, err := PartsOf(kind, Default(kind))
			if err != nil {
				t.Fatalf("the default does not open in parts: %v", err)
			}
			again, err := p.Template()
			if err != nil {
				t.Fatalf("its parts do not make a template: %v", err)
			}
			for i, v := range append(partsSamples(kind), realPosts(kind)...) {
				want, err := render(kind, Default(kind), v, known)
				if err != nil {
					t.Fatal(err)
				}
				got, err := render(kind, again, v, known)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					line, w, g := firstDifference(want, got)
					t.Errorf("post %d differs at line %d:\nwant %q\n got %q", i, line, w, g)
				}
			}
			for key, text := range p.Text {
				if strings.Contains(text, "{{") || strings.Contains(text, "}}") || strings.Contains(text, ".Name") {
					t.Errorf("part %s shows template syntax: %q", key, text)
				}
			}
		})
	}
}

// realPosts are the posts the golden tests make, from the test catalog.
func realPosts(kind data.PostKind) []any {
	rs := catalog()
	if kind == data.PostIndex {
		full, _ := BuildIndex(group, allCats, rs, fixedNow, cst)
		empty, _ := BuildIndex(group, allCats, rs[3:6], fixedNow, cst)
		long, _ := BuildIndex(group, allCats, bigCatalog(), fixedNow, cst)
		return []any{full, empty, long}
	}
	var out []any
	for _, r := range rs {
		out = append(out, BuildNewStock(group, r, fixedNow, cst))
	}
	return out
}

func TestDefaultPartsReadLikeThePost(t *testing.T) {
	p, err := PartsOf(data.PostIndex, Default(data.PostIndex))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[PartKey][]string{
		PartHeader:   {"{群名}", "{日期}", "{数量}"},
		PartCategory: {"{分类}", "{数量}"},
		PartResource: {"{名称} {价格}[", "原价{原价}", "{兑换方式}", "{截止}"},
		PartEmpty:    {"暂时没有在售资源"},
		PartFooter:   {"━━"},
	} {
		for _, w := range want {
			if !strings.Contains(p.Text[key], w) {
				t.Errorf("part %s = %q, want it to contain %q", key, p.Text[key], w)
			}
		}
	}
	ns, err := PartsOf(data.PostNewStock, Default(data.PostNewStock))
	if err != nil {
		t.Fatal(err)
	}
	if h := ns.Text[PartHeader]; strings.Contains(h, "\n") || !strings.Contains(h, "{群名}") {
		t.Errorf("上新 header = %q, want its first line", h)
	}
	if !strings.Contains(ns.Text[PartResource], "{兑换方式}") || !strings.Contains(ns.Text[PartFooter], "求{名称}") {
		t.Errorf("上新 parts = %q", ns.Text)
	}
}

// The owner's rules, each on a sample with and without the optional value.
func TestPartsTemplateFollowsTheOwnersRules(t *testing.T) {
	withAll := newStockSample(func(r *data.Resource) {
		r.OriginalPriceCents, r.Redeem, r.Notes = 2000, "激活码", "当天到账"
	})
	bare := newStockSample(nil)
	tests := []struct {
		name, text     string
		withAll, plain string
	}{
		{"placeholders", "{名称} {价格} 库存{库存}", "示例会员 ¥15 库存不限", "示例会员 ¥15 库存不限"},
		{"spaces inside braces", "{ 名称 }", "示例会员", "示例会员"},
		{"a line with an empty value is left out", "{名称}\n兑换：{兑换方式}\n完", "示例会员\n兑换：激活码\n完", "示例会员\n完"},
		{"a bracketed piece is left out", "{名称}[（原价{原价}）]！", "示例会员（原价¥20）！", "示例会员！"},
		{"saving goes with the original price", "{价格}[，立省{立省}]", "¥15，立省¥5", "¥15"},
		{"a line of pieces only", "A\n  [兑换：{兑换方式}][ 备注：{备注}]\nB", "A\n  兑换：激活码 备注：当天到账\nB", "A\nB"},
		{"brackets without an optional value are text", "[{名称}] [限时]", "[示例会员] [限时]", "[示例会员] [限时]"},
		{"nested brackets: the inner one counts", "[[{原价}]]", "[¥20]", "[]"},
		{"an open bracket is text", "[{原价}", "[¥20", ""},
		{"full-width brackets are text", "【{名称}】", "【示例会员】", "【示例会员】"},
		{"blank lines are kept", "A\n\nB", "A\n\nB", "A\n\nB"},
		{"windows line ends", "A\r\n兑换：{兑换方式}\r\nB", "A\n兑换：激活码\nB", "A\nB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Parts{Kind: data.PostNewStock, Text: map[PartKey]string{PartResource: tt.text}}
			body, err := p.Template()
			if err != nil {
				t.Fatalf("Template: %v", err)
			}
			for _, c := range []struct {
				v    NewStock
				want string
			}{{withAll, tt.withAll}, {bare, tt.plain}} {
				got, err := RenderNewStock(body, c.v, nil)
				if err != nil || got != c.want {
					t.Errorf("renders %q (%v), want %q\ntemplate: %q", got, err, c.want, body)
				}
			}
		})
	}
}

// newStockSample is the bare sample resource, changed by set.
func newStockSample(set func(*data.Resource)) NewStock {
	_, bare := sampleResources(fixedNow)
	if set != nil {
		set(&bare)
	}
	return BuildNewStock(group, bare, fixedNow, cst)
}

func TestPartsTemplateRefusesInChinese(t *testing.T) {
	tests := []struct {
		name string
		kind data.PostKind
		part PartKey
		text string
		line int
		want []string
	}{
		{"unknown placeholder", data.PostIndex, PartResource, "● {名称}\n● {价钱}", 2,
			[]string{"「每个资源」第 2 行：不认识的占位符 {价钱}，这里可用的有：{名称} {价格} {原价}"}},
		{"placeholder of another part", data.PostIndex, PartResource, "{数量}", 1,
			[]string{"{数量} 不能用在「每个资源」里，这里可用的有："}},
		{"resource placeholder in the header", data.PostIndex, PartHeader, "【{群名}】{名称}", 1,
			[]string{"「标题」第 1 行", "{名称} 不能用在「标题」里", "{群名} {日期} {数量}"}},
		{"open brace", data.PostNewStock, PartResource, "价格 {价格", 1, []string{"{ 没有配对的 }"}},
		{"open brace before another", data.PostNewStock, PartFooter, "x\n{名称{价格}", 2, []string{"「结尾」第 2 行", "没有配对"}},
		{"closing brace alone", data.PostNewStock, PartHeader, "上新}", 1, []string{"多了一个 }"}},
		{"template syntax typed in", data.PostNewStock, PartHeader, "{{.Name}}", 1, []string{"没有配对"}},
		{"empty braces", data.PostNewStock, PartHeader, "{}", 1, []string{"{} 里要写占位符的名字"}},
		{"error inside a piece", data.PostNewStock, PartResource, "[（原价{原件}）]", 1, []string{"不认识的占位符 {原件}"}},
		{"an empty post", data.PostIndex, PartHeader, "  ", 0, []string{"公告是空的"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parts{Kind: tt.kind, Text: map[PartKey]string{tt.part: tt.text}}.Template()
			var pe *PartError
			if !errors.As(err, &pe) {
				t.Fatalf("Template = %v, want a *PartError", err)
			}
			if pe.Line != tt.line {
				t.Errorf("line %d, want %d", pe.Line, tt.line)
			}
			for _, w := range tt.want {
				if !strings.Contains(pe.Error(), w) {
					t.Errorf("%q does not say %q", pe.Error(), w)
				}
			}
			if strings.Contains(pe.Error(), "{{") || strings.Contains(pe.Error(), "template") {
				t.Errorf("%q shows template syntax", pe.Error())
			}
		})
	}
	if _, err := (Parts{Kind: "blacklist"}).Template(); err == nil {
		t.Error("parts of a kind without templates made a template")
	}
}

// A template written in the advanced mode opens in parts only when parts say the
// same; else it stays in the advanced mode.
func TestPartsOfKeepsWhatPartsCannotSay(t *testing.T) {
	tests := []struct {
		name string
		kind data.PostKind
		body string
		ok   bool
	}{
		{"owner's simple index", data.PostIndex, "【{{.GroupName}}】\n{{range .Categories}}◆ {{.Name}}\n{{range .Resources}}{{.Name}} {{.Price}}\n{{end}}{{end}}", true},
		{"$ outside a range", data.PostIndex, "{{$.GroupName}}", true},
		{"a saving tested by itself", data.PostNewStock, "{{.Name}}{{if .Saving}}省{{.Saving}}{{end}}", true},
		{"categories without resources", data.PostIndex, "x\n{{range .Categories}}{{.Name}}\n{{end}}", true},
		{"no ranges at all", data.PostIndex, "今日资源见群文件\n", true},
		{"a function", data.PostNewStock, "{{len .Name}}", false},
		{"printf", data.PostNewStock, `{{printf "%s" .Name}}`, false},
		{"with", data.PostNewStock, "上新{{with .Notes}} {{.}}{{end}}", false},
		{"if else", data.PostNewStock, "{{if .Redeem}}{{.Redeem}}{{else}}自取{{end}}", false},
		{"not", data.PostNewStock, "x{{if not .Redeem}}自取{{end}}", false},
		{"a condition that does not match what it shows", data.PostNewStock, "x{{if .Redeem}}库存{{.Stock}}{{end}}", false},
		{"a condition on a value that always has one", data.PostNewStock, "x{{if .Name}}{{.Name}}{{end}}", false},
		{"an optional value shown unconditionally", data.PostNewStock, "{{.Name}}\n备注：{{.Notes}}\n", false},
		{"a line if around a fixed line", data.PostNewStock, "{{.Name}}\n{{if .Notes}}有备注\n{{end}}", false},
		{"a variable", data.PostIndex, "{{range $c := .Categories}}{{$c.Name}}{{end}}", false},
		{"two category ranges", data.PostIndex, "{{range .Categories}}a{{end}}{{range .Categories}}b{{end}}", false},
		{"a resource range with else", data.PostIndex, "x{{range .Categories}}{{range .Resources}}{{.Name}}{{else}}无{{end}}{{end}}", false},
		{"text after the resources", data.PostIndex, "x{{range .Categories}}{{range .Resources}}{{.Name}}\n{{end}}小计\n{{end}}", false},
		{"a range in 上新", data.PostNewStock, "{{range .Name}}{{end}}", false},
		{"a define", data.PostNewStock, `{{define "x"}}y{{end}}{{.Name}}`, false},
		{"brackets the owner's rules would read as a piece", data.PostNewStock, "[{{.Notes}}]\n", false},
		{"does not parse", data.PostNewStock, "{{if .Name}}", false},
		{"unknown kind", "blacklist", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := PartsOf(tt.kind, tt.body)
			if !tt.ok {
				if !errors.Is(err, ErrNotParts) {
					t.Errorf("PartsOf = %q, %v; want ErrNotParts", p.Text, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("PartsOf: %v", err)
			}
			again, err := p.Template()
			if err != nil || !sameRendering(tt.kind, tt.body, again) {
				t.Errorf("parts %q make %q (%v)", p.Text, again, err)
			}
		})
	}
}

func TestPiecesSwitchOnAndOff(t *testing.T) {
	for _, kind := range kinds {
		def, err := PartsOf(kind, Default(kind))
		if err != nil {
			t.Fatal(err)
		}
		for _, pc := range Pieces {
			t.Run(string(kind)+" "+pc.Label, func(t *testing.T) {
				off := def.Without(pc)
				if off.Shows(pc) {
					t.Fatalf("still shown after switching off: %q", off.Text)
				}
				on := off.With(pc)
				if !on.Shows(pc) {
					t.Fatalf("not shown after switching on: %q", on.Text)
				}
				for _, p := range []Parts{off, on} {
					body, err := p.Template()
					if err != nil {
						t.Fatalf("parts %q: %v", p.Text, err)
					}
					if _, err := PartsOf(kind, body); err != nil {
						t.Errorf("the template of %q does not open in parts again", p.Text)
					}
				}
				if def.Shows(pc) && !equalParts(def.With(pc), def) {
					t.Error("With changed parts that already show the piece")
				}
			})
		}
	}
}

func TestPiecesWhereTheyGo(t *testing.T) {
	p := Parts{Kind: data.PostIndex, Text: map[PartKey]string{
		PartResource: "● {名称} {价格}[（原价{原价}）]\n   [兑换：{兑换方式} ][☆限时至 {截止}]\n库存：{库存}",
	}}
	tests := []struct {
		got, want string
	}{
		{p.Without(PieceOriginal).Text[PartResource], "● {名称} {价格}\n   [兑换：{兑换方式} ][☆限时至 {截止}]\n库存：{库存}"},
		{p.Without(PieceDeadline).Text[PartResource], "● {名称} {价格}[（原价{原价}）]\n   [兑换：{兑换方式} ]\n库存：{库存}"},
		{p.Without(PieceStock).Text[PartResource], "● {名称} {价格}[（原价{原价}）]\n   [兑换：{兑换方式} ][☆限时至 {截止}]"},
		{p.Without(PieceOriginal).With(PieceOriginal).Text[PartResource], p.Text[PartResource]},
		{Parts{Kind: data.PostIndex, Text: map[PartKey]string{PartResource: "  [☆限时至 {截止}]\nx"}}.Without(PieceDeadline).Text[PartResource], "x"},
		{Parts{Kind: data.PostNewStock, Text: map[PartKey]string{PartResource: "● 价格：{价格}\n● 兑换：{兑换方式}"}}.With(PieceStock).Text[PartResource],
			"● 价格：{价格}\n● 库存：{库存}\n● 兑换：{兑换方式}"},
		{Parts{Kind: data.PostNewStock, Text: map[PartKey]string{PartResource: "● 价格：{价格}"}}.With(PieceDeadline).Text[PartResource],
			"● 价格：{价格}\n● 限时至 {截止}，过时不候"},
		{Parts{Kind: data.PostNewStock, Text: map[PartKey]string{PartResource: "● 价格：{价格"}}.Without(PieceStock).Text[PartResource],
			"● 价格：{价格"},
		{Parts{Kind: data.PostNewStock, Text: map[PartKey]string{PartResource: "● {库存} {价格"}}.Without(PieceStock).Text[PartResource], ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func equalParts(a, b Parts) bool {
	for _, s := range PartSpecs(a.Kind) {
		if a.Text[s.Key] != b.Text[s.Key] {
			return false
		}
	}
	return a.Kind == b.Kind
}

// Whatever the owner types, the parts either refuse it in Chinese or make a template
// that parses, passes Check, and opens in parts again.
func FuzzPartsTemplate(f *testing.F) {
	for _, kind := range kinds {
		p, _ := PartsOf(kind, Default(kind))
		for _, text := range p.Text {
			f.Add(text, uint8(0))
		}
	}
	for _, s := range []string{"", "{", "}", "[", "]", "[{原价}", "[[{原价}]]", "{名称}[（{原价}）]", "{{.Name}}", "a\r\nb", "  [{截止}][{兑换方式}]  ", "{ 名称 }", "{}", "\x00{"} {
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, text string, at uint8) {
		for _, kind := range kinds {
			def, _ := PartsOf(kind, Default(kind))
			specs := PartSpecs(kind)
			key := specs[int(at)%len(specs)].Key
			def.Text[key] = text
			body, err := def.Template()
			if err != nil {
				var pe *PartError
				if !errors.As(err, &pe) || strings.Contains(pe.Message, "{{") {
					t.Fatalf("%s: error %v is not an owner's message", kind, err)
				}
				continue
			}
			if _, err := template.New("x").Parse(body); err != nil {
				t.Fatalf("%s: %q made a template that does not parse: %v\n%s", kind, text, err, body)
			}
			if err := Check(kind, body); err != nil {
				t.Fatalf("%s: %q made a template that fails Check: %v", kind, text, err)
			}
			if _, err := PartsOf(kind, body); err != nil {
				t.Fatalf("%s: %q made a template that does not open in parts again:\n%s", kind, text, body)
			}
		}
	})
}

// Whatever template is stored, PartsOf never panics, and parts it gives say the same.
func FuzzPartsOf(f *testing.F) {
	for _, kind := range kinds {
		f.Add(Default(kind))
	}
	for _, s := range []string{"{{.Name}}", "{{if .Redeem}}[{{.Redeem}}]{{end}}", "{{range .Categories}}{{else}}x{{end}}", "{{if or (and .Redeem .Notes) .Deadline}}x{{.Redeem}}{{.Notes}}{{.Deadline}}\n{{end}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, kind := range kinds {
			p, err := PartsOf(kind, body)
			if err != nil {
				continue
			}
			again, err := p.Template()
			if err != nil || !sameRendering(kind, body, again) {
				t.Fatalf("%s: parts %q of %q make %q (%v)", kind, p.Text, body, again, err)
			}
		}
	})
}
