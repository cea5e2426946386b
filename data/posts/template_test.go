package posts

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/data"
)

var kinds = []data.PostKind{data.PostIndex, data.PostNewStock}

func TestDefaultTemplatesPassCheck(t *testing.T) {
	for _, kind := range kinds {
		body := Default(kind)
		if body == "" {
			t.Errorf("%s: no default template", kind)
		}
		if err := Check(kind, body); err != nil {
			t.Errorf("%s: default template fails its check: %v", kind, err)
		}
	}
	if got := Default("blacklist"); got != "" {
		t.Errorf("Default of a kind without template = %q, want empty", got)
	}
}

func TestCheckExplainsInChinese(t *testing.T) {
	tests := []struct {
		name     string
		kind     data.PostKind
		body     string
		wantLine int
		want     string // part of the message
	}{
		{"misspelt field", data.PostIndex, "【{{.GroupName}}】\n今天 {{.Dat}}", 2, "没有叫「Dat」的字段"},
		{"wrong case", data.PostIndex, "{{.groupName}}", 1, "是不是想写 {{.GroupName}}"},
		{"resource field outside its range", data.PostIndex, "标题\n{{.Price}}", 2, "要写在 {{range .Resources}} 和 {{end}} 之间"},
		{"category field outside its range", data.PostIndex, "{{.Resources}}", 1, "要写在 {{range .Categories}} 和 {{end}} 之间"},
		{"top field inside a range", data.PostIndex, "{{range .Categories}}\n{{.GroupName}}{{end}}", 2, "{{$.GroupName}}"},
		{"typo inside an if that sample data takes", data.PostNewStock,
			"上新\n{{if .Deadline}}限时 {{.Dedline}}{{end}}", 2, "没有叫「Dedline」的字段"},
		{"typo inside an if only the other sample takes", data.PostNewStock,
			"上新\n{{if not .Redeem}}{{.Redem}}{{end}}", 2, "没有叫「Redem」的字段"},
		{"typo deep in the index", data.PostIndex,
			"x{{range .Categories}}{{range .Resources}}\n{{if .Redeem}}{{.Redem}}{{end}}{{end}}{{end}}", 2, "没有叫「Redem」"},
		{"typo where the catalog is empty", data.PostIndex,
			"x{{range .Categories}}{{.Name}}{{else}}\n{{.count}}{{end}}", 2, "是不是想写 {{.Count}}"},
		{"if without end", data.PostIndex, "标题\n{{if .Count}}有货\n结尾\n", 2, "没有用 {{end}} 结束"},
		{"outer range without end", data.PostIndex,
			"标题\n{{range .Categories}}\n{{range .Resources}}{{.Name}}\n{{end}}\n尾", 2, "没有用 {{end}} 结束"},
		{"extra end", data.PostIndex, "标题\n{{end}}", 2, "多了一个 {{end}}"},
		{"else alone", data.PostIndex, "{{else}}", 1, "{{else}} 要写在"},
		{"field without dot", data.PostIndex, "标题 {{GroupName}}", 1, "不认识「GroupName」"},
		{"single closing brace", data.PostIndex, "{{.GroupName}", 1, "大括号要成对写"},
		{"unclosed action", data.PostIndex, "标题\n{{.GroupName", 2, "{{ 没有配对的 }}"},
		{"Chinese full stop", data.PostIndex, "{{。GroupName}}", 1, "「。」"},
		{"if without field", data.PostIndex, "x{{if}}y{{end}}", 1, "{{if}} 后面要写一个字段，如 {{if .Redeem}}"},
		{"range without field", data.PostIndex, "x{{range}}y{{end}}", 1, "如 {{range .Categories}}"},
		{"range over text", data.PostNewStock, "x{{range .Name}}{{end}}", 1, "只有 .Categories 和 .Resources"},
		{"unclosed comment", data.PostIndex, "x\n{{/* 备注", 2, "注释"},
		{"stray brace with a space", data.PostIndex, "标题\n{ {.GroupName}}", 2, "大括号"},
		{"third closing brace", data.PostIndex, "标题\n\n{{.GroupName}}}", 3, "大括号"},
		{"anything else", data.PostIndex, "x{{index .Categories 5}}", 1, "写法不对"},
		{"empty", data.PostIndex, " \n\t\n", 0, "模板是空的"},
		{"renders nothing", data.PostIndex, "{{if false}}x{{end}}", 0, "公告是空的"},
		{"unknown kind", "blacklist", "x", 0, "没有这种公告模板"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.kind, tt.body)
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("Check = %v, want a *TemplateError", err)
			}
			if te.Line != tt.wantLine || !strings.Contains(te.Error(), tt.want) {
				t.Errorf("got line %d %q, want line %d and %q", te.Line, te.Error(), tt.wantLine, tt.want)
			}
			assertOwnerMessage(t, te)
		})
	}
}

// assertOwnerMessage fails when a message would show the owner Go's words.
func assertOwnerMessage(t *testing.T, te *TemplateError) {
	t.Helper()
	for _, goWord := range []string{"template:", "executing", "evaluate", "unexpected", "posts.", "function"} {
		if strings.Contains(te.Message, goWord) {
			t.Errorf("message %q shows Go's %q", te.Message, goWord)
		}
	}
	if !strings.HasPrefix(te.Message, "模板") {
		t.Errorf("message %q does not start by naming the template", te.Message)
	}
	if te.Line > 0 && !strings.Contains(te.Message, "第 ") {
		t.Errorf("message %q does not name line %d", te.Message, te.Line)
	}
}

func TestCheckAcceptsOwnerTemplates(t *testing.T) {
	tests := []struct {
		kind data.PostKind
		body string
	}{
		{data.PostIndex, "{{.GroupName}} 今日资源\n{{range .Categories}}{{.Name}}:{{range .Resources}}{{.Name}} {{.Price}};{{end}}\n{{end}}"},
		{data.PostIndex, "{{range $c := .Categories}}{{range .Resources}}{{$.GroupName}}·{{$c.Name}}·{{.Name}}{{end}}{{end}}"},
		{data.PostNewStock, "上新:{{.Name}} {{.Price}}{{with .Notes}} 备注:{{.}}{{end}}"},
		{data.PostNewStock, "{{/* 只写名称 */}}{{.Name}}"},
	}
	for _, tt := range tests {
		if err := Check(tt.kind, tt.body); err != nil {
			t.Errorf("Check(%s, %q) = %v", tt.kind, tt.body, err)
		}
	}
}

// Every exported field of the data a template sees is in the help list, and every
// entry of the help list works where it says it does.
func TestFieldsDocumentTheData(t *testing.T) {
	scopes := map[data.PostKind]map[string]reflect.Type{
		data.PostIndex: {
			"":           reflect.TypeFor[Index](),
			inCategories: reflect.TypeFor[IndexCategory](),
			inResources:  reflect.TypeFor[Listing](),
		},
		data.PostNewStock: {"": reflect.TypeFor[NewStock]()},
	}
	// The index lists only what is on sale, so Start is always empty there.
	undocumented := map[string]bool{string(data.PostIndex) + "/" + inResources + "/Start": true}
	for kind, types := range scopes {
		documented := map[string]bool{}
		for _, f := range Fields(kind) {
			if f.Description == "" {
				t.Errorf("%s %s has no description", kind, f.Name)
			}
			documented[f.Within+"/"+f.Name] = true
			if err := Check(kind, fieldSnippet(f)); err != nil {
				t.Errorf("%s: help entry %s (within %q) does not work: %v", kind, f.Name, f.Within, err)
			}
		}
		for within, typ := range types {
			for _, sf := range reflect.VisibleFields(typ) {
				if !sf.IsExported() || sf.Anonymous {
					continue
				}
				use := "{{." + sf.Name + "}}"
				if sf.Type.Kind() == reflect.Slice {
					use = "{{range ." + sf.Name + "}}…{{end}}"
				}
				if !documented[within+"/"+use] && !undocumented[string(kind)+"/"+within+"/"+sf.Name] {
					t.Errorf("%s: field %s (within %q) is missing from Fields", kind, use, within)
				}
			}
		}
	}
	if Fields("blacklist") != nil {
		t.Error("Fields of an unknown kind should be nil")
	}
}

// fieldSnippet is a small template using f where its help entry says it belongs.
func fieldSnippet(f Field) string {
	use := strings.Replace(f.Name, "…", "x", 1)
	switch f.Within {
	case inCategories:
		use = "{{range .Categories}}" + use + "{{end}}"
	case inResources:
		use = "{{range .Categories}}{{range .Resources}}" + use + "{{end}}{{end}}"
	}
	return "x" + use
}

func TestTidy(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unchanged", "a\nb\n\nc", "a\nb\n\nc"},
		{"trailing spaces", "a  \nb\t\n", "a\nb"},
		{"runs of blank lines", "a\n\n\n\nb\n \n\t\nc", "a\n\nb\n\nc"},
		{"blank lines at both ends", "\n\n  \na\n\n\n", "a"},
		{"indent kept", "a\n   兑换:激活码", "a\n   兑换:激活码"},
		{"windows line ends", "a\r\nb\r\n\r\n\r\nc", "a\nb\n\nc"},
		{"full-width space at the end", "a\u3000\nb", "a\nb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := tidy(tt.in); got != tt.want {
			t.Errorf("%s: tidy(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestRenderSanitizesOwnerText(t *testing.T) {
	rs := catalog()
	ns := BuildNewStock(group, byName(rs, "爱奇艺黄金会员 年卡"), fixedNow, cst)
	body := "{{.Name}} 找群主 QQ 12345 或 987654321,卡密 ABCD-1234-EFGH-5678,价格 ¥12345"
	got, err := RenderNewStock(body, ns, []string{"12345"})
	if err != nil {
		t.Fatal(err)
	}
	want := "爱奇艺黄金会员 年卡 找群主 QQ 1****5 或 987****321,卡密 ****,价格 ¥12345"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A template can pass Check and still fail on real data; rendering says so in Chinese.
func TestRenderErrorIsChinese(t *testing.T) {
	idx, _ := BuildIndex(group, allCats, catalog(), fixedNow, cst)
	_, err := RenderIndex("标题\n{{index .Categories 9}}", idx, nil)
	var te *TemplateError
	if !errors.As(err, &te) || te.Line != 2 {
		t.Fatalf("RenderIndex error = %v, want a *TemplateError on line 2", err)
	}
	assertOwnerMessage(t, te)
}
