package rules

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

// newRulesScreen shows the 群规 screen of a new group.
func newRulesScreen(t *testing.T) (*ui.Env, *Screen, data.Group) {
	t.Helper()
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "星河卡盟", "812345678")
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.SetGroup(&g)
	s.Refresh()
	return e, s, g
}

// versions are the group's versions in the database, oldest first, with sections.
func versions(t *testing.T, e *ui.Env, g data.Group) []data.RuleVersion {
	t.Helper()
	h, err := e.Store.RuleHistory(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]data.RuleVersion, len(h))
	for i, v := range h {
		out[len(h)-1-i], err = e.Store.RuleVersionWithSections(v.ID)
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func titles(ss []rulebook.Section) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Title)
	}
	return strings.Join(out, "|")
}

// typeInto replaces an entry's text, typing its end as the owner would (typing a
// whole section rune by rune takes seconds under -race).
func typeInto(w ui.Watchable, text string) {
	e := w.WatchedEntry()
	r := []rune(text)
	cut := max(0, len(r)-3)
	e.SetText(string(r[:cut]))
	lines := strings.Split(string(r[:cut]), "\n")
	e.CursorRow, e.CursorColumn = len(lines)-1, len([]rune(lines[len(lines)-1]))
	test.Type(e, string(r[cut:]))
}

func TestRulesStartFromDefaultsAndFirstSaveIsVersionOne(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed := s.Editor
	if got, want := ed.List.Length(), len(rulebook.Defaults()); got != want {
		t.Fatalf("the list shows %d sections, want the %d defaults", got, want)
	}
	if ed.Title.Text != "入群须知" || !strings.Contains(ed.Body.Text, "群名片") {
		t.Errorf("first section shown: %q %q", ed.Title.Text, ed.Body.Text)
	}
	if !strings.Contains(s.status.Text, "还没有保存过群规") {
		t.Errorf("status %q", s.status.Text)
	}
	if n := len(versions(t, e, g)); n != 0 {
		t.Fatalf("%d versions before any save", n)
	}
	if !s.Post.empty.Visible() || !strings.Contains(s.Post.empty.Message.Text, "还没有保存过") {
		t.Errorf("the post tab before any save: %q", s.Post.empty.Message.Text)
	}

	test.Tap(ed.SaveButton)
	vs := versions(t, e, g)
	if len(vs) != 1 || titles(vs[0].Texts()) != titles(rulebook.Defaults()) {
		t.Fatalf("after the first save: %d versions", len(vs))
	}
	if !strings.Contains(s.notice.Text(), "已保存为第 1 版") || !strings.Contains(s.status.Text, "现行第 1 版，2026-11-26 修订") {
		t.Errorf("notice %q, status %q", s.notice.Text(), s.status.Text)
	}
}

func TestEditSectionAndSaveMakesNewVersion(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed := s.Editor
	test.Tap(ed.SaveButton) // version 1: the defaults

	ed.List.Select(3) // 售后通道
	if ed.Title.Text != "售后通道（24小时内响应）" {
		t.Fatalf("section 4 is %q", ed.Title.Text)
	}
	typeInto(ed.Title, "售后通道（12小时内响应）")
	typeInto(ed.Body, "售后问题 12 小时内回复。")
	test.Type(ed.Note, "售后改为 12 小时")
	if ed.Dirty.Text == "" || ed.DiscardButton.Disabled() {
		t.Errorf("an edit is not shown as unsaved: %q", ed.Dirty.Text)
	}
	test.Tap(ed.SaveButton)

	vs := versions(t, e, g)
	if len(vs) != 2 {
		t.Fatalf("%d versions, want 2", len(vs))
	}
	v2 := vs[1]
	if v2.Note != "售后改为 12 小时" || len(v2.Sections) != 6 || v2.Sections[3].Title != "售后通道（12小时内响应）" ||
		v2.Sections[3].Body != "售后问题 12 小时内回复。" || v2.Sections[3].Position != 4 {
		t.Fatalf("version 2: note %q, sections %+v", v2.Note, v2.Sections)
	}
	if vs[0].Sections[3].Title != "售后通道（24小时内响应）" {
		t.Errorf("version 1 changed: %+v", vs[0].Sections[3])
	}
	if ed.Note.Text != "" || ed.Dirty.Text != "" {
		t.Errorf("after saving: note %q, %q", ed.Note.Text, ed.Dirty.Text)
	}
	if s.History.List.Length() != 2 {
		t.Errorf("history lists %d versions", s.History.List.Length())
	}
}

func TestSaveWithoutChangeMakesNothing(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed := s.Editor
	test.Tap(ed.SaveButton)
	ed.List.Select(1)
	typeInto(ed.Body, ed.Body.Text+"  \n") // only trailing spaces: no change
	test.Tap(ed.SaveButton)
	if n := len(versions(t, e, g)); n != 1 {
		t.Fatalf("%d versions after a save without change", n)
	}
	if !strings.Contains(s.notice.Text(), "没有改动，所以没有保存新版本") {
		t.Errorf("notice %q", s.notice.Text())
	}
}

func TestAddRemoveMoveAndEmptyTitleRefused(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed := s.Editor
	ed.List.Select(5) // 违规处理, the last
	test.Tap(ed.AddButton)
	if ed.List.Length() != 7 || ed.d.selected != 6 || ed.Title.Text != "" {
		t.Fatalf("after 添加一条: %d sections, selected %d", ed.List.Length(), ed.d.selected)
	}
	if ed.TitleProblem.Text != "" {
		t.Errorf("a new empty section is scolded before 保存: %q", ed.TitleProblem.Text)
	}
	test.Type(ed.Body, "群主每周五晚 8 点开分享会。")
	test.Tap(ed.SaveButton)
	if n := len(versions(t, e, g)); n != 0 {
		t.Fatalf("a section without a title was saved (%d versions)", n)
	}
	if ed.TitleProblem.Text != "第 7 条的标题不能为空" {
		t.Errorf("title problem %q", ed.TitleProblem.Text)
	}
	test.Type(ed.Title, "分享会")
	if ed.TitleProblem.Text != "" {
		t.Errorf("the problem stays after a title was typed: %q", ed.TitleProblem.Text)
	}
	test.Tap(ed.UpButton) // 分享会 before 违规处理
	ed.List.Select(1)     // 发言规范
	test.Tap(ed.RemoveButton)
	if !strings.Contains(s.notice.Text(), "已删除「发言规范」") {
		t.Errorf("notice %q", s.notice.Text())
	}
	ed.List.Select(0)
	if !ed.UpButton.Disabled() {
		t.Error("上移 is enabled on the first section")
	}
	test.Tap(ed.DownButton) // 入群须知 after 交易规则
	test.Tap(ed.SaveButton)

	vs := versions(t, e, g)
	if len(vs) != 1 {
		t.Fatalf("%d versions", len(vs))
	}
	want := "交易规则（担保交易）|入群须知|售后通道（24小时内响应）|禁止事项|分享会|违规处理"
	if got := titles(vs[0].Texts()); got != want {
		t.Fatalf("saved order\n%s\nwant\n%s", got, want)
	}
	if vs[0].Sections[4].Body != "群主每周五晚 8 点开分享会。" {
		t.Errorf("new section body %q", vs[0].Sections[4].Body)
	}
}

func TestTooLongRefusedNamingTheSection(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed := s.Editor
	ed.List.Select(2)
	typeInto(ed.Title, strings.Repeat("长", rulebook.MaxTitleLen+1))
	if !strings.Contains(ed.TitleProblem.Text, "第 3 条的标题最多 60 个字") {
		t.Errorf("title problem %q", ed.TitleProblem.Text)
	}
	ed.List.Select(0)
	if !strings.Contains(ed.Summary.Text, "第 3 条的标题最多 60 个字") {
		t.Errorf("another section's problem is not in the summary: %q", ed.Summary.Text)
	}
	test.Tap(ed.SaveButton)
	if ed.d.selected != 2 {
		t.Errorf("保存 did not open the section with the problem (selected %d)", ed.d.selected)
	}
	if n := len(versions(t, e, g)); n != 0 {
		t.Fatalf("%d versions saved with a title too long", n)
	}
}

func TestDiscardGoesBackToTheVersionInForce(t *testing.T) {
	e, s, _ := newRulesScreen(t)
	ed := s.Editor
	test.Tap(ed.SaveButton)
	typeInto(ed.Title, "改了标题")
	test.Tap(ed.DiscardButton)
	test.Tap(uifind.OverlayButton(t, e.Win, "放弃修改"))
	if ed.Title.Text != "入群须知" || ed.Dirty.Text != "" {
		t.Fatalf("after 放弃修改: %q %q", ed.Title.Text, ed.Dirty.Text)
	}
}

// Unsaved edits survive leaving the screen and switching groups; each group has its own.
func TestDraftsAreKeptPerGroup(t *testing.T) {
	e, s, g := newRulesScreen(t)
	other := uitest.MustGroup(t, e, "月光小铺", "912345678")
	typeInto(s.Editor.Title, "星河的新标题")
	s.SetGroup(&other)
	s.Refresh()
	if s.Editor.Title.Text != "入群须知" {
		t.Fatalf("the other group shows %q", s.Editor.Title.Text)
	}
	s.SetGroup(&g)
	s.Refresh()
	if s.Editor.Title.Text != "星河的新标题" {
		t.Fatalf("the unsaved edit is gone: %q", s.Editor.Title.Text)
	}
}

func TestNoGroup(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e)
	uitest.Show(e, s.Content())
	s.Refresh()
	if !s.Editor.SaveButton.Disabled() || !strings.Contains(s.status.Text, "请先在上方选择或新建一个群") {
		t.Fatalf("without a group: save enabled %v, status %q", !s.Editor.SaveButton.Disabled(), s.status.Text)
	}
	if !s.History.empty.Visible() {
		t.Error("the history says nothing without a group")
	}
}

// Coming back to the screen shows the section the owner was looking at.
func TestRefreshKeepsTheSectionShown(t *testing.T) {
	_, s, _ := newRulesScreen(t)
	s.Editor.List.Select(3)
	s.Refresh()
	if s.Editor.d.selected != 3 || s.Editor.Title.Text != rulebook.Defaults()[3].Title {
		t.Fatalf("after a reload: section %d, title %q", s.Editor.d.selected, s.Editor.Title.Text)
	}
}
