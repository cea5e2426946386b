package settings

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// DataFolder is what the data folder section may do beyond the store: the app fills it
// in, since switching folders closes this store and opens another.
type DataFolder struct {
	// Portable is set when the data lives beside the program (the portable zip): it
	// stays there, so it cannot be moved from here.
	Portable bool
	// Switch closes the data and opens the data folder dir instead, from now on.
	Switch func(dir string)
}

// dataFolder shows where the data is and moves it to another folder: a copy is made
// and checked there, and the old folder is left as it was.
type dataFolder struct {
	env    *ui.Env
	folder DataFolder
	path   *widget.Label
	move   *widget.Button
	note   *widget.Label
}

func newDataFolder(e *ui.Env) *dataFolder {
	d := &dataFolder{env: e}
	d.path = widget.NewLabel("")
	d.path.Wrapping = fyne.TextWrapBreak
	d.path.Selectable = true
	d.move = widget.NewButtonWithIcon("搬到别的文件夹…", theme.FolderNewIcon(), d.onMove)
	d.note = widget.NewLabel("")
	d.note.Wrapping = fyne.TextWrapBreak
	return d
}

func (d *dataFolder) title() string { return "数据放在哪" }

func (d *dataFolder) content() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("打开", theme.FolderOpenIcon(), func() { d.env.ShowFolder(d.dir()) })
	return container.NewVBox(
		container.New(layout.NewFormLayout(),
			widget.NewLabel("数据文件夹"), container.NewBorder(nil, nil, nil, container.NewHBox(open, d.move), d.path)),
		d.note)
}

func (d *dataFolder) dir() string { return d.env.Store.DataDir() }

// set is how the app hands the section what it may do with the folder.
func (d *dataFolder) set(f DataFolder) {
	d.folder = f
	d.refresh()
}

func (d *dataFolder) refresh() {
	d.path.SetText(d.dir())
	switch {
	case d.folder.Portable:
		d.move.Disable()
		d.note.SetText("这是便携版：数据放在 QunHuo.exe 旁边的 data 文件夹里，整个文件夹复制到U盘或新电脑就能接着用。")
	case d.folder.Switch == nil:
		d.move.Disable()
		d.note.SetText("")
	default:
		d.move.Enable()
		d.note.SetText("想把数据放到别的磁盘（比如 D 盘）或网盘同步文件夹：点「搬到别的文件夹」。\n" +
			"换了新电脑：把旧电脑的数据文件夹复制过来，再点「搬到别的文件夹」选中它，群活就用那里的数据。")
	}
}

func (d *dataFolder) onMove() {
	c := ui.NewFileChooser(d.env, ui.PurposeBackup, ui.ChooseFolder, nil, d.moveTo)
	c.Show("把群活的数据搬到哪个文件夹？", "", "")
}

// moveTo uses the data already in dir, or copies this data there, after asking.
func (d *dataFolder) moveTo(dir string) {
	e := d.env
	e.Tasks.Run(func() {
		has := data.HasDatabase(dir)
		var info data.BackupInfo
		var err error
		if has {
			info, err = data.CheckBackup(filepath.Join(dir, data.DatabaseFile))
		}
		fyne.Do(func() {
			switch {
			case has && err != nil:
				ui.ShowMessage(e.Win, "不能用这个文件夹", "这个文件夹里的群活数据读不出来（可能已损坏，或者是更新版本的群活保存的）。\n"+
					"请换一个文件夹。现在的数据没有改动。")
			case has:
				ui.Confirm(e.Win, "改用那里的数据？", fmt.Sprintf("这个文件夹里已经有群活的数据：\n%s\n%d 个群、%d 个资源、%d 个成员。\n\n"+
					"改用它以后，群活打开的就是那份数据。现在这份数据留在原来的文件夹里，不会删除。", dir, info.Groups, info.Resources, info.Members),
					"改用那里的数据", func() { d.folder.Switch(dir) })
			default:
				ui.Confirm(e.Win, "搬到新文件夹？", "把全部数据复制到：\n"+dir+"\n复制好并检查无误后，群活就改用那里的数据。\n"+
					"原来文件夹里的数据留着不删，\n新位置用着没问题后，可以自己删掉。", "搬过去", func() { d.copyTo(dir) })
			}
		})
	})
}

func (d *dataFolder) copyTo(dir string) {
	e := d.env
	e.RunWithProgress("搬数据", "正在把全部数据复制到：\n"+dir, func(ctx context.Context, _ ui.Report) error {
		return e.Store.WithContext(ctx).CopyTo(dir)
	}, func(err error) {
		switch {
		case ui.Cancelled(err):
		case errors.Is(err, data.ErrSameFolder):
			ui.ShowMessage(e.Win, "没有搬", "这就是现在的数据文件夹，请选另一个文件夹。")
		case err != nil:
			e.Log.Error("copy the data", "to", dir, "err", err)
			ui.ShowMessage(e.Win, "没有搬", "没能把数据复制到这个文件夹。请确认磁盘还有空间、文件夹可以写入，或者换一个文件夹。现在的数据没有改动。")
		default:
			d.folder.Switch(dir)
		}
	})
}
