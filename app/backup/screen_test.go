package backup

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

func TestBackupScreenWritesACopy(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "备份测试群", "12345678")
	s := NewScreen(e, func() {})
	uitest.Show(e, s.Content())
	dir := t.TempDir()
	s.backupTo(filepath.Join(dir, e.Store.BackupName()))
	if !strings.Contains(s.status.Text, "已备份到") {
		t.Fatalf("status = %q", s.status.Text)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "群活备份-*.db"))
	if len(files) != 1 {
		t.Fatalf("backup files: %v", files)
	}
}

// The backup chooser opens where the last backup went (a USB stick, say), and after a
// backup the screen offers that folder.
func TestBackupChooserRemembersItsFolder(t *testing.T) {
	e := uitest.NewEnv(t)
	s := NewScreen(e, func() {})
	uitest.Show(e, s.Content())
	stick := t.TempDir()
	// The owner backed up to the stick once before.
	first := ui.NewFileChooser(e, ui.PurposeBackup, ui.ChooseFolder, nil, func(string) {})
	first.Show("备份到", stick, "")
	test.Tap(uifind.OverlayButton(t, e.Win, "选择这个文件夹"))

	test.Tap(s.backupBtn)
	if text := uifind.LabelTexts(e.Win.Canvas().Overlays().Top()); !strings.Contains(text, "把备份存到哪个文件夹？") {
		t.Fatalf("the backup chooser is not showing: %q", text)
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "选择这个文件夹"))
	files, _ := filepath.Glob(filepath.Join(stick, "群活备份-*.db"))
	if len(files) != 1 {
		t.Fatalf("backup files on the stick: %v", files)
	}
	if !s.openBackups.Visible() || s.lastDir != stick {
		t.Errorf("打开备份所在文件夹 shown %v, opens %q, want %q", s.openBackups.Visible(), s.lastDir, stick)
	}
}

// The screen lists the automatic backups with what is in each, and 恢复 asks first,
// then hands the file to the shell.
func TestBackupListAndRestore(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "备份测试群", "12345678")
	p, err := e.Store.AutoBackup(uitest.Now)
	if err != nil {
		t.Fatal(err)
	}
	s := NewScreen(e, func() {})
	var restored string
	s.SetRestore(func(path string) { restored = path })
	uitest.Show(e, s.Content())
	s.Refresh()
	text := uifind.LabelTexts(s.restore.rows)
	for _, want := range []string{"（自动备份）", "1 个群、0 个资源、0 个成员"} {
		if !strings.Contains(text, want) {
			t.Fatalf("list lacks %q: %q", want, text)
		}
	}
	test.Tap(uifind.FindButton(s.restore.rows, "恢复"))
	if restored != "" {
		t.Fatal("restored without asking")
	}
	test.Tap(uifind.OverlayButton(t, e.Win, "恢复"))
	if restored != p {
		t.Fatalf("restored %q, want %q", restored, p)
	}
}

func TestExportEverything(t *testing.T) {
	e := uitest.NewEnv(t)
	uitest.MustGroup(t, e, "导出测试群", "12345678")
	s := NewScreen(e, func() {})
	uitest.Show(e, s.Content())
	path := filepath.Join(t.TempDir(), "全部.xlsx")
	s.exportAllTo(path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Later record types add sheets; these are the foundation's, first.
	if got := f.GetSheetList(); len(got) < 5 || !slices.Equal(got[:5], []string{"群", "资源库", "成员", "供应商", "公告记录"}) {
		t.Fatalf("sheets: %v", got)
	}
	if rows, _ := f.GetRows("群"); len(rows) != 2 || rows[1][0] != "导出测试群" {
		t.Fatalf("群 rows: %v", rows)
	}
}

// The list says how many backups are kept as 设置 chose, and lists those still in the
// folder beside the data after the owner chose another one.
func TestBackupListFollowsThePlan(t *testing.T) {
	e := uitest.NewEnv(t)
	if _, err := e.Store.AutoBackup(uitest.Now.Add(-48 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	stick := t.TempDir()
	if err := data.SaveBackupPlan(e.Store.DataDir(), data.BackupPlan{Folder: stick, KeepDaily: 14}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.AutoBackup(uitest.Now); err != nil {
		t.Fatal(err)
	}
	s := NewScreen(e, func() {})
	uitest.Show(e, s.Content())
	s.Refresh()
	r := s.restore
	if !strings.Contains(r.help.Text, "保留最近 14 天每天一份") || strings.Contains(r.help.Text, "周每周") {
		t.Errorf("help %q", r.help.Text)
	}
	if !strings.Contains(r.note.Text, "共 2 份备份") {
		t.Errorf("note %q; want both folders' backups", r.note.Text)
	}
}
