package app

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPortableDataDir(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "QunHuo.exe")
	if err := os.WriteFile(exe, []byte("exe"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := PortableDataDir(exe); got != "" {
		t.Fatalf("without %s: got %q, want \"\" (the app's storage folder)", PortableMarker, got)
	}
	if err := os.WriteFile(filepath.Join(dir, PortableMarker), []byte("便携版"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "data")
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		want = filepath.Join(real, "data")
	}
	if got := PortableDataDir(exe); got != want {
		t.Fatalf("with %s: got %q, want %q", PortableMarker, got, want)
	}
	if got := PortableDataDir(""); got != "" {
		t.Fatalf("no executable: got %q, want \"\"", got)
	}
}

func TestPortableMarkerFolderIsNotAMarker(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, PortableMarker), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := PortableDataDir(filepath.Join(dir, "QunHuo.exe")); got != "" {
		t.Fatalf("a folder named %s: got %q, want \"\"", PortableMarker, got)
	}
}

func TestTestBinaryIsNotPortable(t *testing.T) {
	if got := DefaultDataDir(); got != "" {
		t.Fatalf("the test binary has no %s beside it, got %q", PortableMarker, got)
	}
}
