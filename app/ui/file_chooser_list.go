package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// fileEntry is one line of the chooser's list, read off the UI goroutine.
type fileEntry struct {
	name     string
	dir      bool
	modified time.Time // zero when the system would not say
}

func newFileRow() fyne.CanvasObject {
	modified := widget.NewLabel("")
	modified.Importance = widget.LowImportance
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), modified, name)
}

func (c *FileChooser) updateFileRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	row := o.(*fyne.Container)
	icon := theme.FileIcon()
	if e.dir {
		icon = theme.FolderIcon()
	}
	// A Border container holds its centre first, then its edges in the order given.
	row.Objects[0].(*widget.Label).SetText(e.name)
	row.Objects[1].(*widget.Icon).SetResource(icon)
	modified := ""
	if !e.modified.IsZero() && !e.dir {
		modified = e.modified.In(c.env.Loc).Format("2006-01-02 15:04")
	}
	row.Objects[2].(*widget.Label).SetText(modified)
}

// kindsText names the kinds of file exts stand for, in the owner's words, joined
// by joiner (Excel、CSV 表格; Excel 或 CSV 表格).
func kindsText(exts []string, joiner string) string {
	known := map[string]string{".xlsx": "Excel", ".xls": "Excel", ".csv": "CSV"}
	var names []string
	for _, x := range exts {
		name, ok := known[x]
		if !ok {
			return strings.Join(exts, joiner) + " 文件"
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if joiner != "、" {
		joiner = " " + joiner + " "
	}
	return strings.Join(names, joiner) + " 表格"
}

// listFolder reads dir for the chooser: folders first, then the files it may pick,
// each group in the order an owner reads names (价目表2 before 价目表10). It touches
// the file system, so it runs off the UI goroutine.
func listFolder(dir string, mode ChooserMode, exts []string) ([]fileEntry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	entries := make([]fileEntry, 0, len(des))
	for _, d := range des {
		if !shows(d, mode, exts) {
			continue
		}
		e := fileEntry{name: d.Name(), dir: d.IsDir()}
		if !e.dir {
			if info, err := d.Info(); err == nil {
				e.modified = info.ModTime()
			}
		}
		entries = append(entries, e)
	}
	slices.SortStableFunc(entries, func(a, b fileEntry) int {
		if a.dir != b.dir {
			if a.dir {
				return -1
			}
			return 1
		}
		return data.NaturalCompare(strings.ToLower(a.name), strings.ToLower(b.name))
	})
	return entries, nil
}

// shows reports whether the chooser lists d: folders, and files of the wanted kinds.
func shows(d fs.DirEntry, mode ChooserMode, exts []string) bool {
	if strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "~$") { // hidden, and Office's lock files
		return false
	}
	if d.IsDir() {
		return true
	}
	if mode == ChooseFolder {
		return false
	}
	return len(exts) == 0 || hasExt(d.Name(), exts)
}

func hasExt(name string, exts []string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, x := range exts {
		if ext == x {
			return true
		}
	}
	return false
}

func (c *FileChooser) emptyText() string {
	switch {
	case c.mode == ChooseFolder:
		return "这个文件夹里没有别的文件夹。\n要存在这里，直接点「选择这个文件夹」。"
	case c.mode == ChooseSave:
		return "这个文件夹是空的，可以直接保存在这里。"
	case len(c.exts) > 0:
		return "这个文件夹里没有 " + kindsText(c.exts, "、") + "。\n可以从左边换一个位置，或在上面粘贴文件所在的位置。"
	}
	return "这个文件夹是空的。"
}

// folderProblem says in Chinese why dir could not be listed.
func folderProblem(dir string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "找不到文件夹「" + dir + "」，它可能被移走了，或者U盘已拔出。请换一个位置。"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限打开「" + dir + "」，请换一个位置。"
	}
	return "打不开「" + dir + "」，请换一个位置。"
}
