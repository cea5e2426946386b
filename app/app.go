// Package app is QunHuo's Fyne GUI shell: the window, the navigation, the 今日 home,
// opening the data folder and the log. The screens live in one package per area
// (app/catalog, app/members, app/posts, app/groups, app/backup, app/importer); what
// they share (the environment, background tasks, theme, Chinese words, messages, and
// widgets such as the record table, form kit, file chooser and post preview) lives in
// app/ui, because an area may import data and app/ui but never the shell or another
// area: the shell wires areas together with small Links structs. Nothing under app/
// imports GORM.
package app

import (
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/settings"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/applog"
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
	portable := dataDir != "" && dataDir == DefaultDataDir()
	if dataDir == "" {
		dataDir = chosenDataDir(a)
	}
	o := &opener{app: a, win: w, dir: dataDir, portable: portable, tasks: &ui.Tasks{}, log: slog.New(slog.DiscardHandler)}
	o.tasks.OnPanic = o.taskPanicked
	o.tasks.Run(o.open)
	defer o.close()
	defer o.logCrash()
	w.ShowAndRun()
}

// logCrash records a panic on the UI goroutine with its stack before the app goes down;
// the owner's saved data is safe (every write is a transaction).
func (o *opener) logCrash() {
	if p := recover(); p != nil {
		applog.Panicked(o.log, "界面", p, nil)
		panic(p)
	}
}

// setUp makes the app Chinese and gives it its look, before any window is built.
func setUp(a fyne.App) {
	ui.UseChineseForFyne()
	a.Settings().SetTheme(ui.NewTheme())
	a.SetIcon(ui.AppIcon())
}

// opener opens the data folder off the UI goroutine and then shows the shell, or
// explains why it could not. Its work is a tracked task, so closing the window waits
// for an open in flight before the store is closed.
type opener struct {
	look     ui.Look // the owner's light or dark and text size, read when the store opens
	app      fyne.App
	win      fyne.Window
	dir      string
	portable bool // the data lives beside the program and stays there
	tasks    *ui.Tasks
	log      *slog.Logger
	logFile  io.Closer
	lock     *data.FolderLock
	store    *data.Store
	quit     func() // the app's Quit; tests count it

	mu        sync.Mutex     // guards store against a restore swapping it
	restoring sync.WaitGroup // a restore in flight; close waits for it
}

func (o *opener) open() {
	if o.logFile == nil {
		o.openLog()
	}
	if o.lock == nil {
		lock, err := data.LockFolder(o.dir)
		if err != nil {
			o.log.Warn("data folder refused", "dir", o.dir, "err", err)
			fyne.Do(func() { o.refuse(err) })
			return
		}
		o.lock = lock
	}
	store, err := data.Open(filepath.Join(o.dir, data.DatabaseFile))
	if err != nil {
		o.log.Error("open database", "dir", o.dir, "err", err)
		var oe *data.OpenError
		if errors.As(err, &oe) && oe.Kind == data.OpenCorrupt {
			// The lock stays: the restore offered next works on this folder.
			if info, ok := data.NewestGoodBackup(data.BackupDirs(o.dir)...); ok {
				fyne.Do(func() { o.offerRestore(info) })
				return
			}
		}
		_ = o.lock.Unlock()
		o.lock = nil
		fyne.Do(func() { o.refuse(err) })
		return
	}
	o.log.Info("opened", "dir", o.dir)
	if now := time.Now(); !store.AutoBackupToday(now) {
		if _, err := store.AutoBackup(now); err != nil {
			o.log.Error("automatic backup at start-up", "err", err)
		}
	}
	o.loadLook(store)
	o.mu.Lock()
	o.store = store
	o.mu.Unlock()
	fyne.Do(o.showShell)
}

// showShell builds the window's content on the open store: at start and after a restore.
func (o *opener) showShell() {
	o.app.Settings().SetTheme(ui.NewThemeWith(o.look))
	e := ui.NewEnv(o.app, o.win, o.store, time.Local)
	e.Tasks, e.Log = o.tasks, o.log
	sh := newShell(e)
	sh.backup.SetRestore(o.restore)
	sh.settings.SetDataFolder(settings.DataFolder{Portable: o.portable, Switch: o.switchTo})
	o.win.SetContent(sh.content())
	sh.start()
}

// loadLook reads, off the UI goroutine, the light or dark and the text size the owner
// chose in 设置, for showShell to apply.
func (o *opener) loadLook(store *data.Store) {
	l, err := ui.LoadLook(store)
	if err != nil {
		o.log.Warn("read the look", "err", err)
	}
	o.look = l
}

// openLog starts the log file in the data folder; without one (a read-only folder)
// the app still runs, logging nowhere.
func (o *opener) openLog() {
	log, closer, err := applog.Open(o.dir)
	if err != nil {
		return
	}
	o.log, o.logFile = log, closer
}

// taskPanicked gets a panic of any background task: it is logged with its stack and
// the owner is told in Chinese; the window stays up.
func (o *opener) taskPanicked(p any) {
	applog.Panicked(o.log, "后台任务", p, func(msg string) {
		fyne.Do(func() { ui.ShowMessage(o.win, "出了点问题", msg) })
	})
}

// refuse tells the owner why the data could not be opened; closing the message quits.
func (o *opener) refuse(err error) {
	d := ui.ShowMessageWith(o.win, "无法打开群活的数据", explainOpen(err, o.dir), "退出群活")
	d.SetOnClosed(func() {
		if o.quit != nil {
			o.quit()
			return
		}
		o.app.Quit()
	})
}

// close lets work that is still running finish (a save in flight completes or rolls
// back, never half-writes), then releases the database, the folder and the log.
func (o *opener) close() {
	done := make(chan struct{})
	go func() { o.tasks.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		o.log.Warn("quit while work was still running")
	}
	o.restoring.Wait()
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.store != nil {
		if _, err := o.store.AutoBackup(time.Now()); err != nil {
			o.log.Error("automatic backup at exit", "err", err)
		}
		_ = o.store.Close()
		o.store = nil
	}
	if o.lock != nil {
		_ = o.lock.Unlock()
	}
	if o.logFile != nil {
		_ = o.logFile.Close()
	}
}
