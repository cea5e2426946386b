package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "qqlist", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// listRows is what the preview's list shows, row by row: kind, then text.
func listRows(p *qqListPreview) []string {
	var out []string
	for id := range p.shown {
		o := newImportRow()
		p.updateRow(id, o)
		c := o.(*fyne.Container)
		out = append(out, c.Objects[1].(*widget.Label).Text+" "+c.Objects[0].(*widget.Label).Text)
	}
	return out
}

// paste copies text to the clipboard, as the owner does in the browser, and taps 粘贴.
func paste(s *memberSource, text string) {
	s.env.App.Clipboard().SetContent(text)
	test.Tap(s.pasteBtn)
}

func membersOf(t *testing.T, e *ui.Env, groupID uint) map[string]data.Member {
	t.Helper()
	ms, err := e.Store.Members(groupID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.Member{}
	for _, m := range ms {
		out[m.QQ] = m
	}
	return out
}

// The owner pastes QQ's two overlapping pages, previews them (new, changed, merged,
// the one no longer in the complete list) and imports; pasting the same again
// finds nothing to do.
func TestPastedQQListPreviewAndImport(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	for _, d := range []data.MemberDraft{
		{QQ: "2876543210", Nickname: "小鱼儿", Notes: "老客户", Memberships: []data.MembershipDraft{{GroupID: g.ID, CardName: "小鱼-王者代充"}}},
		{QQ: "99999999", Nickname: "走了的人", Memberships: []data.MembershipDraft{{GroupID: g.ID}}},
	} {
		m, _ := d.Parse(e.Loc)
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
	}
	done := 0
	s := showMemberSource(e, g, func() { done++ })
	if !s.previewBtn.Disabled() || !s.clearBtn.Disabled() || s.status.Text != "还没有粘贴。" {
		t.Error("preview is offered before anything is pasted")
	}
	if !strings.Contains(uifind.OverlayText(e.Win), "search_group_members") {
		t.Error("the help text is not in the dialog")
	}
	// The two pages one at a time, as copied from the browser; the first twice.
	both := fixture(t, "两页重叠.json")
	second := strings.Index(both, "\n{\"ec\"") + 1
	pages := []string{both[:second], both[second:]}
	paste(s, pages[0])
	if s.status.Text != "已粘贴 1 页，共 4 位成员（QQ 显示本群共 7 人）。\n有下一页就复制后再点「粘贴」，都好了点「预览」。" {
		t.Errorf("after page 1: %q", s.status.Text)
	}
	paste(s, pages[0])
	if s.status.Text != "这一页已经粘贴过了（已粘贴 1 页）。请复制下一页后再点「粘贴」，都好了点「预览」。" {
		t.Errorf("page 1 again: %q", s.status.Text)
	}
	paste(s, pages[1])
	if s.status.Text != "已粘贴 2 页，共 7 位成员（QQ 显示本群共 7 人）。\n有下一页就复制后再点「粘贴」，都好了点「预览」。" {
		t.Errorf("after page 2: %q", s.status.Text)
	}
	test.Tap(s.previewBtn)
	p := s.preview
	if p == nil {
		t.Fatalf("no preview: %q", s.status.Text)
	}
	if want := "名单里有 7 位成员：新增 6 位，变更 1 位，不变 0 位；重复出现的 1 条已合并；1 位已不在名单里。"; p.summary.Text != want {
		t.Errorf("summary %q, want %q", p.summary.Text, want)
	}
	if p.note.Text != "这是完整的名单（QQ 显示本群共 7 人）。" {
		t.Errorf("note %q", p.note.Text)
	}
	rows := listRows(p)
	for i, want := range map[int]string{
		0: "新增 群主-小卡（QQ 123456789）",
		1: "变更 小鱼儿🐟（QQ 2876543210）：昵称 小鱼儿 → 小鱼儿🐟；群名片 小鱼-王者代充 → 无；身份 成员 → 管理员；入群时间 无 → 2021-01-01 08:00；最后发言 无 → 2025-11-30 08:00；等级 无 → 吐槽",
		2: "新增 阿 九（QQ 10001）",
		3: "新增 Tom&Jerry（QQ 3987654321）：名单里出现 2 次，已合并",
		7: "已退群 走了的人（QQ 99999999）：不在这份名单里",
	} {
		if len(rows) != 8 || rows[i] != want {
			t.Errorf("row %d: %q, want %q (of %d rows)", i, rows[i], want, len(rows))
		}
	}
	p.kindFilter.SetSelected(mergedRows)
	if got := listRows(p); len(got) != 1 || !strings.HasPrefix(got[0], "新增 Tom&Jerry") {
		t.Errorf("merged filter shows %q", got)
	}
	if !p.markLeft.Visible() || !p.markLeft.Checked || p.importBtn.Text != "导入 7 位" || p.importBtn.Disabled() {
		t.Fatalf("mark %v/%v, button %q disabled %v", p.markLeft.Visible(), p.markLeft.Checked, p.importBtn.Text, p.importBtn.Disabled())
	}
	if n := len(membersOf(t, e, 0)); n != 2 {
		t.Fatalf("the preview wrote: %d members", n)
	}
	test.Tap(p.importBtn)
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "已导入 7 位成员（新增 6 位，变更 1 位），1 位标记为已退群。") {
		t.Errorf("after import: %q", got)
	}
	got := membersOf(t, e, g.ID)
	if len(got) != 8 || done != 1 {
		t.Fatalf("group has %d members, told %d times", len(got), done)
	}
	gone := got["99999999"]
	if seat := gone.In(g.ID); seat.LeftOn == nil {
		t.Error("the member who left is not marked")
	}
	fish := got["2876543210"]
	if fish.Notes != "老客户" || fish.In(g.ID).Role != data.RoleAdmin || fish.In(g.ID).LevelName != "吐槽" {
		t.Errorf("小鱼儿 = %+v %+v", fish, fish.Memberships)
	}

	s = showMemberSource(e, g, nil)
	paste(s, fixture(t, "两页重叠.json"))
	test.Tap(s.previewBtn)
	if p := s.preview; p.summary.Text != "名单里有 7 位成员：新增 0 位，变更 0 位，不变 7 位；重复出现的 1 条已合并。" ||
		!p.importBtn.Disabled() || p.importBtn.Text != "没有要导入的变化" || p.markLeft.Visible() {
		t.Errorf("again: %q, button %q", p.summary.Text, p.importBtn.Text)
	}
}

// One page of a bigger group: imported, but nobody is offered as having left.
func TestPastedIncompleteQQList(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	m, _ := data.MemberDraft{QQ: "99999999", Memberships: []data.MembershipDraft{{GroupID: g.ID}}}.Parse(e.Loc)
	if err := e.Store.SaveMember(&m); err != nil {
		t.Fatal(err)
	}
	s := showMemberSource(e, g, nil)
	paste(s, `{"ec":0,"count":120,"mems":[{"uin":12345678,"nick":"甲"}]}`)
	test.Tap(s.previewBtn)
	p := s.preview
	if p.note.Text != "名单不完整：QQ 显示本群共 120 人，这里只有 1 人，所以不会标记谁已退群。要标记，请把每一页都复制下来一起导入。" ||
		p.markLeft.Visible() || p.importBtn.Text != "导入 1 位" {
		t.Errorf("note %q, mark %v, button %q", p.note.Text, p.markLeft.Visible(), p.importBtn.Text)
	}
}

// Pasted text that is not QQ's list is refused beside the text, in words about the
// list, and nothing is written.
func TestPastedTextRefused(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	s := showMemberSource(e, g, nil)
	for text, want := range map[string]string{
		"  \r\n":                           "剪贴板里没有文字：请先在浏览器里复制「响应」的全部内容，再点「粘贴」。",
		fixture(t, "缺了一半.json"):            "成员名单不完整，在中间断掉了，可能没有复制全。请在「响应」里按 Ctrl+A 全选后再复制一次。没有导入任何成员。",
		fixture(t, "类型不对.json"):            "成员名单里第 2 位成员的「入群时间」不是 QQ 给出的样子（是「昨天」），请在 qun.qq.com 重新复制或另存，不要手动修改。没有导入任何成员。",
		fixture(t, "未登录.json"):             "QQ 没有给出成员名单（错误 4），通常是登录已过期或你不是这个群的群主、管理员。请在浏览器里重新登录 qun.qq.com 后再复制。没有导入任何成员。",
		"QQ号\t昵称\n12345678\t甲":             "这不是 QQ 的群成员名单：要的是「成员管理」页面里 search_group_members 的响应。Excel 或 CSV 表格请点「选择文件」导入。没有导入任何成员。",
		`{"ec":0,"mems":[{"uin":"12ab"}]}`: "成员名单里第 1 位成员的 QQ号「12ab」不是 QQ号，请在 qun.qq.com 重新复制或另存，不要手动修改。没有导入任何成员。",
	} {
		paste(s, text)
		if s.status.Text != want || s.status.Importance != widget.DangerImportance || !s.previewBtn.Disabled() {
			t.Errorf("pasted %.20q: %q, want %q", text, s.status.Text, want)
		}
	}
	// A good page, then a bad one: the bad one is refused and the good one stays.
	paste(s, `{"ec":0,"count":2,"mems":[{"uin":12345678,"nick":"甲"}]}`)
	paste(s, fixture(t, "缺了一半.json"))
	if !strings.HasPrefix(s.status.Text, "这一页没有加进来：成员名单不完整") || !strings.HasSuffix(s.status.Text, "（之前粘贴的 1 页还在。）") ||
		s.previewBtn.Disabled() || len(s.list.Members) != 1 {
		t.Errorf("after a bad second page: %q", s.status.Text)
	}
	test.Tap(s.clearBtn)
	if s.status.Text != "还没有粘贴。" || !s.previewBtn.Disabled() || s.list != nil {
		t.Errorf("after 清空重来: %q", s.status.Text)
	}
	if n := len(membersOf(t, e, 0)); n != 0 {
		t.Errorf("a refusal wrote %d members", n)
	}
}

// Files: QQ's list is told by content or by a .json name, and its refusals never
// talk about columns or rows; a sheet goes to the column wizard.
func TestChosenFilesGoWhereTheyBelong(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for name, text := range map[string]string{
		"成员.json":    "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"截断.json":    fixture(t, "缺了一半.json"),
		"别的.json":    fixture(t, "不是成员名单.json"),
		"看着像表格.json": "QQ号,昵称\r\n12345678,甲\r\n",
	} {
		s := showMemberSource(e, g, nil)
		s.readFile(write(name, text))
		msg := uifind.OverlayText(e.Win)
		if s.preview != nil || s.wizard != nil || !strings.Contains(msg, "没有导入任何成员") ||
			strings.Contains(msg, "列") || strings.Contains(msg, "表头") || strings.Contains(msg, "第 1 行") {
			t.Errorf("%s: %q", name, msg)
		}
		dismissOverlays(e)
	}
	s := showMemberSource(e, g, nil)
	s.readFile(write("从网页另存的.txt", fixture(t, "没有等级名称.json")))
	if s.preview == nil || s.preview.plan.Count(data.ListNew) != 2 {
		t.Fatalf("a saved list with another name: %q", uifind.OverlayText(e.Win))
	}
	s = showMemberSource(e, g, nil)
	s.readFile(write("名单.csv", "QQ号,昵称\r\n12345678,甲\r\n"))
	if s.wizard == nil || s.wizard.plan.Count(0) != 1 {
		t.Fatalf("a sheet did not open the wizard: %q", uifind.OverlayText(e.Win))
	}
	if n := len(membersOf(t, e, 0)); n != 0 {
		t.Errorf("%d members written without an import", n)
	}
}

func dismissOverlays(e *ui.Env) {
	for _, o := range e.Win.Canvas().Overlays().List() {
		e.Win.Canvas().Overlays().Remove(o)
	}
}

// A member sheet with a row that lost its cells and a last-spoke time that cannot be
// read: both are refused in the preview with row and column, nothing is written
// until the owner chooses to skip them, and then only the good row is.
func TestMemberSheetRefusesShortRowsAndUnreadableTimes(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	path := filepath.Join(t.TempDir(), "群成员.csv")
	text := "QQ号,昵称,群名片,最后发言时间,等级\r\n" +
		"12345678,甲,甲甲,2026-05-01 20:30,冒泡\r\n" +
		"23456789,乙\r\n" +
		"34567890,丙,丙丙,昨天,潜水\r\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s := showMemberSource(e, g, nil)
	s.readFile(path)
	w := s.wizard
	if w == nil {
		t.Fatalf("refused: %q", uifind.OverlayText(e.Win))
	}
	if got := w.plan.Summary(); got != "新增 1 条，变更 0 条，不变 0 条，无效 2 条" {
		t.Fatalf("summary %q", got)
	}
	if kind, detail := previewRow(t, w, 3); kind != "第 3 行 无效" || !strings.HasPrefix(detail, "乙（QQ 23456789）：这一行只有 2 格，表头有 5 格，「群名片」「最后发言」「等级」列在这一行没有") {
		t.Errorf("row 3: %q %q", kind, detail)
	}
	if _, detail := previewRow(t, w, 4); detail != "丙丙（QQ 34567890）：最后发言（D 列）「昨天」不是日期，请写成 2026-12-31 或 2026-12-31 20:00" {
		t.Errorf("row 4: %q", detail)
	}
	if !w.importBtn.Disabled() {
		t.Fatal("import offered with invalid rows")
	}
	if n := len(membersOf(t, e, 0)); n != 0 {
		t.Fatalf("the preview wrote %d members", n)
	}
	test.Tap(w.skipInvalid)
	test.Tap(w.importBtn)
	got := membersOf(t, e, g.ID)
	seat := got["12345678"].Memberships
	if len(got) != 1 || len(seat) != 1 || seat[0].LevelName != "冒泡" || seat[0].LastSpokeAt == nil {
		t.Errorf("imported %+v", got)
	}
}

// Another group's list pasted by mistake would mark the whole group as left: the
// preview warns and leaves the marks for the owner to tick.
func TestAnotherGroupsListDoesNotMarkEveryoneLeft(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "王者荣耀福利群", "123456789")
	for _, qq := range []string{"11111111", "22222222", "33333333"} {
		m, _ := data.MemberDraft{QQ: qq, Memberships: []data.MembershipDraft{{GroupID: g.ID}}}.Parse(e.Loc)
		if err := e.Store.SaveMember(&m); err != nil {
			t.Fatal(err)
		}
	}
	s := showMemberSource(e, g, nil)
	paste(s, `{"ec":0,"count":2,"mems":[{"uin":44444444,"nick":"丁"},{"uin":11111111,"nick":"甲"}]}`)
	test.Tap(s.previewBtn)
	p := s.preview
	if p.markLeft.Checked || !p.markLeft.Visible() || p.note.Importance != widget.WarningImportance ||
		p.note.Text != "注意：名单里只有 1 位是本群已有的成员，却有 2 位不在名单里。请确认复制的是「王者荣耀福利群」的名单；确认无误再勾选下方的标记已退群。" {
		t.Fatalf("mark %v, note %q", p.markLeft.Checked, p.note.Text)
	}
	test.Tap(p.importBtn)
	for qq, m := range membersOf(t, e, g.ID) {
		if m.Memberships[0].LeftOn != nil {
			t.Errorf("%s marked as left without the owner ticking it", qq)
		}
	}
	// Ticked by the owner, the marks are made.
	s = showMemberSource(e, g, nil)
	paste(s, `{"ec":0,"count":3,"mems":[{"uin":55555555,"nick":"戊"},{"uin":66666666,"nick":"己"},{"uin":11111111,"nick":"甲"}]}`)
	test.Tap(s.previewBtn)
	if s.preview.markLeft.Checked {
		t.Fatal("3 of 4 leaving is marked without asking")
	}
	test.Tap(s.preview.markLeft)
	if s.preview.importBtn.Text != "导入 2 位" || marked(s.preview) != 3 {
		t.Errorf("button %q", s.preview.importBtn.Text)
	}
	test.Tap(s.preview.importBtn)
	if m := membersOf(t, e, g.ID)["44444444"]; m.Memberships[0].LeftOn == nil {
		t.Error("not marked after the owner ticked it")
	}
}

func marked(p *qqListPreview) int {
	_, n := p.toWrite()
	return n
}
