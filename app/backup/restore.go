package backup

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// backupRow is one file of the backups folder as the list shows it: read off the UI
// goroutine with data.CheckBackup, or the reason it cannot be used.
type backupRow struct {
	path string
	info data.BackupInfo
	err  error
}

// restoreList is the 备份与恢复 part of the screen: the automatic backups with what is
// in each, a 恢复 button per good one, and 从其他文件恢复… for any .db the owner has.
type restoreList struct {
	s      *Screen
	rows   *fyne.Container
	help   *widget.Label
	note   *widget.Label
	latest ui.Latest
	// Restore swaps the database for the file at path; the shell sets it (it has to
	// close the store and reopen it). Nil in tests that only look at the list.
	Restore func(path string)
}

func newRestoreList(s *Screen) *restoreList {
	r := &restoreList{s: s, rows: container.NewVBox(), note: widget.NewLabel("正在读取备份…"), help: widget.NewLabel("")}
	r.help.Wrapping = fyne.TextWrapBreak
	r.note.Wrapping = fyne.TextWrapBreak
	return r
}

func (r *restoreList) content() fyne.CanvasObject {
	other := widget.NewButtonWithIcon("从其他备份文件恢复…", theme.FolderOpenIcon(), r.onPickFile)
	openDir := widget.NewButtonWithIcon("打开自动备份文件夹", theme.FolderOpenIcon(), func() { r.s.open(r.s.env.Store.BackupsDir()) })
	return container.NewVBox(r.help, r.note, r.rows, container.NewHBox(other, openDir))
}

// refresh lists the backups folder and reads every file off the UI goroutine.
func (r *restoreList) refresh() {
	n := r.latest.Next()
	e := r.s.env
	dataDir := e.Store.DataDir()
	e.Tasks.Run(func() {
		plan, _ := data.LoadBackupPlan(dataDir) // an unreadable plan is the default one
		paths, err := data.ListBackups(data.BackupDirs(dataDir)...)
		rows := make([]backupRow, len(paths))
		for i, p := range paths {
			info, err := data.CheckBackup(p)
			rows[i] = backupRow{path: p, info: info, err: err}
		}
		fyne.Do(func() {
			if !r.latest.Is(n) {
				return
			}
			if err != nil {
				e.Log.Warn("list backups", "err", err)
			}
			r.help.SetText(helpText(plan))
			r.apply(rows)
		})
	})
}

// helpText says when backups are taken and how many are kept, as 设置 chose.
func helpText(p data.BackupPlan) string {
	keep := fmt.Sprintf("保留最近 %d 天每天一份", p.KeepDaily)
	if p.KeepWeekly > 0 {
		keep += fmt.Sprintf("、最近 %d 周每周一份", p.KeepWeekly)
	}
	return "群活每天第一次打开时和每次关闭时会自动备份，" + keep + "（可以在「设置」里改）。" +
		"恢复前，现在的数据会先另存一份（「恢复前」开头的文件），不会丢。"
}

func (r *restoreList) apply(rows []backupRow) {
	r.rows.RemoveAll()
	if len(rows) == 0 {
		r.note.SetText("还没有自动备份。群活下次打开或关闭时会自动备份一次。")
		return
	}
	r.note.SetText(fmt.Sprintf("共 %d 份备份，最新的在最上面：", len(rows)))
	for _, row := range rows {
		r.rows.Add(r.rowView(row))
	}
}

func (r *restoreList) rowView(row backupRow) fyne.CanvasObject {
	name := filepath.Base(row.path)
	if row.err != nil {
		text := widget.NewLabel(name + "：这个文件读不出来，不能用来恢复。")
		text.Wrapping = fyne.TextWrapBreak
		return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, text)
	}
	when := ui.Bold(backupWhen(row.info, r.s.env.Loc))
	what := widget.NewLabel(fmt.Sprintf("%d 个群、%d 个资源、%d 个成员 · %s", row.info.Groups, row.info.Resources, row.info.Members, humanSize(row.info.Size)))
	btn := widget.NewButtonWithIcon("恢复", theme.HistoryIcon(), func() { r.confirm(row.path, backupWhen(row.info, r.s.env.Loc)) })
	return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), btn, container.NewHBox(when, what))
}

// backupWhen names a backup by when it was taken and what kind it is, such as
// 12月2日 09:30（自动备份）.
func backupWhen(info data.BackupInfo, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	t := info.Taken.In(loc)
	kind := "（手动放入）"
	switch base := filepath.Base(info.Path); {
	case info.Auto:
		kind = "（自动备份）"
	case strings.HasPrefix(base, "恢复前-"):
		kind = "（恢复前另存）"
	}
	return fmt.Sprintf("%d年%d月%d日 %02d:%02d%s", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), kind)
}

func (r *restoreList) onPickFile() {
	c := ui.NewFileChooser(r.s.env, ui.PurposeBackup, ui.ChooseOpen, []string{".db"}, func(path string) {
		r.confirm(path, filepath.Base(path))
	})
	c.Show("选择要恢复的备份文件", "", "")
}

// confirm asks before a restore: it says what happens to the data there is now.
func (r *restoreList) confirm(path, what string) {
	text := "要用这份备份替换现在的全部数据吗？\n" + what + "\n\n" +
		"现在的数据会先另存一份（文件名以「恢复前」开头），\n以后还能恢复回来。\n恢复时群活会短暂关闭数据，完成后自动重新打开。"
	ui.Confirm(r.s.env.Win, "恢复备份", text, "恢复", func() {
		if r.Restore != nil {
			r.Restore(path)
		}
	})
}
