package rules

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/rulebook"
)

func TestHistoryShowsVersionsChangesAndRestores(t *testing.T) {
	e, s, g := newRulesScreen(t)
	ed, h := s.Editor, s.History
	test.Tap(ed.SaveButton) // version 1
	ed.List.Select(2)       // 交易规则
	typeInto(ed.Body, ed.Body.Text+"\n5. 担保费由买家出，每单 1 元。")
	ed.List.Select(1) // 发言规范
	test.Tap(ed.RemoveButton)
	test.Type(ed.Note, "担保费；去掉发言规范")
	test.Tap(ed.SaveButton) // version 2

	if h.List.Length() != 2 {
		t.Fatalf("history lists %d versions", h.List.Length())
	}
	// The newest is picked and compared with the one before.
	got := h.String()
	for _, want := range []string{"第 2 版，2026-11-26 18:00 保存，共 5 条。修改说明：担保费；去掉发言规范",
		"和上一版相比：删除 1 条，修改 1 条。", "● 「交易规则（担保交易）」修改了内容", "＋ 5. 担保费由买家出，每单 1 元。",
		"● 删除了原第 2 条「发言规范」", "－ 1. 友好交流"} {
		if !strings.Contains(got, want) {
			t.Errorf("version 2 pane lacks %q:\n%s", want, got)
		}
	}
	if !h.RestoreButton.Disabled() || h.RestoreButton.Text != "这是现行版本" {
		t.Errorf("restore offered for the version in force: %q", h.RestoreButton.Text)
	}

	h.List.Select(1) // version 1, read-only as it was
	got = h.String()
	if !strings.Contains(got, "这是第一版，共 6 条") || !strings.Contains(got, "二、发言规范") {
		t.Errorf("version 1 pane:\n%s", got)
	}
	h.Mode.SetSelected(viewFull)
	if got := h.Text.String(); !strings.HasPrefix(got, "一、入群须知") || strings.Contains(got, "担保费") {
		t.Errorf("version 1 in full:\n%s", got)
	}

	test.Tap(h.RestoreButton)
	question := uifind.OverlayText(e.Win)
	if !strings.Contains(question, "会保存为新的第 3 版") {
		t.Errorf("restore question %q", question)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "恢复"))

	vs := versions(t, e, g)
	if len(vs) != 3 {
		t.Fatalf("%d versions after restore, want 3", len(vs))
	}
	if !rulebook.Same(vs[2].Texts(), rulebook.Defaults()) || vs[2].Note != "恢复为第 1 版（2026-11-26）" {
		t.Errorf("version 3: note %q, %s", vs[2].Note, titles(vs[2].Texts()))
	}
	if len(vs[1].Sections) != 5 {
		t.Errorf("version 2 was edited by the restore: %d sections", len(vs[1].Sections))
	}
	if h.List.Length() != 3 || !strings.Contains(s.notice.Text(), "已恢复") || ed.List.Length() != 6 {
		t.Errorf("after restore: %d versions listed, notice %q, editor %d sections", h.List.Length(), s.notice.Text(), ed.List.Length())
	}
	// Restoring version 3's twin, version 1, again changes nothing.
	h.List.Select(2)
	test.Tap(h.RestoreButton)
	test.Tap(uifind.OverlayButton(t, e.Win, "恢复"))
	if n := len(versions(t, e, g)); n != 3 || !strings.Contains(s.notice.Text(), "不用恢复") {
		t.Errorf("restoring the same rules made %d versions, notice %q", n, s.notice.Text())
	}
}

func TestRulesPostCopiesTheVersionInForce(t *testing.T) {
	e, s, g := newRulesScreen(t)
	test.Tap(s.Editor.SaveButton)
	test.Type(s.Editor.Note, "第二版")
	s.Editor.List.Select(0)
	typeInto(s.Editor.Title, "进群必读")
	test.Tap(s.Editor.SaveButton)
	s.selectTab(tabPost)

	p := s.Post
	if p.empty.Visible() || len(p.Preview.Parts()) != 1 {
		t.Fatalf("post tab: empty %v, %d parts", p.empty.Visible(), len(p.Preview.Parts()))
	}
	text := p.Preview.Text.Text
	if !strings.HasPrefix(text, "【星河卡盟·群规】\n第 2 版 · 2026-11-26 修订\n本次修改：第二版") || !strings.Contains(text, "◆ 一、进群必读") {
		t.Errorf("post:\n%s", text)
	}
	if !strings.Contains(p.Info.Text, "按现行第 2 版（2026-11-26 修订）生成，共 6 条") {
		t.Errorf("info %q", p.Info.Text)
	}
	// An unsaved edit is not in the post, and the tab says so.
	typeInto(s.Editor.Title, "还没保存的标题")
	s.Post.showInfo()
	if strings.Contains(p.Preview.Text.Text, "还没保存的标题") || !strings.Contains(p.Info.Text, "没保存的修改") {
		t.Errorf("unsaved edit: info %q", p.Info.Text)
	}
	test.Tap(p.Preview.CopyButton)
	if got := e.App.Clipboard().Content(); got != text {
		t.Errorf("clipboard:\n%s", got)
	}
	ps, err := e.Store.Posts(g.ID, 5)
	if err != nil || len(ps) != 1 || ps[0].Kind != data.PostRules || ps[0].Body != text {
		t.Fatalf("recorded posts %+v %v", ps, err)
	}
}
