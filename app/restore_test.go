package app

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/data"
)

func testOpener(t *testing.T, dir string) *opener {
	t.Helper()
	a := test.NewTempApp(t)
	ui.UseChineseForFyne()
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	o := &opener{app: a, win: w, dir: dir, tasks: &ui.Tasks{Inline: true}, log: slog.New(slog.DiscardHandler), quit: func() {}}
	t.Cleanup(o.close)
	return o
}

// Restoring while the app runs closes the store, swaps the file, reopens and rebuilds
// the window; the data there was is kept as 恢复前-….db.
func TestRestoreWhileRunning(t *testing.T) {
	dir := t.TempDir()
	o := testOpener(t, dir)
	o.open()
	if o.store == nil {
		t.Fatal("not opened")
	}
	list, _ := data.ListBackups(filepath.Join(dir, data.BackupsFolder))
	if len(list) != 1 {
		t.Fatalf("start-up backups: %v", list)
	}
	for _, n := range []string{"11111", "22222"} {
		if err := o.store.SaveGroup(&data.Group{Name: "群" + n, Number: n}); err != nil {
			t.Fatal(err)
		}
	}
	o.restore(list[0])
	o.restoring.Wait()
	gs, err := o.store.Groups()
	if err != nil || len(gs) != 0 {
		t.Fatalf("after restore: %d groups, %v", len(gs), err)
	}
	if text := uifind.OverlayText(o.win); !strings.Contains(text, "已恢复备份") {
		t.Fatalf("dialog says %q", text)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, data.BackupsFolder, "恢复前-*.db"))
	if len(kept) != 1 {
		t.Fatalf("kept: %v", kept)
	}
	if info, err := data.CheckBackup(kept[0]); err != nil || info.Groups != 2 {
		t.Fatalf("the data before the restore: %+v, %v", info, err)
	}
}

// A refused file changes nothing, and the app goes on with the data it had.
func TestRestoreRefusedKeepsRunning(t *testing.T) {
	dir := t.TempDir()
	o := testOpener(t, dir)
	o.open()
	if err := o.store.SaveGroup(&data.Group{Name: "留下的群", Number: "33333"}); err != nil {
		t.Fatal(err)
	}
	junk := filepath.Join(t.TempDir(), "别的.db")
	if err := os.WriteFile(junk, bytes.Repeat([]byte("junk"), 2000), 0o644); err != nil {
		t.Fatal(err)
	}
	o.restore(junk)
	o.restoring.Wait()
	if text := uifind.OverlayText(o.win); !strings.Contains(text, "现在的数据没有改动") {
		t.Fatalf("dialog says %q", text)
	}
	if gs, _ := o.store.Groups(); len(gs) != 1 {
		t.Fatalf("groups after a refused restore: %v", gs)
	}
}

// A damaged database at start-up: the newest good backup is offered by its date,
// restored on request, and the damaged file is kept under another name.
func TestDamagedDatabaseAtStartOffersTheNewestBackup(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Open(filepath.Join(dir, data.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(&data.Group{Name: "备份里的群", Number: "44444"}); err != nil {
		t.Fatal(err)
	}
	taken := time.Date(2026, 11, 30, 21, 5, 0, 0, time.Local)
	if _, err := s.AutoBackup(taken); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	damaged := bytes.Repeat([]byte("damaged!"), 4096)
	if err := os.WriteFile(filepath.Join(dir, data.DatabaseFile), damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	o := testOpener(t, dir)
	o.open()
	text := uifind.OverlayText(o.win)
	for _, want := range []string{"已损坏", "2026年11月30日 21:05", "1 个群、", "不会被覆盖"} {
		if !strings.Contains(text, want) {
			t.Fatalf("dialog lacks %q: %q", want, text)
		}
	}
	test.Tap(uifind.OverlayButton(t, o.win, "用这个备份恢复"))
	if o.store == nil {
		t.Fatal("not reopened")
	}
	if gs, _ := o.store.Groups(); len(gs) != 1 || gs[0].Number != "44444" {
		t.Fatalf("groups: %v", gs)
	}
	if text := uifind.OverlayText(o.win); !strings.Contains(text, "已用 2026年11月30日 21:05 的备份恢复了数据") {
		t.Fatalf("after the restore the dialog says %q", text)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, data.DatabaseFile+".damaged-*"))
	if len(kept) != 1 {
		t.Fatalf("damaged file kept as %v", kept)
	}
	if got, _ := os.ReadFile(kept[0]); !bytes.Equal(got, damaged) {
		t.Fatal("the damaged file changed")
	}
}
