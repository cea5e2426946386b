package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
)

func TestTemplateEditorRefusesBrokenTemplateAndResets(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	test.Tap(s.templateBtn)
	ed := s.editor
	if ed.body.Text != posts.Default(data.PostIndex) {
		t.Fatal("the editor should open on the default template")
	}

	ed.body.SetText("【{{.GroupName}}】{{.Nope}}")
	if !ed.saveBtn.Disabled() || !strings.Contains(ed.problem.Text, "Nope") || strings.Contains(ed.problem.Text, "template:") {
		t.Fatalf("broken template: save disabled=%v, problem %q", ed.saveBtn.Disabled(), ed.problem.Text)
	}
	ed.body.SetText("【{{.GroupName}}】今日 {{.Count}} 款{{range .Categories}}\n{{.Name}}{{range .Resources}}\n{{.Name}} {{.Price}}{{end}}{{end}}")
	test.Tap(ed.saveBtn)
	if body, ok, _ := e.Store.PostTemplate(data.PostIndex); !ok || !strings.HasPrefix(body, "【{{.GroupName}}】今日") {
		t.Fatalf("saved template = %q (%v)", body, ok)
	}
	if got := s.preview.Text.Text; !strings.HasPrefix(got, "【王者荣耀福利群】今日 1 款") {
		t.Errorf("the post was not rebuilt with the owner's template: %q", got)
	}

	test.Tap(s.templateBtn)
	test.Tap(s.editor.resetBtn)
	if _, ok, _ := e.Store.PostTemplate(data.PostIndex); ok {
		t.Error("恢复默认 kept the owner's template")
	}
	if !strings.Contains(s.preview.Text.Text, "资源索引表") {
		t.Errorf("after reset the post is %q", s.preview.Text.Text)
	}
}
