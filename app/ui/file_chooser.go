package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChooserMode is what a file chooser picks.
type ChooserMode int

const (
	ChooseOpen   ChooserMode = iota // an existing file with one of the extensions
	ChooseSave                      // a file name in a folder, to write
	ChooseFolder                    // a folder
)

// place is a shortcut on the chooser's left: a named folder.
type place struct{ name, path string }

// FileChooser is QunHuo's own open/save dialog. Fyne's file dialog names its places
// in English whatever the language, and the systems' native dialogs need cgo and
// their own threads; this one is Chinese on every system and is tested like any screen.
type FileChooser struct {
	env      *Env
	mode     ChooserMode
	exts     []string // lower-case, with the dot; empty: any file
	onChosen func(path string)

	dir     string
	entries []os.DirEntry
	chosen  string // the file selected in open mode
	places  []place

	placeList *widget.List
	fileList  *widget.List
	folder    *widget.Label
	upButton  *widget.Button
	name      *widget.Entry
	okButton  *widget.Button
	problem   *widget.Label
	dlg       dialog.Dialog
}

func NewFileChooser(e *Env, mode ChooserMode, exts []string, onChosen func(path string)) *FileChooser {
	c := &FileChooser{env: e, mode: mode, exts: exts, onChosen: onChosen, places: standardPlaces()}
	c.placeList = widget.NewList(func() int { return len(c.places) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.places[id].name) })
	c.placeList.OnSelected = func(id widget.ListItemID) { c.open(c.places[id].path) }
	c.fileList = widget.NewList(func() int { return len(c.entries) }, newFileRow, c.updateFileRow)
	c.fileList.OnSelected = c.onEntrySelected
	c.folder = widget.NewLabel("")
	c.folder.Truncation = fyne.TextTruncateEllipsis
	c.upButton = widget.NewButtonWithIcon("上一级", theme.NavigateBackIcon(), func() { c.open(filepath.Dir(c.dir)) })
	c.name = widget.NewEntry()
	c.name.OnChanged = func(string) { c.updateOK() }
	c.okButton = widget.NewButton(map[ChooserMode]string{ChooseOpen: "打开", ChooseSave: "保存", ChooseFolder: "选择这个文件夹"}[mode], c.onOK)
	c.okButton.Importance = widget.HighImportance
	c.problem = widget.NewLabel("")
	c.problem.Importance = widget.DangerImportance
	return c
}

// standardPlaces are the owner's usual folders and the computer's drives, where they exist.
func standardPlaces() []place {
	home, _ := os.UserHomeDir()
	var ps []place
	add := func(name string, paths ...string) {
		for _, p := range paths {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				ps = append(ps, place{name, p})
				return
			}
		}
	}
	add("桌面", filepath.Join(home, "Desktop"), filepath.Join(home, "桌面"))
	add("文档", filepath.Join(home, "Documents"), filepath.Join(home, "文档"))
	add("下载", filepath.Join(home, "Downloads"), filepath.Join(home, "下载"))
	add("主目录", home)
	return append(ps, drives()...)
}

// drives lists where USB sticks and other disks appear.
func drives() []place {
	var ps []place
	switch runtime.GOOS {
	case "windows":
		for d := 'C'; d <= 'Z'; d++ {
			root := string(d) + `:\`
			if _, err := os.Stat(root); err == nil {
				ps = append(ps, place{"磁盘 " + string(d) + ":", root})
			}
		}
		return ps
	case "darwin":
		entries, _ := os.ReadDir("/Volumes")
		for _, e := range entries {
			ps = append(ps, place{e.Name(), filepath.Join("/Volumes", e.Name())})
		}
		return ps
	}
	return []place{{"此电脑", "/"}}
}

func newFileRow() fyne.CanvasObject {
	return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel(""))
}

func (c *FileChooser) updateFileRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	row := o.(*fyne.Container)
	icon := theme.FileIcon()
	if e.IsDir() {
		icon = theme.FolderIcon()
	}
	row.Objects[0].(*widget.Icon).SetResource(icon)
	row.Objects[1].(*widget.Label).SetText(e.Name())
}

// show opens the chooser in start (the owner's documents when empty) with name
// proposed for saving.
func (c *FileChooser) Show(title, start, name string) {
	c.name.SetText(name)
	left := container.NewBorder(Bold("位置"), nil, nil, nil, c.placeList)
	top := container.NewBorder(nil, nil, c.upButton, nil, c.folder)
	var bottom fyne.CanvasObject = container.NewHBox(LayoutSpacer(), c.problem)
	if c.mode == ChooseSave {
		bottom = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("文件名"), nil, c.name), c.problem)
	}
	cancel := widget.NewButton("取消", func() { c.dlg.Hide() })
	buttons := container.NewHBox(LayoutSpacer(), cancel, c.okButton)
	right := container.NewBorder(top, container.NewVBox(bottom, buttons), nil, nil, c.fileList)
	split := container.NewHSplit(left, right)
	split.Offset = 0.22
	c.dlg = dialog.NewCustomWithoutButtons(title, split, c.env.Win)
	c.dlg.Show()
	EscCloses(c.env.Win, c.dlg)
	c.dlg.Resize(fyne.NewSize(860, 580))
	if start == "" {
		start = documentsFolder()
	}
	c.open(start)
}

// open lists a folder off the UI goroutine: a slow network drive must not freeze the app.
func (c *FileChooser) open(dir string) {
	c.env.Tasks.Run(func() {
		entries, err := os.ReadDir(dir)
		fyne.Do(func() {
			if err != nil {
				c.problem.SetText("打不开这个文件夹,请换一个位置")
				return
			}
			c.apply(dir, entries)
		})
	})
}

func (c *FileChooser) apply(dir string, entries []os.DirEntry) {
	c.dir, c.chosen = dir, ""
	c.entries = c.entries[:0]
	for _, e := range entries {
		if c.shows(e) {
			c.entries = append(c.entries, e)
		}
	}
	sort.SliceStable(c.entries, func(i, j int) bool {
		if c.entries[i].IsDir() != c.entries[j].IsDir() {
			return c.entries[i].IsDir()
		}
		return strings.ToLower(c.entries[i].Name()) < strings.ToLower(c.entries[j].Name())
	})
	c.folder.SetText(dir)
	c.problem.SetText("")
	c.fileList.UnselectAll()
	c.fileList.Refresh()
	c.fileList.ScrollToTop()
	c.updateOK()
}

// shows reports whether the chooser lists e: folders, and files of the wanted kinds.
func (c *FileChooser) shows(e os.DirEntry) bool {
	if strings.HasPrefix(e.Name(), ".") {
		return false
	}
	if e.IsDir() {
		return true
	}
	if c.mode == ChooseFolder {
		return false
	}
	return len(c.exts) == 0 || hasExt(e.Name(), c.exts)
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

// onEntrySelected enters a folder, or picks a file (and its name, when saving).
func (c *FileChooser) onEntrySelected(id widget.ListItemID) {
	if id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	if e.IsDir() {
		c.open(filepath.Join(c.dir, e.Name()))
		return
	}
	c.chosen = filepath.Join(c.dir, e.Name())
	if c.mode == ChooseSave {
		c.name.SetText(e.Name())
	}
	c.updateOK()
}

func (c *FileChooser) updateOK() {
	ok := c.dir != ""
	switch c.mode {
	case ChooseOpen:
		ok = c.chosen != ""
	case ChooseSave:
		ok = ok && strings.TrimSpace(c.name.Text) != ""
	}
	Enable(c.okButton, ok)
}

func (c *FileChooser) onOK() {
	switch c.mode {
	case ChooseOpen:
		c.finish(c.chosen)
	case ChooseFolder:
		c.finish(c.dir)
	case ChooseSave:
		c.save()
	}
}

// save adds the extension when missing and asks before replacing a file.
func (c *FileChooser) save() {
	name := strings.TrimSpace(c.name.Text)
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		c.problem.SetText(`文件名里不能有 / \ : * ? " < > | 这些符号`)
		return
	}
	if len(c.exts) > 0 && !hasExt(name, c.exts) {
		name += c.exts[0]
	}
	path := filepath.Join(c.dir, name)
	if _, err := os.Stat(path); err == nil {
		Confirm(c.env.Win, "替换文件?", fmt.Sprintf("「%s」已经存在,要用新的替换它吗?", name), "替换", func() { c.finish(path) })
		return
	}
	c.finish(path)
}

func (c *FileChooser) finish(path string) {
	c.dlg.Hide()
	c.onChosen(path)
}

// documentsFolder is where choosers open: the Documents folder, else home.
func documentsFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, dir := range []string{filepath.Join(home, "Documents"), filepath.Join(home, "文档")} {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return home
}
