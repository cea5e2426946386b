package ui

import (
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// place is a shortcut on the chooser's left: a named folder.
type place struct{ name, path string }

// updatePlaceRow shows a place, in bold when it is the folder shown.
func (c *FileChooser) updatePlaceRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.places) {
		return
	}
	l := o.(*widget.Label)
	l.TextStyle.Bold = c.places[id].path == c.dir
	l.SetText(c.places[id].name)
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

func (c *FileChooser) onPlaceSelected(id widget.ListItemID) {
	c.placeList.UnselectAll() // so that clicking the same place again opens it again
	if id < len(c.places) {
		c.open(c.places[id].path)
	}
}

// documentsFolder is where choosers open the first time: Documents, else home.
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
