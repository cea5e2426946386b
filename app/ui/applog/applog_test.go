package applog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/natefinch/lumberjack.v2"
)

func TestOpen(t *testing.T) {
	dataDir := t.TempDir()
	log, closer, err := Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	Error(log, "import members", errors.New("row 2: QQ 123456789 twice"), "file", "成员.xlsx")
	if err := closer.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := Dir(dataDir), filepath.Join(dataDir, "log"); got != want {
		t.Errorf("Dir = %q, want %q", got, want)
	}
	content, err := os.ReadFile(filepath.Join(dataDir, "log", "qunhuo.log"))
	if err != nil {
		t.Fatal(err)
	}
	line := string(content)
	for _, want := range []string{"level=ERROR", `msg="import members"`, `err="row 2: QQ 123****789 twice"`, "file=成员.xlsx"} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "123456789") {
		t.Errorf("log holds a full QQ number: %q", line)
	}

	rotation := closer.(*lumberjack.Logger)
	if rotation.MaxSize != 5 || rotation.MaxBackups != 4 {
		t.Errorf("rotation %d MB × %d backups, want 5 MB × 4", rotation.MaxSize, rotation.MaxBackups)
	}
}

func TestOpenAppends(t *testing.T) {
	dataDir := t.TempDir()
	for _, msg := range []string{"first", "second"} {
		log, closer, err := Open(dataDir)
		if err != nil {
			t.Fatal(err)
		}
		log.Info(msg)
		closer.Close()
	}
	content, err := os.ReadFile(filepath.Join(Dir(dataDir), FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(content), "msg=first") || !strings.Contains(string(content), "msg=second") {
		t.Errorf("log = %q, want both runs", content)
	}
}

func TestOpenUnwritable(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(dataDir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(dataDir); err == nil {
		t.Error("Open under a file: no error")
	}
}
