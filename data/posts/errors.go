package posts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/qunhuo/qunhuo/data"
)

// TemplateError is a template the owner cannot use yet. Error() is a short Chinese
// sentence for the owner, with the line when known; the Go error stays underneath for
// logs only.
type TemplateError struct {
	Line    int    // 1-based line of the template, or 0 when not known
	Message string // such as 模板第 3 行有错:没有叫「Nmae」的字段…
	Err     error  // what text/template said, if anything
}

// Error is the owner's message: safe to show as it is.
func (e *TemplateError) Error() string { return e.Message }

// Unwrap gives the text/template error underneath, for logs.
func (e *TemplateError) Unwrap() error { return e.Err }

// lineMessage puts the line in front of a problem, the way every template error reads.
func lineMessage(line int, problem string) string {
	if line <= 0 {
		return "模板有错：" + problem
	}
	return fmt.Sprintf("模板第 %d 行有错：%s", line, problem)
}

// goErrRE takes apart text/template's errors:
// `template: post:3: unexpected {{end}}` and
// `template: post:2:4: executing "post" at <.Nmae>: can't evaluate field Nmae in type …`.
var goErrRE = regexp.MustCompile(`(?s)^template: ` + templateName + `:(\d+)(?::\d+)?: (?:executing "[^"]*" at <.*?>: )?(.*)$`)

// explain turns a text/template error into a TemplateError an owner can act on.
// kind is "" for parse errors, which do not depend on the data.
func explain(kind data.PostKind, body string, err error) *TemplateError {
	line, msg := 0, err.Error()
	if m := goErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	problem := describe(kind, msg)
	if msg == "unexpected EOF" {
		if open := unclosedBlockLine(body); open > 0 {
			line = open
		}
	}
	return &TemplateError{Line: line, Message: lineMessage(line, problem), Err: err}
}

// A rule matches one kind of text/template message and says it in the owner's words.
type rule struct {
	re  *regexp.Regexp
	say func(kind data.PostKind, m []string) string
}

func fixed(s string) func(data.PostKind, []string) string {
	return func(data.PostKind, []string) string { return s }
}

var rules = []rule{
	{regexp.MustCompile(`^can't evaluate field (\S+)`), unknownField},
	{regexp.MustCompile(`^function "([^"]*)" not defined`), func(_ data.PostKind, m []string) string {
		return "不认识「" + m[1] + "」。字段前面要加英文句点，如 {{.Name}}"
	}},
	{regexp.MustCompile(`^unexpected EOF`), fixed("{{if}} 或 {{range}} 没有用 {{end}} 结束")},
	{regexp.MustCompile(`^unclosed action`), fixed("{{ 没有配对的 }}")},
	{regexp.MustCompile(`^unclosed comment`), fixed("注释 {{/* 没有用 */}} 结束")},
	{regexp.MustCompile(`^unexpected \{\{end\}\}`), fixed("多了一个 {{end}}，前面没有和它配对的 {{if}} 或 {{range}}")},
	{regexp.MustCompile(`^unexpected \{\{else\}\}`), fixed("{{else}} 要写在 {{if}} 或 {{range}} 和 {{end}} 之间")},
	{regexp.MustCompile(`^missing value for (\w+)`), func(_ data.PostKind, m []string) string {
		example := "{{if .Redeem}}"
		if m[1] == "range" {
			example = "{{range .Categories}}"
		}
		return "{{" + m[1] + "}} 后面要写一个字段，如 " + example
	}},
	{regexp.MustCompile(`^unrecognized character in action: U\+[0-9A-F]+ '(.*)'`), func(_ data.PostKind, m []string) string {
		return "{{ }} 里有「" + m[1] + "」，里面只能用英文半角字符，如 {{.Name}}"
	}},
	{regexp.MustCompile(`^bad character U\+007[BD]`), fixed("大括号要成对写，如 {{.Name}}")},
	{regexp.MustCompile(`^range can't iterate over`), fixed("只有 .Categories 和 .Resources 能用 {{range}} 重复")},
}

// describe says what went wrong, without the line.
func describe(kind data.PostKind, msg string) string {
	for _, r := range rules {
		if m := r.re.FindStringSubmatch(msg); m != nil {
			return r.say(kind, m)
		}
	}
	return "这一处 {{ }} 的写法不对，请对照字段列表检查，或恢复默认模板"
}

// unknownField explains a field that does not exist where it was written: a typo, a
// wrong case, or a field used outside the {{range}} it belongs to (or inside one it
// does not belong to).
func unknownField(kind data.PostKind, m []string) string {
	name := m[1]
	similar := ""
	for _, f := range Fields(kind) {
		switch ident := fieldIdent(f.Name); {
		case ident == name && f.Within == "":
			return "在 {{range}} 里面要写成 {{$." + name + "}}"
		case ident == name:
			return "「" + f.Name + "」要写在 " + f.Within + " 和 {{end}} 之间"
		case similar == "" && strings.EqualFold(ident, name):
			similar = f.Name
		}
	}
	if similar != "" {
		return "没有叫「" + name + "」的字段，是不是想写 " + similar + "？大小写要一致"
	}
	return "没有叫「" + name + "」的字段，请对照字段列表检查拼写"
}

// fieldIdent is the Go name in a help entry: Price in {{.Price}}, Resources in
// {{range .Resources}}…{{end}}.
func fieldIdent(written string) string {
	_, after, _ := strings.Cut(written, ".")
	if end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		return after[:end]
	}
	return after
}

var blockRE = regexp.MustCompile(`\{\{-?\s*(if|range|with|block|define|end)\b`)

// unclosedBlockLine finds the line of the last {{if}}/{{range}} that no {{end}} closes;
// text/template only reports the end of the text, which is no help to the owner.
func unclosedBlockLine(body string) int {
	var open []int
	for _, m := range blockRE.FindAllStringSubmatchIndex(body, -1) {
		if body[m[2]:m[3]] == "end" {
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			continue
		}
		open = append(open, strings.Count(body[:m[0]], "\n")+1)
	}
	if len(open) == 0 {
		return 0
	}
	return open[len(open)-1]
}
