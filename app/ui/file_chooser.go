package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// FileChooser is QunHuo's own open/save dialog. Fyne's file dialog names its places
// in English whatever the language, and the systems' native dialogs need cgo and
// their own threads; this one is Chinese on every system and is tested like any screen.
// It opens in the folder last used for its purpose, and takes a typed or pasted path.
type FileChooser struct {
	env      *Env
	purpose  ChooserPurpose
	mode     ChooserMode
	exts     []string // lower-case, with the dot; empty: any file
	onChosen func(path string)

	dir     string
	entries []fileEntry
	chosen  string // the file selected in open mode
	places  []place
	latest  Latest // folder listings; a slow one the owner has moved on from is dropped

	placeList *widget.List
	fileList  *widget.List
	empty     *widget.Label // over the list when the folder has nothing to show
	path      *widget.Entry // the folder shown; the owner may type or paste another
	goButton  *widget.Button
	pathNote  *widget.Label // under the path box: how to use it, or why a path was refused
	upButton  *widget.Button
	name      *widget.Entry
	okButton  *widget.Button
	problem   *widget.Label // under the file name: why it cannot be saved
	dlg       dialog.Dialog
}

// NewFileChooser makes a chooser for purpose, which decides the folder it opens in.
func NewFileChooser(e *Env, purpose ChooserPurpose, mode ChooserMode, exts []string, onChosen func(path string)) *FileChooser {
	c := &FileChooser{env: e, purpose: purpose, mode: mode, exts: exts, onChosen: onChosen}
	c.placeList = widget.NewList(func() int { return len(c.places) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		c.updatePlaceRow)
	c.placeList.OnSelected = c.onPlaceSelected
	c.fileList = widget.NewList(func() int { return len(c.entries) }, newFileRow, c.updateFileRow)
	c.fileList.OnSelected = c.onEntrySelected
	c.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	c.empty.Importance = widget.LowImportance
	c.path = widget.NewEntry()
	c.path.PlaceHolder = "在这里粘贴或输入文件夹的位置"
	c.path.OnSubmitted = c.onPathSubmitted
	c.path.OnChanged = func(string) { c.showPathNote("", false) }
	c.goButton = widget.NewButton("前往", func() { c.onPathSubmitted(c.path.Text) })
	c.pathNote = widget.NewLabel("")
	c.pathNote.Wrapping = fyne.TextWrapBreak
	c.showPathNote("", false)
	c.upButton = widget.NewButtonWithIcon("上一级", theme.NavigateBackIcon(), c.onUp)
	c.name = widget.NewEntry()
	c.name.OnChanged = func(string) { c.problem.SetText(""); c.updateOK() }
	c.name.OnSubmitted = func(string) { c.onOK() }
	c.okButton = widget.NewButton(map[ChooserMode]string{ChooseOpen: "打开", ChooseSave: "保存", ChooseFolder: "选择这个文件夹"}[mode], c.onOK)
	c.okButton.Importance = widget.HighImportance
	c.problem = widget.NewLabel("")
	c.problem.Importance = widget.DangerImportance
	c.updateOK()
	return c
}

// Show opens the chooser with name proposed for saving, in start, or when start is
// empty in the folder last used for the chooser's purpose (the owner's documents the
// first time, or when that folder is gone, say a USB stick that was taken out).
func (c *FileChooser) Show(title, start, name string) {
	c.name.SetText(name)
	c.dlg = dialog.NewCustomWithoutButtons(title, c.layout(), c.env.Win)
	c.dlg.Show()
	EscCloses(c.env.Win, c.dlg)
	c.dlg.Resize(fyne.NewSize(900, 600))
	if c.mode == ChooseSave { // the proposed name is usually right: Enter saves
		c.env.Win.Canvas().Focus(c.name)
	}
	n := c.latest.Next()
	c.env.Tasks.Run(func() {
		// Looking for drives stats every letter on Windows: an empty card reader or a
		// lost network drive can take seconds.
		places := standardPlaces()
		dir := start
		if dir == "" {
			dir = c.rememberedFolder()
		}
		entries, err := listFolder(dir, c.mode, c.exts)
		if err != nil && start == "" {
			dir = documentsFolder()
			entries, err = listFolder(dir, c.mode, c.exts)
		}
		fyne.Do(func() {
			c.places = places
			c.applyListing(n, dir, entries, err)
			c.placeList.Refresh()
		})
	})
}

func (c *FileChooser) layout() fyne.CanvasObject {
	// The places keep their width: a split's handle looked like a text cursor and
	// nobody needs to resize a list of five names.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(150, 0))
	left := container.NewBorder(Bold("位置"), nil, nil, widget.NewSeparator(), container.NewStack(width, c.placeList))
	pathRow := container.NewBorder(nil, nil, c.upButton, c.goButton, c.path)
	top := container.NewVBox(pathRow, c.pathNote)
	var bottom fyne.CanvasObject
	if c.mode == ChooseSave {
		bottom = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("文件名"), nil, c.name), c.problem)
	} else {
		shown := widget.NewLabel(c.shownText())
		shown.Importance = widget.LowImportance
		bottom = shown
	}
	cancel := widget.NewButton("取消", func() { c.dlg.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, c.okButton), bottom)
	if c.mode == ChooseSave {
		buttons = container.NewVBox(bottom, container.NewHBox(LayoutSpacer(), cancel, c.okButton))
	}
	files := container.NewStack(c.fileList, container.NewCenter(c.empty))
	right := container.NewBorder(top, buttons, nil, nil, files)
	return container.NewBorder(nil, nil, left, nil, right)
}

// shownText says what the list holds, so an owner who misses a file knows why.
func (c *FileChooser) shownText() string {
	if c.mode == ChooseFolder {
		return "这里只列出文件夹；选好后点「选择这个文件夹」。"
	}
	if len(c.exts) == 0 {
		return "选中文件后点「打开」。"
	}
	return "这里只列出文件夹和 " + kindsText(c.exts, "、") + "。"
}

// open lists a folder off the UI goroutine: a slow network drive must not freeze the app.
func (c *FileChooser) open(dir string) {
	n := c.latest.Next()
	mode, exts := c.mode, c.exts
	c.env.Tasks.Run(func() {
		entries, err := listFolder(dir, mode, exts)
		fyne.Do(func() { c.applyListing(n, dir, entries, err) })
	})
}

// applyListing shows a folder that was read, unless the owner has since asked for
// another; a folder that could not be read is explained under the path box.
func (c *FileChooser) applyListing(n uint64, dir string, entries []fileEntry, err error) {
	if !c.latest.Is(n) {
		return
	}
	if err != nil {
		c.env.Log.Warn("list folder", "dir", dir, "err", err)
		c.showPathNote(folderProblem(dir, err), true)
		return
	}
	c.dir, c.chosen, c.entries = dir, "", entries
	c.path.SetText(dir)
	c.showPathNote("", false)
	c.empty.SetText(c.emptyText())
	c.empty.Hidden = len(entries) > 0
	c.empty.Refresh()
	Enable(c.upButton, filepath.Dir(dir) != dir)
	c.placeList.Refresh()
	c.fileList.UnselectAll()
	c.fileList.Refresh()
	c.fileList.ScrollToTop()
	c.updateOK()
}

func (c *FileChooser) onUp() {
	if c.dir != "" {
		c.open(filepath.Dir(c.dir))
	}
}

// onEntrySelected enters a folder, or picks a file (and its name, when saving).
func (c *FileChooser) onEntrySelected(id widget.ListItemID) {
	if id >= len(c.entries) {
		return
	}
	e := c.entries[id]
	if e.dir {
		c.open(filepath.Join(c.dir, e.name))
		return
	}
	c.chosen = filepath.Join(c.dir, e.name)
	if c.mode == ChooseSave {
		c.name.SetText(e.name)
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
		if c.chosen != "" {
			c.finish(c.chosen)
		}
	case ChooseFolder:
		if c.dir != "" {
			c.finish(c.dir)
		}
	case ChooseSave:
		c.save()
	}
}

// save adds the extension when missing and asks before replacing a file.
func (c *FileChooser) save() {
	name := strings.TrimSpace(c.name.Text)
	if name == "" || c.dir == "" {
		return
	}
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		c.problem.SetText(`文件名里不能有 / \ : * ? " < > | 这些符号，请改一下。`)
		return
	}
	if len(c.exts) > 0 && !hasExt(name, c.exts) {
		name += c.exts[0]
	}
	path := filepath.Join(c.dir, name)
	c.env.Tasks.Run(func() {
		_, err := os.Stat(path)
		fyne.Do(func() {
			if err == nil {
				Confirm(c.env.Win, "替换文件？", fmt.Sprintf("「%s」已经存在，要用新的替换它吗？", name), "替换", func() { c.finish(path) })
				return
			}
			c.finish(path)
		})
	})
}

// finish closes the chooser, remembers the folder for next time and hands on path.
func (c *FileChooser) finish(path string) {
	c.dlg.Hide()
	folder := filepath.Dir(path)
	if c.mode == ChooseFolder {
		folder = path
	}
	c.remember(folder)
	c.onChosen(path)
}
