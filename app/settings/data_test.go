package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/qunhuo/qunhuo/app/ui/uifind"
	"github.com/qunhuo/qunhuo/app/ui/uitest"
	"github.com/qunhuo/qunhuo/data"
)

// chooseFolder answers the folder chooser that tap opens with dir, made if missing.
func chooseFolder(t *testing.T, s *Screen, tap func(), dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.env.Store.SetSetting("chooser_folder_backup", dir); err != nil {
		t.Fatal(err)
	}
	tap()
	test.Tap(uifind.OverlayButton(t, s.env.Win, "选择这个文件夹"))
}

func settingsScreen(t *testing.T) *Screen {
	e := uitest.NewEnv(t)
	s := NewScreen(e, Links{})
	uitest.Show(e, s.Content())
	s.Refresh()
	return s
}

func planSection(s *Screen) *backupPlan {
	for _, sec := range s.sections {
		if b, ok := sec.(*backupPlan); ok {
			return b
		}
	}
	return nil
}

// Picking how many days and weeks to keep is kept beside the data at once; choosing a
// folder on a stick moves the automatic backups there, with a first backup made at
// once; 放回数据旁边 brings them back.
func TestBackupPlanChoices(t *testing.T) {
	s := settingsScreen(t)
	b := planSection(s)
	dataDir := s.env.Store.DataDir()
	if b.days.Selected != "7 天" || b.weeks.Selected != "4 周" || b.path.Text != filepath.Join(dataDir, data.BackupsFolder) || b.reset.Visible() {
		t.Fatalf("a new database shows %q, %q, %q, reset shown %v", b.days.Selected, b.weeks.Selected, b.path.Text, b.reset.Visible())
	}
	b.days.SetSelected("14 天")
	b.weeks.SetSelected("不按周保留")
	if p, err := data.LoadBackupPlan(dataDir); err != nil || p.KeepDaily != 14 || p.KeepWeekly != 0 {
		t.Fatalf("kept %+v, %v", p, err)
	}
	if !strings.Contains(b.status.Text, "保留最近 14 天每天一份") {
		t.Errorf("status %q", b.status.Text)
	}

	stick := filepath.Join(t.TempDir(), "U盘")
	chooseFolder(t, s, func() { test.Tap(b.other) }, stick)
	if p, _ := data.LoadBackupPlan(dataDir); p.Folder != stick || p.KeepDaily != 14 {
		t.Fatalf("plan after choosing the stick: %+v", p)
	}
	if list, _ := data.ListBackups(stick); len(list) != 1 {
		t.Fatalf("no first backup on the stick: %v", list)
	}
	if b.path.Text != stick || !b.reset.Visible() || !strings.Contains(b.status.Text, "已经先备份了一份") {
		t.Errorf("shows %q, reset %v, status %q", b.path.Text, b.reset.Visible(), b.status.Text)
	}

	// The data folder itself is refused, and the choice stays the stick.
	chooseFolder(t, s, func() { test.Tap(b.other) }, dataDir)
	if text := uifind.OverlayText(s.env.Win); !strings.Contains(text, "不能和数据放在同一个文件夹") {
		t.Fatalf("refusal: %q", text)
	}
	if p, _ := data.LoadBackupPlan(dataDir); p.Folder != stick {
		t.Fatalf("plan after a refused folder: %+v", p)
	}

	test.Tap(b.reset)
	if p, _ := data.LoadBackupPlan(dataDir); p.Folder != "" || p.KeepDaily != 14 {
		t.Fatalf("plan after 放回数据旁边: %+v", p)
	}
}

// 搬到别的文件夹 copies the data to an empty folder and switches to it; a folder that
// already has data is switched to without copying, after asking; the portable build
// cannot move.
func TestMoveDataFolder(t *testing.T) {
	s := settingsScreen(t)
	uitest.MustGroup(t, s.env, "王者荣耀交流群", "123456")
	var switched []string
	s.SetDataFolder(DataFolder{Switch: func(dir string) { switched = append(switched, dir) }})
	d := s.dataFolder
	if d.move.Disabled() {
		t.Fatal("move disabled")
	}
	to := filepath.Join(t.TempDir(), "D盘", "群活数据")
	chooseFolder(t, s, func() { test.Tap(d.move) }, to)
	test.Tap(uifind.OverlayButton(t, s.env.Win, "搬过去"))
	if len(switched) != 1 || switched[0] != to {
		t.Fatalf("switched to %v", switched)
	}
	moved, err := data.Open(filepath.Join(to, data.DatabaseFile))
	if err != nil {
		t.Fatal(err)
	}
	groups, err := moved.Groups()
	_ = moved.Close()
	if err != nil || len(groups) != 1 || groups[0].Name != "王者荣耀交流群" {
		t.Fatalf("groups in the new folder: %v, %v", groups, err)
	}
	if _, err := os.Stat(s.env.Store.Path()); err != nil {
		t.Fatal("the old database is gone")
	}

	// Again: the folder now has data, so the owner is asked to use it instead.
	chooseFolder(t, s, func() { test.Tap(d.move) }, to)
	if text := uifind.OverlayText(s.env.Win); !strings.Contains(text, "1 个群、0 个资源、0 个成员") {
		t.Fatalf("the question does not say what is there: %q", text)
	}
	test.Tap(uifind.OverlayButton(t, s.env.Win, "改用那里的数据"))
	if len(switched) != 2 || switched[1] != to {
		t.Fatalf("switched to %v", switched)
	}

	s.SetDataFolder(DataFolder{Portable: true, Switch: func(string) { t.Fatal("a portable install moved") }})
	if !d.move.Disabled() || !strings.Contains(d.note.Text, "便携版") {
		t.Errorf("portable: move disabled %v, note %q", d.move.Disabled(), d.note.Text)
	}
}
