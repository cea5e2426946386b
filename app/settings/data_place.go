package settings

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
)

// dataPlace says where the data and its automatic backups are, and opens the folders.
type dataPlace struct {
	env     *ui.Env
	folder  *widget.Label
	backups *widget.Label
}

func newDataPlace(e *ui.Env) *dataPlace {
	d := &dataPlace{env: e}
	d.folder = widget.NewLabel("")
	d.folder.Wrapping = fyne.TextWrapBreak
	d.folder.Selectable = true
	d.backups = widget.NewLabel("")
	d.backups.Wrapping = fyne.TextWrapBreak
	d.backups.Selectable = true
	return d
}

func (d *dataPlace) title() string { return "数据和备份放在哪" }

func (d *dataPlace) dir() string { return filepath.Dir(d.env.Store.Path()) }

func (d *dataPlace) content() fyne.CanvasObject {
	open := func(dir func() string) *widget.Button {
		return widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), func() { d.open(dir()) })
	}
	// Lines broken by hand: wrapping cut 「最近 4」 from 「周」.
	rotation := widget.NewLabel("每天第一次打开和每次关闭群活时自动备份到这里，保留最近 7 天每天一份、最近 4 周每周一份。\n" +
		"自动备份和数据在同一台电脑上。为了电脑坏了也不丢，还要在「数据与备份」里备份到U盘或网盘。")
	rotation.Wrapping = fyne.TextWrapWord
	portable := widget.NewLabel("想把群活和数据一起放在U盘里用：下载便携版（zip），数据会放在 QunHuo.exe 旁边的 data 文件夹里。")
	portable.Wrapping = fyne.TextWrapWord
	return container.NewVBox(
		container.New(layoutForm(),
			widget.NewLabel("数据文件夹"), container.NewBorder(nil, nil, nil, open(d.dir), d.folder),
			widget.NewLabel("自动备份"), container.NewBorder(nil, nil, nil, open(d.backupDir), d.backups)),
		rotation, portable)
}

func (d *dataPlace) backupDir() string { return filepath.Join(d.dir(), "backups") }

func (d *dataPlace) refresh() {
	d.folder.SetText(d.dir())
	d.backups.SetText(d.backupDir())
}

func (d *dataPlace) open(dir string) { d.env.ShowFolder(dir) }

// layoutForm lays out label and value pairs, labels in a column of their own width.
func layoutForm() fyne.Layout { return layout.NewFormLayout() }
