package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// restore swaps the database for the backup at path while the app runs: behind a
// progress dialog it lets running work finish, closes the store, has data.Restore check
// the file, keep the current database and swap, then reopens and rebuilds the window.
// A refused file leaves the current database as it was, and it is reopened.
func (o *opener) restore(path string) {
	// The screens go first, so nothing on them starts work on the store being closed.
	o.win.SetContent(container.NewCenter(widget.NewLabel("正在恢复备份…")))
	bar := widget.NewProgressBarInfinite()
	text := ui.MessageLabel("正在恢复备份，请稍候。完成前请不要关闭群活。")
	d := dialog.NewCustomWithoutButtons("恢复备份", container.NewVBox(text, bar), o.win)
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	o.restoring.Add(1)
	go func() {
		defer o.restoring.Done()
		o.tasks.Wait() // a save in flight completes before the store closes
		o.mu.Lock()
		var restoreErr, openErr error
		if o.store != nil {
			_ = o.store.Close()
			o.store = nil
		}
		kept, restoreErr := data.Restore(o.dir, path, time.Now())
		store, openErr := data.Open(filepath.Join(o.dir, data.DatabaseFile))
		if openErr == nil {
			o.store = store
			o.loadLook(store)
		}
		o.mu.Unlock()
		if restoreErr != nil {
			o.log.Error("restore", "from", path, "err", restoreErr)
		} else {
			o.log.Info("restored", "from", path, "kept", kept)
		}
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			if openErr != nil {
				o.log.Error("reopen after restore", "err", openErr)
				o.refuse(openErr)
				return
			}
			o.showShell()
			if restoreErr != nil {
				ui.ShowMessage(o.win, "没有恢复", explainRestore(restoreErr))
				return
			}
			msg := "已恢复备份「" + filepath.Base(path) + "」。"
			if kept != "" {
				msg += "\n原来的数据已另存为「" + filepath.Base(kept) + "」，在这个文件夹里：\n" + filepath.Dir(kept)
			}
			ui.ShowMessage(o.win, "已恢复", msg)
		})
	}()
}

// explainRestore says why a backup file was refused; the current data is untouched.
func explainRestore(err error) string {
	const untouched = "现在的数据没有改动。"
	switch {
	case errors.Is(err, data.ErrBackupNewer):
		return "这个备份是由更新版本的群活保存的，当前版本不能恢复它。请先把群活升级到最新版本。" + untouched
	case errors.Is(err, data.ErrBackupDamaged):
		return "这个备份文件已损坏，不能用来恢复。请换一份较早的备份。" + untouched
	case errors.Is(err, data.ErrBackupNotOurs):
		return "这个文件不是群活的备份，不能用来恢复。" + untouched
	}
	return "恢复没有完成。请确认磁盘还有空间后再试。" + untouched
}

// offerRestore is shown when the database cannot be read at start-up and a good backup
// exists: it names the backup and restores it on request. The damaged file is kept,
// renamed, never overwritten.
func (o *opener) offerRestore(info data.BackupInfo) {
	t := info.Taken.In(time.Local)
	when := fmt.Sprintf("%d年%d月%d日 %02d:%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute())
	text := "群活的数据文件已损坏，读不出来：\n" + filepath.Join(o.dir, data.DatabaseFile) + "\n\n" +
		fmt.Sprintf("找到了 %s 的备份：\n%d 个群、%d 个资源、%d 个成员。\n要用它恢复吗？", when, info.Groups, info.Resources, info.Members) +
		"\n\n损坏的文件会改名为「" + data.DatabaseFile + ".damaged-…」留在原处，\n不会被覆盖，可以发给技术支持。"
	d := dialog.NewCustomConfirm("数据文件已损坏", "用这个备份恢复", "退出群活", ui.MessageLabel(text), func(ok bool) {
		if !ok {
			o.quitApp()
			return
		}
		o.tasks.Run(func() {
			kept, err := data.Restore(o.dir, info.Path, time.Now())
			if err != nil {
				o.log.Error("restore at start-up", "from", info.Path, "err", err)
				fyne.Do(func() { o.refuse(err) })
				return
			}
			o.log.Info("restored at start-up", "from", info.Path, "damaged kept as", kept)
			o.open()
			o.mu.Lock()
			opened := o.store != nil
			o.mu.Unlock()
			if opened {
				fyne.Do(func() {
					ui.ShowMessage(o.win, "已恢复", "已用 "+when+" 的备份恢复了数据。\n损坏的文件保留为「"+filepath.Base(kept)+"」，在数据文件夹里。")
				})
			}
		})
	}, o.win)
	d.Resize(ui.MessageSize(text))
	d.Show()
}

func (o *opener) quitApp() {
	if o.quit != nil {
		o.quit()
		return
	}
	o.app.Quit()
}
