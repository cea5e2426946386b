package app

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// prefDataDir is the computer's preference that names the data folder the owner moved
// the data to in 设置; without it the data is in the app's own storage folder.
const prefDataDir = "data_dir"

// chosenDataDir is the data folder when no -data flag is given and the install is not
// portable: the one the owner moved the data to, while it still holds a database, else
// the app's own storage folder.
func chosenDataDir(a fyne.App) string {
	if dir := a.Preferences().String(prefDataDir); dir != "" && data.HasDatabase(dir) {
		return dir
	}
	return a.Storage().RootURI().Path()
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
		o.app.Preferences().SetString(prefDataDir, dir)
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
