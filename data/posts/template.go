package posts

import (
	"regexp"
	"strings"
	"text/template"
	"unicode"

	"github.com/qunhuo/qunhuo/assets"
	"github.com/qunhuo/qunhuo/data"
)

// templateName is the name text/template puts in its errors; explain reads it back.
const templateName = "post"

// Default returns the default template for kind, or "" for a kind that has none.
func Default(kind data.PostKind) string {
	b, err := assets.Templates.ReadFile("templates/" + string(kind) + ".tmpl")
	if err != nil {
		return ""
	}
	return string(b)
}

// Check tells whether an owner-edited template of kind can be used: it must parse,
// run against sample data of that kind (once with every optional value set and once
// with none, so mistakes inside {{if}} are found too), produce some text from the
// full sample and leave no stray braces. The error is a *TemplateError whose message is Chinese for the owner.
func Check(kind data.PostKind, body string) error {
	t, err := parse(body)
	if err != nil {
		return err
	}
	ss := samples(kind)
	if ss == nil {
		return &TemplateError{Message: lineMessage(0, "没有这种公告模板")}
	}
	for i, s := range ss {
		out, err := execute(t, kind, body, s)
		if err != nil {
			return err
		}
		// Only the full sample must say something: an index of an empty catalog
		// may rightly be empty under the owner's template.
		if i == 0 && strings.TrimSpace(out) == "" {
			return &TemplateError{Message: "模板生成的公告是空的，请写上要发的内容"}
		}
	}
	return strayBraces(body)
}

// RenderIndex makes the 资源索引表 post from template body (the owner's or Default)
// and idx. knownQQ lists QQ numbers to hide even when short: see Sanitize. The text is
// tidied (no trailing spaces, at most one blank line in a row) and sanitized; split it
// with Split before copying.
func RenderIndex(body string, idx Index, knownQQ []string) (string, error) {
	return render(data.PostIndex, body, idx, knownQQ)
}

// RenderNewStock makes the 上新 post from template body and ns, like RenderIndex.
func RenderNewStock(body string, ns NewStock, knownQQ []string) (string, error) {
	return render(data.PostNewStock, body, ns, knownQQ)
}

func render(kind data.PostKind, body string, v any, knownQQ []string) (string, error) {
	t, err := parse(body)
	if err != nil {
		return "", err
	}
	out, err := execute(t, kind, body, v)
	if err != nil {
		return "", err
	}
	return Sanitize(tidy(out), knownQQ), nil
}

func parse(body string) (*template.Template, error) {
	if strings.TrimSpace(body) == "" {
		return nil, &TemplateError{Message: "模板是空的，请写上内容，或恢复默认模板"}
	}
	t, err := template.New(templateName).Parse(body)
	if err != nil {
		return nil, explain("", body, err)
	}
	return t, nil
}

func execute(t *template.Template, kind data.PostKind, body string, v any) (string, error) {
	var b strings.Builder
	if err := t.Execute(&b, v); err != nil {
		return "", explain(kind, body, err)
	}
	return b.String(), nil
}

// tidy forgives the blank lines and trailing spaces that {{if}} and {{range}} leave
// behind, so owners need not learn {{- }}: lines lose trailing spaces, runs of blank
// lines become one, and the text has no blank lines at either end.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, line := range lines {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, line)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

var actionRE = regexp.MustCompile(`(?s)\{\{.*?\}\}`)

// strayBraces finds braces outside {{ }}: text/template prints "{ {.Name}}" or the
// third brace of "{{.Name}}}" as they are, which is always a typo in a QQ post.
func strayBraces(body string) error {
	rest := actionRE.ReplaceAllStringFunc(body, func(a string) string {
		return strings.Repeat("\n", strings.Count(a, "\n")) // keep line numbers
	})
	for i, line := range strings.Split(rest, "\n") {
		if strings.ContainsAny(line, "{}") {
			return &TemplateError{Line: i + 1, Message: lineMessage(i+1,
				"有多出来或没配对的大括号。字段要写成 {{.Name}} 这样；想在公告里用括号，请用「」或（）")}
		}
	}
	return nil
}
