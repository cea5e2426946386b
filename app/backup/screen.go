// Package backup is the 数据与备份 area: where the data lives, backups with progress
// and cancel, buttons that open the data, log and backup folders, and demo data. It
// sees data and app/ui (with app/ui/applog for the log folder).
package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/app/ui/applog"
)

// Screen shows where the data lives and makes backups (数据与备份).
type Screen struct {
	env        *ui.Env
	onDemo     func()
	location   *widget.Label
	size       *widget.Label
	backupBtn  *widget.Button
	demoButton *widget.Button
	removeDemo *widget.Button // shown while demo records are left
	status     *widget.Label

	openData    *widget.Button // the data folder
	openLog     *widget.Button // the log folder inside it
	openBackups *widget.Button // where the last backup went; shown after a backup
	lastDir     string

	restore   *restoreList
	exportAll *widget.Button

	importChat   *widget.Button // 导入聊天记录; shown once the shell says how
	onImportChat func(done func())
}

// SetImportChat is how the screen imports a QQ chat export (the shell's link to the
// import area).
func (s *Screen) SetImportChat(f func(done func())) {
	s.onImportChat = f
	s.importChat.Show()
}

// SetRestore is how the screen restores a backup: the shell closes the store, swaps the
// file in and reopens.
func (s *Screen) SetRestore(restore func(path string)) { s.restore.Restore = restore }

const restoreHelp = "换电脑时，把整个数据文件夹复制过去即可。"

func NewScreen(e *ui.Env, onDemo func()) *Screen {
	s := &Screen{env: e, onDemo: onDemo}
	s.location = widget.NewLabel(e.Store.Path())
	s.location.Wrapping = fyne.TextWrapBreak
	s.location.Selectable = true
	s.size = widget.NewLabel("")
	s.backupBtn = widget.NewButtonWithIcon("立即备份…", theme.DocumentSaveIcon(), s.onBackup)
	s.backupBtn.Importance = widget.HighImportance
	s.demoButton = widget.NewButtonWithIcon("载入示例数据", theme.ContentAddIcon(), s.onDemoData)
	s.removeDemo = widget.NewButtonWithIcon("删除示例数据", theme.DeleteIcon(), s.onRemoveDemo)
	s.removeDemo.Hide()
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapBreak
	s.status.Hide()
	s.openData = widget.NewButtonWithIcon("打开数据文件夹", theme.FolderOpenIcon(), func() { s.open(s.dataDir()) })
	s.openLog = widget.NewButtonWithIcon("打开日志文件夹", theme.FolderOpenIcon(), func() { s.open(applog.Dir(s.dataDir())) })
	s.openBackups = widget.NewButtonWithIcon("打开备份所在文件夹", theme.FolderOpenIcon(), func() { s.open(s.lastDir) })
	s.openBackups.Hide()
	s.restore = newRestoreList(s)
	s.exportAll = s.newExportAllButton()
	s.importChat = widget.NewButtonWithIcon("导入聊天记录…", theme.UploadIcon(), func() {
		if s.onImportChat != nil {
			s.onImportChat(s.Refresh)
		}
	})
	s.importChat.Hide()
	return s
}

// setStatus says what the last action did; an empty status takes no room.
func (s *Screen) setStatus(text string) {
	s.status.SetText(text)
	if text == "" {
		s.status.Hide()
	} else {
		s.status.Show()
	}
}

func (s *Screen) dataDir() string { return filepath.Dir(s.env.Store.Path()) }

// open shows a folder in the system's file manager, so an owner finds their files
// without knowing where %APPDATA% is.
func (s *Screen) open(dir string) { s.env.ShowFolder(dir) }

func (s *Screen) Content() fyne.CanvasObject {
	help := widget.NewLabel(restoreHelp)
	help.Wrapping = fyne.TextWrapBreak
	demoHelp := widget.NewLabel("示例数据是几十条常见资源和成员，方便先熟悉功能；熟悉了点「删除示例数据」，只删示例加的，你自己加的不会动。")
	demoHelp.Wrapping = fyne.TextWrapBreak
	return container.NewVScroll(container.NewVBox(
		ui.Bold("数据文件"), s.location, s.size,
		container.NewHBox(s.openData, s.openLog),
		widget.NewSeparator(),
		ui.Bold("备份"), widget.NewLabel("备份会把全部数据复制成一个文件，存到你选的文件夹（建议U盘或网盘同步文件夹）。"),
		container.NewHBox(s.backupBtn, s.openBackups), s.status, help,
		widget.NewSeparator(),
		ui.Bold("备份与恢复"), s.restore.content(),
		widget.NewSeparator(),
		ui.Bold("导出"), widget.NewLabel("把全部数据导出成一个 Excel 表格，方便查看、打印或交给别人。导出的表格不能用来恢复。"),
		container.NewHBox(s.exportAll),
		widget.NewSeparator(),
		ui.Bold("导入聊天记录"), ui.MessageLabel("把 QQ 导出的群聊天记录（消息管理器的 .txt，或 QQChatExporter 的 .json）导入，用来统计群的互动率。同一份记录再导入一次不会重复。"),
		container.NewHBox(s.importChat),
		widget.NewSeparator(),
		ui.Bold("示例数据"), demoHelp, container.NewHBox(s.demoButton, s.removeDemo),
	))
}

func (s *Screen) Refresh() {
	s.restore.refresh()
	s.refreshDemo()
	path := s.env.Store.Path()
	s.env.Tasks.Run(func() {
		size := fileSize(path) + fileSize(path+"-wal") // recent changes wait in the WAL file
		fyne.Do(func() { s.size.SetText("大小：" + humanSize(size)) })
	})
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

// humanSize shows a file size the way Windows Explorer does: KB below a megabyte.
func humanSize(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

func (s *Screen) onBackup() {
	c := ui.NewFileChooser(s.env, ui.PurposeBackup, ui.ChooseFolder, nil, func(dir string) {
		s.backupTo(filepath.Join(dir, s.env.Store.BackupName()))
	})
	c.Show("把备份存到哪个文件夹？", "", "")
}

// backupTo writes the backup off the UI goroutine behind a progress dialog (a big
// database takes a while to copy) and says where it went. A cancelled or failed backup
// leaves no file.
func (s *Screen) backupTo(dst string) {
	s.backupBtn.Disable()
	s.setStatus("")
	e := s.env
	e.RunWithProgress("备份", "正在把全部数据复制到：\n"+dst, func(ctx context.Context, _ ui.Report) error {
		return e.Store.WithContext(ctx).Backup(dst)
	}, func(err error) { s.backedUp(dst, err) })
}

func (s *Screen) backedUp(dst string, err error) {
	s.backupBtn.Enable()
	switch {
	case ui.Cancelled(err):
		s.setStatus("备份已取消，没有留下文件。")
	case err != nil:
		s.env.Log.Error("backup", "err", err)
		ui.ShowMessage(s.env.Win, "备份没有完成", "没能写入备份文件。请换一个文件夹（比如桌面）再试，并确认磁盘还有空间。现有数据没有受影响。")
	default:
		s.setStatus("√ 已备份到：" + dst)
		s.lastDir = filepath.Dir(dst)
		s.openBackups.Show()
	}
}
