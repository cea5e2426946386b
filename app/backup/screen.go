package backup

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Screen shows where the data lives and makes backups (数据与备份).
type Screen struct {
	env        *ui.Env
	onDemo     func()
	location   *widget.Label
	size       *widget.Label
	backupBtn  *widget.Button
	demoButton *widget.Button
	status     *widget.Label
}

const restoreHelp = "恢复备份:关闭群活,把备份文件改名为 " + data.DatabaseFile + ",替换上面数据文件夹里的同名文件,再打开群活。" +
	"\n换电脑时,把整个数据文件夹复制过去即可。"

func NewScreen(e *ui.Env, onDemo func()) *Screen {
	s := &Screen{env: e, onDemo: onDemo}
	s.location = widget.NewLabel(e.Store.Path())
	s.location.Wrapping = fyne.TextWrapBreak
	s.location.Selectable = true
	s.size = widget.NewLabel("")
	s.backupBtn = widget.NewButtonWithIcon("立即备份…", theme.DocumentSaveIcon(), s.onBackup)
	s.backupBtn.Importance = widget.HighImportance
	s.demoButton = widget.NewButtonWithIcon("载入示例数据", theme.ContentAddIcon(), s.onDemoData)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	return s
}

func (s *Screen) Content() fyne.CanvasObject {
	help := widget.NewLabel(restoreHelp)
	help.Wrapping = fyne.TextWrapWord
	demoHelp := widget.NewLabel("示例数据是几十条常见资源和成员,方便先熟悉功能;它们和你自己的数据放在一起,可以随时编辑或删除。")
	demoHelp.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(
		ui.Bold("数据文件"), s.location, s.size,
		widget.NewSeparator(),
		ui.Bold("备份"), widget.NewLabel("备份会把全部数据复制成一个文件,存到你选的文件夹(建议U盘或网盘同步文件夹)。"),
		container.NewHBox(s.backupBtn), s.status, help,
		widget.NewSeparator(),
		ui.Bold("示例数据"), demoHelp, container.NewHBox(s.demoButton),
	))
}

func (s *Screen) Refresh() {
	path := s.env.Store.Path()
	s.env.Tasks.Run(func() {
		size := fileSize(path) + fileSize(path+"-wal") // recent changes wait in the WAL file
		fyne.Do(func() { s.size.SetText("大小:" + humanSize(size)) })
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
	c := ui.NewFileChooser(s.env, ui.ChooseFolder, nil, func(dir string) {
		s.backupTo(filepath.Join(dir, s.env.Store.BackupName()))
	})
	c.Show("把备份存到哪个文件夹?", "", "")
}

// backupTo writes the backup off the UI goroutine and says where it went.
func (s *Screen) backupTo(dst string) {
	s.backupBtn.Disable()
	s.status.SetText("正在备份…")
	s.env.Tasks.Run(func() {
		err := s.env.Store.Backup(dst)
		fyne.Do(func() {
			s.backupBtn.Enable()
			if err != nil {
				s.status.SetText("")
				ui.ShowMessage(s.env.Win, "备份没有完成", "没能写入备份文件。请换一个文件夹(比如桌面)再试,并确认磁盘还有空间。现有数据没有受影响。")
				return
			}
			s.status.SetText("√ 已备份到:" + dst)
		})
	})
}

func (s *Screen) onDemoData() {
	ui.Confirm(s.env.Win, "载入示例数据", "要把示例资源和成员加到现在的数据里吗?", "载入", s.fillDemo)
}

func (s *Screen) fillDemo() {
	s.demoButton.Disable()
	s.status.SetText("正在载入示例数据…")
	s.env.Tasks.Run(func() {
		err := s.env.Store.FillDemo(data.SmallDemo, s.env.Now().Unix())
		fyne.Do(func() {
			s.demoButton.Enable()
			s.status.SetText("")
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.status.SetText("√ 示例数据已载入,可以到「资源库」和「成员」看看。")
			s.onDemo()
		})
	})
}
