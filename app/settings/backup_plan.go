package settings

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// The numbers of days and weeks an owner can pick from: choices, so nothing can be
// typed wrong.
var (
	keepDays  = []int{3, 5, 7, 10, 14, 30, 60, 90}
	keepWeeks = []int{0, 2, 4, 8, 12, 26, 52}
)

// backupPlan is where the automatic backups go and how many are kept. A change is kept
// at once, in a file beside the data (data.BackupPlan), and a new folder gets a first
// backup straight away, so the owner sees that it works.
type backupPlan struct {
	env     *ui.Env
	plan    data.BackupPlan
	path    *widget.Label
	other   *widget.Button
	reset   *widget.Button
	days    *widget.Select
	weeks   *widget.Select
	status  *widget.Label
	loading bool // set while refresh fills the choices, so that is not a change
}

func newBackupPlan(e *ui.Env) *backupPlan {
	b := &backupPlan{env: e}
	b.path = widget.NewLabel("")
	b.path.Wrapping = fyne.TextWrapBreak
	b.path.Selectable = true
	b.other = widget.NewButtonWithIcon("换个位置…", theme.FolderNewIcon(), b.onOther)
	b.reset = widget.NewButton("放回数据旁边", func() { b.save(b.withFolder("")) })
	b.days = widget.NewSelect(labels(keepDays, "%d 天"), func(string) { b.onKeepChanged() })
	b.weeks = widget.NewSelect(labels(keepWeeks, "%d 周"), func(string) { b.onKeepChanged() })
	b.status = widget.NewLabel("")
	b.status.Wrapping = fyne.TextWrapBreak
	return b
}

func labels(ns []int, format string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprintf(format, n)
		if n == 0 {
			out[i] = "不按周保留"
		}
	}
	return out
}

func (b *backupPlan) title() string { return "自动备份" }

func (b *backupPlan) content() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), func() { b.env.ShowFolder(b.plan.Dir(b.env.Store.DataDir())) })
	keep := container.NewHBox(widget.NewLabel("每天一份，保留最近"), b.days, widget.NewLabel("；每周一份，保留最近"), b.weeks)
	when := widget.NewLabel("每天第一次打开和每次关闭群活时自动备份。可以放到U盘或另一块硬盘上，电脑坏了也不丢；\n" +
		"U盘没插时自动备份会失败，「今日」会提醒。换位置以前的备份留在原处，恢复时也能找到。")
	when.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(
		container.New(layout.NewFormLayout(),
			widget.NewLabel("备份文件夹"), container.NewBorder(nil, nil, nil, container.NewHBox(open, b.other, b.reset), b.path),
			widget.NewLabel("保留多少"), keep),
		when, b.status)
}

func (b *backupPlan) refresh() {
	e := b.env
	e.Tasks.Run(func() {
		p, err := e.Store.BackupPlan()
		if err != nil {
			e.Log.Warn("read the backup plan", "err", err)
		}
		fyne.Do(func() { b.show(p) })
	})
}

// show puts the plan in the choices without taking it for a change.
func (b *backupPlan) show(p data.BackupPlan) {
	b.loading = true
	defer func() { b.loading = false }()
	b.plan = p
	b.path.SetText(p.Dir(b.env.Store.DataDir()))
	if p.Folder == "" {
		b.reset.Hide()
	} else {
		b.reset.Show()
	}
	b.days.SetSelected(choice(keepDays, p.KeepDaily, "%d 天"))
	b.weeks.SetSelected(choice(keepWeeks, p.KeepWeekly, "%d 周"))
}

// choice is the label of n among ns; a number kept from elsewhere that is not among
// them is added, so the owner sees what is in force.
func choice(ns []int, n int, format string) string {
	if !slices.Contains(ns, n) {
		return fmt.Sprintf(format, n)
	}
	return labels([]int{n}, format)[0]
}

func (b *backupPlan) withFolder(dir string) data.BackupPlan {
	p := b.plan
	p.Folder = dir
	return p
}

func (b *backupPlan) onOther() {
	c := ui.NewFileChooser(b.env, ui.PurposeBackup, ui.ChooseFolder, nil, func(dir string) { b.save(b.withFolder(dir)) })
	c.Show("自动备份放到哪个文件夹？", "", "")
}

func (b *backupPlan) onKeepChanged() {
	if b.loading {
		return
	}
	p := b.plan
	p.KeepDaily = number(b.days.Selected, b.plan.KeepDaily)
	p.KeepWeekly = number(b.weeks.Selected, b.plan.KeepWeekly)
	b.save(p)
}

// number reads the count from a choice's label: 7 天 → 7, 不按周保留 → 0.
func number(label string, otherwise int) int {
	if label == labels([]int{0}, "")[0] {
		return 0
	}
	var n int
	if _, err := fmt.Sscanf(label, "%d", &n); err != nil {
		return otherwise
	}
	return n
}

// save keeps p; a new folder gets a backup at once.
func (b *backupPlan) save(p data.BackupPlan) {
	e := b.env
	newFolder := p.Folder != b.plan.Folder
	e.Tasks.Run(func() {
		err := data.SaveBackupPlan(e.Store.DataDir(), p)
		var backupErr error
		if err == nil && newFolder {
			_, backupErr = e.Store.AutoBackup(time.Now())
		}
		fyne.Do(func() {
			if err != nil {
				b.refused(err)
				return
			}
			b.show(p)
			switch {
			case newFolder && backupErr != nil:
				e.Log.Error("first backup in the new folder", "err", backupErr)
				b.setStatus("已改好位置，但这次备份没有写进去。请确认这个文件夹能写入、磁盘还有空间。")
			case newFolder:
				b.setStatus("√ 以后自动备份放在这里，已经先备份了一份。")
			default:
				b.setStatus("√ 已保存：保留最近 " + strconv.Itoa(p.KeepDaily) + " 天每天一份" + weeksText(p.KeepWeekly) + "。")
			}
		})
	})
}

func weeksText(n int) string {
	if n == 0 {
		return ""
	}
	return "、最近 " + strconv.Itoa(n) + " 周每周一份"
}

func (b *backupPlan) refused(err error) {
	switch {
	case errors.Is(err, data.ErrBackupFolderData):
		ui.ShowMessage(b.env.Win, "不能放在这里", "自动备份不能和数据放在同一个文件夹里，请选另一个文件夹（最好在U盘或另一块硬盘上）。")
	case errors.Is(err, data.ErrBackupFolderBad):
		ui.ShowMessage(b.env.Win, "不能放在这里", "这个文件夹不能写入。请确认U盘已插好、文件夹不是只读的，或者换一个文件夹。")
	default:
		b.env.ShowError(err)
	}
	b.show(b.plan) // the choices go back to what is in force
}

func (b *backupPlan) setStatus(s string) { b.status.SetText(s) }
