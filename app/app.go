// Package app is QunHuo's Fyne GUI: a shell with navigation and one file per screen.
// It talks to the database only through package data.
package app

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// ID is QunHuo's reverse-DNS application id. The default data folder hangs on it, so it
// must never change.
const ID = "cn.qunhuo.desktop"

// Run shows the main window on the database in dataDir ("" for the app's own storage
// folder) and returns when the owner closes it.
func Run(a fyne.App, dataDir string) {
	setUp(a)
	w := a.NewWindow("群活")
	w.Resize(fyne.NewSize(1200, 760))
	w.SetMaster()
	w.SetContent(container.NewCenter(widget.NewLabel("正在打开数据…")))
	if dataDir == "" {
		dataDir = a.Storage().RootURI().Path()
	}
	o := &opener{app: a, win: w, dir: dataDir}
	go o.open()
	w.ShowAndRun()
	o.close()
}

// setUp makes the app Chinese and gives it its look, before any window is built.
func setUp(a fyne.App) {
	useChineseForFyne()
	a.Settings().SetTheme(newTheme())
	a.SetIcon(appIcon())
}

// opener opens the data folder off the UI goroutine and then shows the shell, or
// explains why it could not.
type opener struct {
	app   fyne.App
	win   fyne.Window
	dir   string
	lock  *data.FolderLock
	store *data.Store
	tasks tasks
}

func (o *opener) open() {
	lock, err := data.LockFolder(o.dir)
	if err != nil {
		fyne.Do(func() { o.refuse(err) })
		return
	}
	store, err := data.Open(filepath.Join(o.dir, data.DatabaseFile))
	if err != nil {
		_ = lock.Unlock()
		fyne.Do(func() { o.refuse(err) })
		return
	}
	o.lock, o.store = lock, store
	fyne.Do(func() {
		sh := newShell(&env{app: o.app, win: o.win, store: store, tasks: &o.tasks, loc: time.Local})
		o.win.SetContent(sh.content())
		sh.start()
	})
}

// refuse tells the owner why the data could not be opened; closing the message quits.
func (o *opener) refuse(err error) {
	d := showMessageWith(o.win, "无法打开群活的数据", explainOpen(err, o.dir), "退出群活")
	d.SetOnClosed(o.app.Quit)
}

// close lets work that is still running finish (a save in flight completes or rolls
// back, never half-writes), then releases the database and the folder.
func (o *opener) close() {
	done := make(chan struct{})
	go func() { o.tasks.wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
	}
	if o.store != nil {
		_ = o.store.Close()
	}
	if o.lock != nil {
		_ = o.lock.Unlock()
	}
}

// env is what every screen needs: the app, its window, the store, a way to run work
// off the UI goroutine, and the owner's time zone.
type env struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	tasks *tasks
	loc   *time.Location
}

// now is the store's clock, so screens and rules agree on the time.
func (e *env) now() time.Time { return e.store.Now() }

// isValidation reports whether err is a form problem the owner can fix.
func isValidation(err error) (data.ValidationError, bool) {
	var ve data.ValidationError
	ok := errors.As(err, &ve)
	return ve, ok
}
