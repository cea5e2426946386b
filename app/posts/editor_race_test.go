package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
)

// With work on real goroutines (run under -race): the editor reads the template and
// the catalog for its preview off the UI goroutine, opens in the owner's mode, and
// saves off it too.
func TestTemplateEditorOnGoroutines(t *testing.T) {
	e := uitest.NewEnvWithTasks(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	e.Tasks.Wait()
	test.Tap(s.templateBtn)
	e.Tasks.Wait()
	ed := s.editor
	if ed.advanced.Checked || ed.previewText.Text != s.post.Text {
		t.Fatalf("advanced %v; preview\n%s\n---\npost\n%s", ed.advanced.Checked, ed.previewText.Text, s.post.Text)
	}
	ed.simple.entries[posts.PartFooter].SetText("※ 有事找群主")
	test.Tap(ed.saveBtn)
	e.Tasks.Wait()
	e.Tasks.Wait() // the rebuild the save started
	if !strings.HasSuffix(s.post.Text, "※ 有事找群主") {
		t.Errorf("the post after saving:\n%s", s.post.Text)
	}
}
