package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestFolderCommand(t *testing.T) {
	tests := []struct {
		goos, path string
		name       string
		args       []string
	}{
		{"windows", `C:\Users\王\AppData\Roaming\QunHuo\log`, "explorer.exe", []string{`C:\Users\王\AppData\Roaming\QunHuo\log`}},
		{"windows", "C:/Users/me/群活 数据/log", "explorer.exe", []string{`C:\Users\me\群活 数据\log`}},
		{"windows", `\\nas\share\QunHuo`, "explorer.exe", []string{`\\nas\share\QunHuo`}},
		{"darwin", "/Users/me/Library/Application Support/QunHuo/log", "open", []string{"/Users/me/Library/Application Support/QunHuo/log"}},
		{"linux", "/home/me/.local/share/QunHuo/log", "xdg-open", []string{"/home/me/.local/share/QunHuo/log"}},
		{"freebsd", "/home/me/群活", "xdg-open", []string{"/home/me/群活"}},
		{"openbsd", "/tmp/a b", "xdg-open", []string{"/tmp/a b"}},
	}
	for _, tt := range tests {
		t.Run(tt.goos+" "+tt.path, func(t *testing.T) {
			name, args := folderCommand(tt.goos, tt.path)
			if name != tt.name || !slices.Equal(args, tt.args) {
				t.Errorf("folderCommand(%q, %q) = %q %q, want %q %q", tt.goos, tt.path, name, args, tt.name, tt.args)
			}
		})
	}
}

// A path that cannot be a folder fails before any program starts.
func TestOpenFolderUnderAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := OpenFolder(filepath.Join(file, "log")); err == nil {
		t.Error("OpenFolder under a file: no error")
	}
}
