package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// OpenFolder shows the folder at path in the system file manager (Explorer,
// Finder, or whatever xdg-open picks), creating it first if it is missing. It
// returns once the file manager has started, without waiting for it to close.
// The error says what failed in English; screens show their own Chinese sentence.
func OpenFolder(path string) error {
	// Absolute, so that a relative name starting with "-" is not read as an option.
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("open folder %s: %w", path, err)
	}
	path = abs
	if err := os.MkdirAll(path, 0o755); err != nil {
		return fmt.Errorf("open folder: %w", err)
	}
	name, args := folderCommand(runtime.GOOS, path)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open folder %s: %w", path, err)
	}
	// Reap the process so it does not linger as a zombie. Its exit status means
	// nothing: explorer.exe exits with 1 even when the window opened.
	go func() { _ = cmd.Wait() }()
	return nil
}

// folderCommand returns the program and arguments that open path in the file
// manager of the system goos.
func folderCommand(goos, path string) (name string, args []string) {
	switch goos {
	case "windows":
		// Explorer reads "/" as the start of a switch and opens Documents instead.
		return "explorer.exe", []string{strings.ReplaceAll(path, "/", `\`)}
	case "darwin":
		return "open", []string{path}
	default: // Linux and the BSDs
		return "xdg-open", []string{path}
	}
}
