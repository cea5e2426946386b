package backup

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/qunhuo/qunhuo/app/ui/uitest"
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
