package ui

import (
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ChooserPurpose is what a file chooser is for. Each purpose remembers its own last
// folder in the database (so a -data folder on a USB stick carries it): imports open
// where the price lists were, exports where the group's files go, backups on the stick.
type ChooserPurpose string

const (
	PurposeImport ChooserPurpose = "import" // sheets to import
	PurposeExport ChooserPurpose = "export" // sheets saved for 群文件
	PurposeBackup ChooserPurpose = "backup" // backup copies of the database
)

// settingKey is where the purpose's last folder is kept.
func (p ChooserPurpose) settingKey() string { return "chooser_folder_" + string(p) }

// rememberedFolder is the folder last used for the chooser's purpose, or the owner's
// documents. It reads the database, so it runs off the UI goroutine.
func (c *FileChooser) rememberedFolder() string {
	if c.purpose != "" {
		dir, ok, err := c.env.Store.Setting(c.purpose.settingKey())
		if err != nil {
			c.env.Log.Warn("remembered folder", "purpose", c.purpose, "err", err)
		}
		if ok && dir != "" {
			return dir
		}
	}
	return documentsFolder()
}

// remember keeps dir as the folder for the chooser's purpose, off the UI goroutine. A
// failure costs only the convenience, so it is logged, not shown.
func (c *FileChooser) remember(dir string) {
	if c.purpose == "" {
		return
	}
	key := c.purpose.settingKey()
	c.env.Tasks.Run(func() {
		if err := c.env.Store.SetSetting(key, dir); err != nil {
			c.env.Log.Warn("remember folder", "purpose", c.purpose, "err", err)
		}
	})
}

// pathHint is what the note under the path box says while nothing is wrong.
const pathHint = "可以在上面粘贴文件夹或文件的位置，按回车或点「前往」打开。"

// showPathNote shows a problem with the typed path under the box, or the hint when
// text is empty. The note always holds a line, so a problem never moves the list.
func (c *FileChooser) showPathNote(text string, problem bool) {
	if text == "" {
		text = pathHint
	}
	c.pathNote.Importance = widget.LowImportance
	if problem {
		c.pathNote.Importance = widget.DangerImportance
	}
	c.pathNote.SetText(text)
}

// pathChoice is what a typed path turned out to be.
type pathChoice struct {
	dir     string // a folder to show
	name    string // a file name to propose (saving)
	file    string // a file to pick (opening)
	problem string // why the path is refused, in Chinese
}

// onPathSubmitted goes where the owner typed or pasted: a folder opens, a file of the
// wanted kind is picked (opening) or named in its folder (saving); anything else is
// refused under the box and the typed text stays for them to correct.
func (c *FileChooser) onPathSubmitted(text string) {
	path := cleanPath(text, c.dir)
	if path == "" {
		c.showPathNote("请先输入或粘贴一个位置，比如 D:\\群文件。", true)
		return
	}
	n := c.latest.Next()
	mode, exts := c.mode, c.exts
	c.env.Tasks.Run(func() {
		choice := choosePath(path, mode, exts)
		var entries []fileEntry
		var err error
		if choice.dir != "" {
			entries, err = listFolder(choice.dir, mode, exts)
		}
		fyne.Do(func() { c.applyPath(n, choice, entries, err) })
	})
}

func (c *FileChooser) applyPath(n uint64, choice pathChoice, entries []fileEntry, err error) {
	if !c.latest.Is(n) {
		return
	}
	switch {
	case choice.problem != "":
		c.showPathNote(choice.problem, true)
	case choice.file != "":
		c.finish(choice.file)
	default:
		c.applyListing(n, choice.dir, entries, err)
		if err == nil && choice.name != "" {
			c.name.SetText(choice.name)
		}
	}
}

// choosePath decides what path is for a chooser in mode; it looks at the file system,
// so it runs off the UI goroutine.
func choosePath(path string, mode ChooserMode, exts []string) pathChoice {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return pathChoice{dir: path}
	case err == nil && mode == ChooseOpen:
		if len(exts) > 0 && !hasExt(path, exts) {
			return pathChoice{problem: "「" + filepath.Base(path) + "」不是 " + kindsText(exts, "或") + "，请换一个文件。"}
		}
		return pathChoice{file: path}
	case err == nil && mode == ChooseSave:
		return pathChoice{dir: filepath.Dir(path), name: filepath.Base(path)}
	case err == nil:
		return pathChoice{dir: filepath.Dir(path)}
	case errors.Is(err, fs.ErrNotExist):
		// A new file's name in a folder that exists: save it there.
		if parent, perr := os.Stat(filepath.Dir(path)); mode == ChooseSave && perr == nil && parent.IsDir() {
			return pathChoice{dir: filepath.Dir(path), name: filepath.Base(path)}
		}
		return pathChoice{problem: "找不到「" + path + "」，请检查位置有没有写错。"}
	case errors.Is(err, fs.ErrPermission):
		return pathChoice{problem: "没有权限打开「" + path + "」，请换一个位置。"}
	}
	return pathChoice{problem: "打不开「" + path + "」，请检查位置有没有写错。"}
}

// cleanPath turns what an owner pastes into a path: Explorer's 复制为路径 adds
// quotes, a browser or a Linux file manager gives file:// addresses, macOS owners
// write ~ for their home, and a bare name is a folder inside the one shown (cwd).
func cleanPath(text, cwd string) string {
	p := strings.TrimSpace(text)
	for _, q := range []string{`"`, `'`, "“”", "‘’", "「」"} {
		open, close := q, q
		if rs := []rune(q); len(rs) == 2 {
			open, close = string(rs[0]), string(rs[1])
		}
		if len(p) >= len(open)+len(close) && strings.HasPrefix(p, open) && strings.HasSuffix(p, close) {
			p = strings.TrimSpace(p[len(open) : len(p)-len(close)])
		}
	}
	if p == "" {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(p), "file://") {
		if u, err := url.Parse(p); err == nil {
			p = filepath.FromSlash(u.Path)
			// file:///C:/Users/… has its drive after the slash.
			if len(u.Path) >= 3 && u.Path[0] == '/' && u.Path[2] == ':' {
				p = filepath.FromSlash(u.Path[1:])
			}
		}
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	// A drive typed alone, D:, means its top folder, not the drive's current folder.
	if v := filepath.VolumeName(p); v != "" && v == p {
		p += string(filepath.Separator)
	}
	if !filepath.IsAbs(p) {
		if cwd == "" {
			return ""
		}
		p = filepath.Join(cwd, p)
	}
	return filepath.Clean(p)
}
