package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// openFolder is OpenFolder; tests replace it to see which folder would open.
var openFolder = OpenFolder

// ShowSaved tells the owner where a file was saved and offers to show it: owners on
// Windows rarely know where a folder is on disk, and the next step (upload to 群文件,
// copy to a USB stick) starts in the file manager.
func (e *Env) ShowSaved(title, text, path string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, MessageLabel(text), e.Win)
	ok := widget.NewButton("知道了", d.Hide)
	open := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() {
		d.Hide()
		e.ShowFolder(filepath.Dir(path))
	})
	open.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{ok, open})
	d.Resize(MessageSize(text))
	d.Show()
	EscCloses(e.Win, d)
	return d
}

// ShowFolder opens dir in the system's file manager off the UI goroutine, and when
// that fails tells the owner where it is so they can open it themselves.
func (e *Env) ShowFolder(dir string) {
	e.Tasks.Run(func() {
		if err := openFolder(dir); err != nil {
			e.Log.Warn("open folder", "dir", dir, "err", err)
			fyne.Do(func() {
				ShowMessage(e.Win, "没能打开文件夹", "请自己在文件管理器里打开这个文件夹：\n"+dir)
			})
		}
	})
}

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
