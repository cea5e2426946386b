package importer

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

const chatSep = "================================================================"

// writeChat writes a QQ 消息管理器 text export: n messages of each group, a minute
// apart, from seven senders (QQ 200000…200006); cut is written at the end as it is.
func writeChat(t *testing.T, groups map[string]int, order []string, cut string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "群聊记录.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "消息记录（此消息记录为文本格式，不支持重新导入）\n\n")
	day := time.Date(2025, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, g := range order {
		fmt.Fprintf(w, "%s\n消息分组:我的群聊\n%s\n消息对象:%s\n%s\n\n", chatSep, chatSep, g, chatSep)
		for i := range groups[g] {
			fmt.Fprintf(w, "%s 成员%d(%d)\n%s的第 %d 条消息\n\n", day.Add(time.Duration(i)*time.Minute).Format("2006-01-02 15:04:05"), i%7, 200000+i%7, g, i)
		}
	}
	fmt.Fprint(w, cut)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func findProgressBar(o fyne.CanvasObject) *widget.ProgressBar {
	if b, ok := o.(*widget.ProgressBar); ok {
		return b
	}
	for _, c := range uifind.Children(o) {
		if b := findProgressBar(c); b != nil {
			return b
		}
	}
	return nil
}

// The owner picks a file with two groups, imports one of them into the matching
// group while the bar moves, sees what was added, and adds five of the six new
// senders as members.
func TestChatImportWithProgressAndNewSenders(t *testing.T) {
	e := uitest.NewEnv(t)
	g := uitest.MustGroup(t, e, "资源群", "123456")
	old := data.Member{QQ: "200001", Nickname: "老成员"}
	if err := e.Store.SaveMember(&old); err != nil {
		t.Fatal(err)
	}
	path := writeChat(t, map[string]int{"资源群": 9000, "闲聊群": 3}, []string{"资源群", "闲聊群"}, "")
	done := 0
	flow := scanChat(e, path, 0, func() { done++ })
	c := flow.choices
	if c == nil {
		t.Fatalf("no choices shown: %q", uifind.OverlayText(e.Win))
	}
	if len(c.ticks) != 2 || c.ticks[0].Text != "资源群（9000 条，2025-03-01 至 2025-03-07）" || !c.ticks[0].Checked {
		t.Fatalf("groups offered: %q", c.ticks[0].Text)
	}
	if c.targets[0].Selected != "资源群" || c.targets[1].Selected != noGroup {
		t.Fatalf("mapped to %q and %q", c.targets[0].Selected, c.targets[1].Selected)
	}
	c.ticks[1].SetChecked(false)
	if c.note.Text != "将读取 9000 条消息。" || c.okBtn.Disabled() {
		t.Fatalf("note %q", c.note.Text)
	}

	var bars []float64
	afterChatBatch = func(data.ChatProgress) {
		bar := findProgressBar(e.Win.Canvas().Overlays().Top())
		if bar == nil || bar.Hidden {
			t.Error("no progress bar while importing")
			return
		}
		bars = append(bars, bar.Value)
	}
	defer func() { afterChatBatch = nil }()
	test.Tap(c.okBtn)
	if len(bars) != 3 || bars[0] <= 0.4 || bars[0] >= 0.5 {
		t.Fatalf("bar values %v, want 3 batches starting at 4000/9000", bars)
	}
	r := c.result
	if r == nil {
		t.Fatalf("no result: %q", uifind.OverlayText(e.Win))
	}
	if !strings.Contains(r.summary.Text, "新增 9000 条消息，0 条之前已经导入过") || done != 1 {
		t.Fatalf("summary %q, done %d", r.summary.Text, done)
	}
	if len(r.ticks) != 6 || !strings.HasPrefix(r.ticks[0].Text, "成员0（QQ 200000，") || !strings.Contains(r.ticks[0].Text, "资源群") {
		t.Fatalf("senders offered: %d, %q", len(r.ticks), r.ticks[0].Text)
	}
	r.ticks[5].SetChecked(false)
	if r.addBtn.Text != "添加为成员（5 位）" {
		t.Fatalf("button %q", r.addBtn.Text)
	}
	test.Tap(r.addBtn)
	if !strings.Contains(uifind.OverlayText(e.Win), "已添加 5 位成员") {
		t.Fatalf("after adding: %q", uifind.OverlayText(e.Win))
	}
	ms, err := e.Store.Members(g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 5 { // the old member had no seat in the group
		t.Fatalf("members in the group: %d", len(ms))
	}
	again, err := e.Store.NewChatSenders(1)
	if err != nil || len(again) != 1 || again[0].QQ != r.senders[5].QQ {
		t.Fatalf("still offered: %+v, %v", again, err)
	}
}

// 取消 while the import runs leaves nothing, and says so.
func TestChatImportCancelled(t *testing.T) {
	e := uitest.NewEnv(t)
	path := writeChat(t, map[string]int{"资源群": 9000}, []string{"资源群"}, "")
	c := scanChat(e, path, 0, nil).choices
	afterChatBatch = func(data.ChatProgress) {
		if b := uifind.FindButton(e.Win.Canvas().Overlays().Top(), "取消"); b != nil && !b.Disabled() {
			test.Tap(b)
		}
	}
	defer func() { afterChatBatch = nil }()
	test.Tap(c.okBtn)
	if !strings.Contains(uifind.OverlayText(e.Win), "已取消，这次读到的消息都没有保留") {
		t.Fatalf("after 取消: %q", uifind.OverlayText(e.Win))
	}
	ins, err := e.Store.ChatImports()
	if err != nil || len(ins) != 1 || ins[0].State != data.ChatImportCancelled {
		t.Fatalf("imports %+v, %v", ins, err)
	}
	if s, err := e.Store.NewChatSenders(ins[0].ID); err != nil || len(s) != 0 {
		t.Fatalf("messages left behind: %+v, %v", s, err)
	}
}

// A file that is no export is refused in Chinese; a file cut short imports only when
// the owner ticks 保留.
func TestChatImportRefusalsAndCutFile(t *testing.T) {
	e := uitest.NewEnv(t)
	bad := filepath.Join(t.TempDir(), "名单.txt")
	if err := os.WriteFile(bad, []byte("QQ号,昵称\n10001,老王\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if flow := scanChat(e, bad, 0, nil); flow.choices != nil {
		t.Fatal("choices shown for a file that is no export")
	}
	if got := uifind.OverlayText(e.Win); !strings.Contains(got, "这不是 QQ 聊天记录的导出文件") {
		t.Fatalf("refusal %q", got)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "知道了"))

	cut := writeChat(t, map[string]int{"资源群": 5}, []string{"资源群"}, "2025-03-02 10:1")
	c := scanChat(e, cut, 0, nil).choices
	if c == nil || c.keep == nil {
		t.Fatal("the cut file offers no choice to keep")
	}
	if !c.okBtn.Disabled() || !strings.Contains(c.note.Text, "勾选「保留」") {
		t.Fatalf("import offered without 保留: %q", c.note.Text)
	}
	if !strings.Contains(uifind.OverlayText(e.Win), "断开之前有 5 条完整的消息") {
		t.Fatalf("dialog %q", uifind.OverlayText(e.Win))
	}
	c.keep.SetChecked(true)
	test.Tap(c.okBtn)
	if c.result == nil || !strings.Contains(c.result.summary.Text, "新增 5 条消息") || !strings.Contains(c.result.summary.Text, "断开之前的完整消息") {
		t.Fatalf("result %+v", c.result)
	}
}

// 在后台继续 closes the progress dialog while the import goes on: the top bar shows a
// small bar that moves, and the result appears when the import is done.
func TestChatImportInBackground(t *testing.T) {
	e := uitest.NewEnv(t)
	path := writeChat(t, map[string]int{"资源群": 9000}, []string{"资源群"}, "")
	c := scanChat(e, path, 0, nil).choices
	var mini []float64
	afterChatBatch = func(data.ChatProgress) {
		if len(e.Busy.Items()) == 0 {
			b := uifind.FindButton(e.Win.Canvas().Overlays().Top(), "在后台继续")
			if b == nil {
				t.Error("no 在后台继续 on the progress dialog")
				return
			}
			test.Tap(b)
			if top := e.Win.Canvas().Overlays().Top(); top != nil && findProgressBar(top) != nil {
				t.Error("progress dialog still shown after 在后台继续")
			}
			return
		}
		if bar := findProgressBar(e.Busy.Object()); bar != nil {
			mini = append(mini, bar.Value)
		}
	}
	defer func() { afterChatBatch = nil }()
	test.Tap(c.okBtn)
	if len(mini) != 2 || mini[0] <= 0.8 || mini[0] >= 0.9 || mini[1] != 1 {
		t.Fatalf("top bar values %v, want 8000/9000 then 9000/9000", mini)
	}
	if len(e.Busy.Items()) != 0 {
		t.Fatal("the top bar still shows the import after it ended")
	}
	if c.result == nil || !strings.Contains(c.result.summary.Text, "新增 9000 条消息") {
		t.Fatalf("no result after the background import: %q", uifind.OverlayText(e.Win))
	}
}

// 取消 in the top bar stops an import sent to the background and leaves no messages.
func TestChatImportCancelledFromTopBar(t *testing.T) {
	e := uitest.NewEnv(t)
	path := writeChat(t, map[string]int{"资源群": 9000}, []string{"资源群"}, "")
	c := scanChat(e, path, 0, nil).choices
	afterChatBatch = func(data.ChatProgress) {
		if len(e.Busy.Items()) == 0 {
			if b := uifind.FindButton(e.Win.Canvas().Overlays().Top(), "在后台继续"); b != nil {
				test.Tap(b)
			}
			return
		}
		if b := uifind.FindButton(e.Busy.Object(), "取消"); b != nil && !b.Disabled() {
			test.Tap(b)
		}
	}
	defer func() { afterChatBatch = nil }()
	test.Tap(c.okBtn)
	if !strings.Contains(uifind.OverlayText(e.Win), "已取消，这次读到的消息都没有保留") || len(e.Busy.Items()) != 0 {
		t.Fatalf("after 取消 in the top bar: %q, %d in the top bar", uifind.OverlayText(e.Win), len(e.Busy.Items()))
	}
	ins, err := e.Store.ChatImports()
	if err != nil || len(ins) != 1 || ins[0].State != data.ChatImportCancelled {
		t.Fatalf("imports %+v, %v", ins, err)
	}
	if s, err := e.Store.NewChatSenders(ins[0].ID); err != nil || len(s) != 0 {
		t.Fatalf("messages left behind: %+v, %v", s, err)
	}
}
