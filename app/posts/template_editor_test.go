package posts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/posts"
)

// openIndexEditor shows the 公告 screen on a small catalog and opens its template editor.
func openIndexEditor(t *testing.T, e *ui.Env) (*Screen, *templateEditor) {
	t.Helper()
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10", OriginalPrice: "12", Redeem: "直充"})
	uitest.MustResource(t, e, data.ResourceDraft{Name: "腾讯视频VIP月卡", Category: "影音类", Price: "15", Stock: "8"})
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	test.Tap(s.templateBtn)
	return s, s.editor
}

// The default opens in the owner's mode: its parts in their boxes, Chinese
// placeholders, no template syntax anywhere, and a preview that is the post itself.
func TestTemplateEditorOpensTheDefaultInOwnersMode(t *testing.T) {
	e := uitest.NewEnv(t)
	s, ed := openIndexEditor(t, e)
	if ed.advanced.Checked || ed.advancedBox.Visible() || !ed.simpleBox.Visible() {
		t.Fatal("the default should open in the owner's mode")
	}
	want, err := posts.PartsOf(data.PostIndex, posts.Default(data.PostIndex))
	if err != nil {
		t.Fatal(err)
	}
	for key, e := range ed.simple.entries {
		if e.Text != want.Text[key] {
			t.Errorf("part %s shows %q, want %q", key, e.Text, want.Text[key])
		}
	}
	if !strings.Contains(ed.simple.entries[posts.PartResource].Text, "{名称}") {
		t.Errorf("每个资源 = %q", ed.simple.entries[posts.PartResource].Text)
	}
	for _, text := range []string{uifind.LabelTexts(ed.simpleBox), uifind.ButtonTexts(ed.simpleBox), entryTexts(ed)} {
		if strings.Contains(text, "{{") || strings.Contains(text, ".Name") || strings.Contains(text, "range") {
			t.Errorf("the owner's mode shows template syntax: %q", text)
		}
	}
	if got := ed.previewText.Text; got != s.post.Text {
		t.Errorf("the preview is not the post:\n%s\n---\n%s", got, s.post.Text)
	}
	if !strings.Contains(ed.previewNote.Text, "你的资源库") || !strings.HasPrefix(ed.problem.Text, "√") {
		t.Errorf("preview note %q, problem %q", ed.previewNote.Text, ed.problem.Text)
	}
	for i, pc := range posts.Pieces {
		if on := ed.simple.switches[i].Checked; on != want.Shows(pc) {
			t.Errorf("switch %s = %v", pc.Label, on)
		}
	}
}

func entryTexts(ed *templateEditor) string {
	var b strings.Builder
	for _, e := range ed.simple.entries {
		b.WriteString(e.Text + "\n")
	}
	return b.String()
}

// Typing in a part changes the preview at once; an unknown placeholder is refused in
// Chinese, with the part, the line and what can be used, and 保存 waits.
func TestTemplateEditorPreviewFollowsTyping(t *testing.T) {
	e := uitest.NewEnv(t)
	_, ed := openIndexEditor(t, e)
	res := ed.simple.entries[posts.PartResource]
	e.Win.Canvas().Focus(res)
	test.Type(res, "★")
	if !strings.Contains(ed.previewText.Text, "★● 王者荣耀点券 ¥10") {
		t.Errorf("after typing ★ the preview is:\n%s", ed.previewText.Text)
	}
	good := ed.previewText.Text

	res.SetText("● {名称} {价钱}")
	if !strings.Contains(ed.problem.Text, "「每个资源」第 1 行：不认识的占位符 {价钱}，这里可用的有：{名称} {价格}") {
		t.Errorf("problem = %q", ed.problem.Text)
	}
	if !ed.saveBtn.Disabled() || ed.previewText.Text != good {
		t.Errorf("a broken part: save disabled %v, preview changed %v", ed.saveBtn.Disabled(), ed.previewText.Text != good)
	}
	res.SetText("● {名称} {价格}")
	if ed.saveBtn.Disabled() || !strings.Contains(ed.previewText.Text, "● 腾讯视频VIP月卡 ¥15\n") {
		t.Errorf("fixed: save disabled %v, preview:\n%s", ed.saveBtn.Disabled(), ed.previewText.Text)
	}
	test.Tap(ed.saveBtn)
	body, ok, _ := e.Store.PostTemplate(data.PostIndex)
	if !ok || !strings.Contains(body, "{{range .Resources}}● {{.Name}} {{.Price}}\n{{end}}") {
		t.Errorf("saved template = %q", body)
	}
}

// A placeholder button inserts at the cursor of the part last clicked, and offers only
// what that part can use.
func TestPlaceholderButtonsInsertAtTheCursor(t *testing.T) {
	e := uitest.NewEnv(t)
	_, ed := openIndexEditor(t, e)
	v := ed.simple
	header := v.entries[posts.PartHeader]
	header.SetText("【{群名}】\n今日")
	e.Win.Canvas().Focus(header)
	if !strings.Contains(v.target.Text, "「标题」") {
		t.Errorf("buttons say %q after clicking 标题", v.target.Text)
	}
	if !v.inserts["名称"].Disabled() || v.inserts["日期"].Disabled() {
		t.Error("in 标题 {名称} should be off and {日期} on")
	}
	header.CursorRow, header.CursorColumn = 1, 1
	test.Tap(v.inserts["日期"])
	if header.Text != "【{群名}】\n今{日期}日" {
		t.Errorf("标题 = %q", header.Text)
	}
	test.Type(header, "★")
	if header.Text != "【{群名}】\n今{日期}★日" {
		t.Errorf("typing after the insert: 标题 = %q", header.Text)
	}
	if !strings.Contains(ed.previewText.Text, "今2026-11-26★日") {
		t.Errorf("preview:\n%s", ed.previewText.Text)
	}

	res := v.entries[posts.PartResource]
	e.Win.Canvas().Focus(res)
	if v.inserts["名称"].Disabled() {
		t.Error("in 每个资源 {名称} should be on")
	}
	res.CursorRow, res.CursorColumn = 0, len([]rune(strings.Split(res.Text, "\n")[0]))
	test.Tap(v.inserts["库存"])
	if first := strings.Split(res.Text, "\n")[0]; !strings.HasSuffix(first, "{库存}") {
		t.Errorf("每个资源 starts %q", first)
	}
	if !v.switches[2].Checked {
		t.Error("typing {库存} by hand should turn 显示库存 on")
	}
}

// The switches take an optional piece out and put it back, and what they show is saved.
func TestSwitchesTurnOptionalPiecesOnAndOff(t *testing.T) {
	e := uitest.NewEnv(t)
	s, ed := openIndexEditor(t, e)
	v := ed.simple
	res := v.entries[posts.PartResource]
	before := res.Text
	original, stock := v.switches[0], v.switches[2]
	if !original.Checked || stock.Checked {
		t.Fatalf("default: 显示原价 %v 显示库存 %v", original.Checked, stock.Checked)
	}
	test.Tap(original)
	if strings.Contains(res.Text, "原价") || strings.Contains(ed.previewText.Text, "原价") {
		t.Errorf("显示原价 off: part %q\npreview %s", res.Text, ed.previewText.Text)
	}
	test.Tap(original)
	if res.Text != before {
		t.Errorf("显示原价 back on: %q, want %q", res.Text, before)
	}
	test.Tap(stock)
	if !strings.Contains(res.Text, "库存：{库存}") || !strings.Contains(ed.previewText.Text, "库存：8") {
		t.Errorf("显示库存 on: part %q\npreview %s", res.Text, ed.previewText.Text)
	}
	test.Tap(ed.saveBtn)
	if body, _, _ := e.Store.PostTemplate(data.PostIndex); !strings.Contains(body, "{{.Stock}}") {
		t.Errorf("saved template = %q", body)
	}
	if !strings.Contains(s.post.Text, "腾讯视频VIP月卡 ¥15 库存：8") {
		t.Errorf("the post after saving:\n%s", s.post.Text)
	}
	test.Tap(s.templateBtn)
	if !s.editor.simple.switches[2].Checked || s.editor.advanced.Checked {
		t.Error("reopened: 显示库存 should be on, in the owner's mode")
	}
}

// Saving the default unchanged from the owner's mode keeps the post byte for byte.
func TestSavingTheDefaultFromOwnersModeKeepsThePost(t *testing.T) {
	e := uitest.NewEnv(t)
	s, ed := openIndexEditor(t, e)
	before := s.post.Text
	test.Tap(ed.saveBtn)
	if _, ok, _ := e.Store.PostTemplate(data.PostIndex); !ok {
		t.Fatal("nothing was saved")
	}
	if s.post.Text != before {
		t.Errorf("the post changed:\n%s\n---\n%s", s.post.Text, before)
	}
}

// 高级模式 shows the whole template; a template the owner's mode cannot show stays
// there, is saved, and opens there again with a note, until 恢复默认.
func TestAdvancedModeKeepsWhatPartsCannotSay(t *testing.T) {
	e := uitest.NewEnv(t)
	s, ed := openIndexEditor(t, e)
	test.Tap(ed.advanced)
	if !ed.advanced.Checked || !ed.advancedBox.Visible() || ed.simpleBox.Visible() {
		t.Fatal("高级模式 did not open")
	}
	if !strings.Contains(ed.body.Text, "{{range .Categories}}") {
		t.Errorf("高级模式 shows %q", ed.body.Text)
	}
	test.Tap(ed.advanced)
	if ed.advanced.Checked {
		t.Fatal("back to the owner's mode was refused for the default")
	}

	test.Tap(ed.advanced)
	ed.body.SetText(`【{{.GroupName}}】共 {{printf "%d" .Count}} 款`)
	if ed.saveBtn.Disabled() || !strings.Contains(ed.previewText.Text, "【王者荣耀福利群】共 2 款") {
		t.Fatalf("advanced template: save disabled %v, preview %q, problem %q", ed.saveBtn.Disabled(), ed.previewText.Text, ed.problem.Text)
	}
	test.Tap(ed.advanced)
	if !ed.advanced.Checked || !strings.Contains(ed.modeNote.Text, "只能继续在高级模式里改") {
		t.Errorf("leaving 高级模式 with printf: checked %v, note %q", ed.advanced.Checked, ed.modeNote.Text)
	}
	test.Tap(ed.saveBtn)
	if s.post.Text != "【王者荣耀福利群】共 2 款" {
		t.Errorf("post = %q", s.post.Text)
	}

	test.Tap(s.templateBtn)
	ed = s.editor
	if !ed.advanced.Checked || !strings.Contains(ed.modeNote.Text, "在高级模式里改过") || !ed.advancedBox.Visible() {
		t.Errorf("reopened: advanced %v, note %q", ed.advanced.Checked, ed.modeNote.Text)
	}
	ed.body.SetText("【{{.GroupName}")
	test.Tap(ed.advanced)
	if !ed.advanced.Checked || !strings.Contains(ed.modeNote.Text, "有错") || !ed.saveBtn.Disabled() {
		t.Errorf("broken: advanced %v, note %q", ed.advanced.Checked, ed.modeNote.Text)
	}
	test.Tap(ed.resetBtn)
	test.Tap(s.templateBtn)
	if s.editor.advanced.Checked || s.editor.modeNote.Text != "" {
		t.Error("after 恢复默认 the editor should open in the owner's mode")
	}
}

// A broken owner's part cannot be taken to 高级模式, and the message has no syntax.
func TestOwnersModeMustBeRightBeforeAdvanced(t *testing.T) {
	e := uitest.NewEnv(t)
	_, ed := openIndexEditor(t, e)
	ed.simple.entries[posts.PartFooter].SetText("※ {联系人}")
	test.Tap(ed.advanced)
	if ed.advanced.Checked || !strings.Contains(ed.problem.Text, "简单模式里还有错") || !strings.Contains(ed.problem.Text, "{联系人}") {
		t.Errorf("advanced %v, problem %q", ed.advanced.Checked, ed.problem.Text)
	}
}

func TestTemplateEditorRefusesBrokenTemplateAndResets(t *testing.T) {
	e := uitest.NewEnv(t)
	s, ed := openIndexEditor(t, e)
	test.Tap(ed.advanced)
	ed.body.SetText("【{{.GroupName}}】{{.Nope}}")
	if !ed.saveBtn.Disabled() || !strings.Contains(ed.problem.Text, "Nope") || strings.Contains(ed.problem.Text, "template:") {
		t.Fatalf("broken template: save disabled=%v, problem %q", ed.saveBtn.Disabled(), ed.problem.Text)
	}
	ed.body.SetText("【{{.GroupName}}】今日 {{.Count}} 款{{range .Categories}}\n{{.Name}}{{range .Resources}}\n{{.Name}} {{.Price}}{{end}}{{end}}")
	test.Tap(ed.saveBtn)
	if body, ok, _ := e.Store.PostTemplate(data.PostIndex); !ok || !strings.HasPrefix(body, "【{{.GroupName}}】今日") {
		t.Fatalf("saved template = %q (%v)", body, ok)
	}
	if got := s.preview.Text.Text; !strings.HasPrefix(got, "【王者荣耀福利群】今日 2 款") {
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

// The 上新 post has the owner's mode too, previewed with the resource it is for.
func TestNewStockTemplateInOwnersMode(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	r := uitest.MustResource(t, e, data.ResourceDraft{Name: "王者荣耀点券", Category: "游戏类", Price: "10", Redeem: "直充", Stock: "5"})
	r.Category.Name = "游戏类"
	p := ShowNewStockPost(e, &g, r)
	test.Tap(p.edit)
	ed := p.editor
	if ed.advanced.Checked {
		t.Fatal("the 上新 default should open in the owner's mode")
	}
	if !strings.Contains(ed.previewNote.Text, "「王者荣耀点券」") || ed.previewText.Text != p.post.Text {
		t.Errorf("preview note %q; preview\n%s\n---\npost\n%s", ed.previewNote.Text, ed.previewText.Text, p.post.Text)
	}
	footer := ed.simple.entries[posts.PartFooter]
	footer.SetText("▶ 私聊群主买「{名称}」")
	test.Tap(ed.saveBtn)
	if !strings.HasSuffix(p.post.Text, "▶ 私聊群主买「王者荣耀点券」") {
		t.Errorf("the 上新 post after saving:\n%s", p.post.Text)
	}
}

// The editor fits the 1280×800 window the owner has.
func TestTemplateEditorFitsTheWindow(t *testing.T) {
	e := uitest.NewEnv(t)
	e.Win.Resize(fyne.NewSize(1280, 800))
	_, ed := openIndexEditor(t, e)
	top := e.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no editor")
	}
	if size := ed.simpleBox.Size(); size.Width < 500 || size.Height < 400 {
		t.Errorf("the owner's mode has %v", size)
	}
	var _ *widget.Check = ed.advanced
}
