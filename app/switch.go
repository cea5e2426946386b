package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// movedFile is left in the app's own storage folder when the owner moved the data in
// 设置: its first line names the folder the data is in now. It is a file rather than a
// Fyne preference, which nothing else may use (everything else belongs to the data), and
// an owner who looks in the old place finds where the data went.
const movedFile = "data-folder.txt"

// byteOrderMark may start the file when an owner edited it in Notepad.
const byteOrderMark = '\uFEFF'

// chosenDataDir is the data folder when no -data flag is given and the install is not
// portable: the one the owner moved the data to, while it still holds a database, else
// the app's own storage folder.
func chosenDataDir(a fyne.App) string {
	home := a.Storage().RootURI().Path()
	b, err := os.ReadFile(filepath.Join(home, movedFile))
	if err != nil {
		return home
	}
	dir, _, _ := strings.Cut(strings.TrimPrefix(string(b), string(byteOrderMark)), "\n")
	dir = strings.TrimSpace(dir)
	if dir == "" || !filepath.IsAbs(dir) || !data.HasDatabase(dir) {
		return home
	}
	return dir
}

// rememberDataDir makes dir the data folder of the next starts, or the app's own storage
// folder again when dir is that folder.
func rememberDataDir(a fyne.App, dir string) error {
	home := a.Storage().RootURI().Path()
	path := filepath.Join(home, movedFile)
	if sameDir(home, dir) {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	text := dir + "\n群活的数据已经搬到上面这个文件夹。请不要删除这个文件，否则群活会打开这里的旧数据。\n"
	part := path + ".part"
	if err := os.WriteFile(part, []byte(text), 0o644); err != nil {
		return err
	}
	return os.Rename(part, path)
}

// sameDir tells whether two paths name the same folder.
func sameDir(a, b string) bool {
	ai, aerr := os.Stat(a)
	bi, berr := os.Stat(b)
	if aerr == nil && berr == nil {
		return os.SameFile(ai, bi)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// switchTo opens the data folder dir (it holds a database: the one 设置 just copied
// there, or one the owner chose to use) and, only once that worked, closes the current
// data and shows the window on the new one, remembering it for the next start. When dir
// cannot be opened, the current data stays open and the owner is told why.
func (o *opener) switchTo(dir string) {
	o.win.SetContent(container.NewCenter(widget.NewLabel("正在打开新位置的数据…")))
	o.restoring.Add(1)
	go func() {
		defer o.restoring.Done()
		o.tasks.Wait() // a save in flight completes before the store closes
		lock, store, err := openFolder(dir)
		if err != nil {
			o.log.Error("switch data folder", "to", dir, "err", err)
			fyne.Do(func() {
				o.showShell()
				ui.ShowMessage(o.win, "没有换位置", explainOpen(err, dir)+"\n现在仍然用原来的数据。")
			})
			return
		}
		old := o.dir
		o.closeData()
		o.mu.Lock()
		o.dir, o.lock, o.store = dir, lock, store
		o.loadLook(store)
		o.mu.Unlock()
		if err := rememberDataDir(o.app, dir); err != nil {
			o.log.Error("remember the data folder", "dir", dir, "err", err)
		}
		o.log.Info("data folder switched", "from", old, "to", dir)
		fyne.Do(func() {
			o.showShell()
			ui.ShowMessage(o.win, "已换到新位置", "群活现在用的是这个文件夹里的数据：\n"+dir+
				"\n以后打开群活也用这里。原来文件夹里的数据没有删除：\n"+old)
		})
	}()
}

// openFolder takes the data folder dir and opens its database.
func openFolder(dir string) (*data.FolderLock, *data.Store, error) {
	lock, err := data.LockFolder(dir)
	if err != nil {
		return nil, nil, err
	}
	store, err := data.Open(filepath.Join(dir, data.DatabaseFile))
	if err != nil {
		_ = lock.Unlock()
		return nil, nil, err
	}
	return lock, store, nil
}

// closeData backs up and closes the store and lets go of the folder, for switching to
// another one.
func (o *opener) closeData() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.store != nil {
		if _, err := o.store.AutoBackup(time.Now()); err != nil {
			o.log.Error("automatic backup before switching folders", "err", err)
		}
		_ = o.store.Close()
		o.store = nil
	}
	if o.lock != nil {
		_ = o.lock.Unlock()
		o.lock = nil
	}
}
