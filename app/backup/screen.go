package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// backupScreen shows where the data lives and makes backups (数据与备份).
type backupScreen struct {
	env        *env
	onDemo     func()
	location   *widget.Label
	size       *widget.Label
	backupBtn  *widget.Button
	demoButton *widget.Button
	status     *widget.Label
}

const restoreHelp = "恢复备份:关闭群活,把备份文件改名为 " + data.DatabaseFile + ",替换上面数据文件夹里的同名文件,再打开群活。" +
	"\n换电脑时,把整个数据文件夹复制过去即可。"

func newBackupScreen(e *env, onDemo func()) *backupScreen {
	s := &backupScreen{env: e, onDemo: onDemo}
	s.location = widget.NewLabel(e.store.Path())
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

func (s *backupScreen) content() fyne.CanvasObject {
	help := widget.NewLabel(restoreHelp)
	help.Wrapping = fyne.TextWrapWord
	demoHelp := widget.NewLabel("示例数据是几十条常见资源和成员,方便先熟悉功能;它们和你自己的数据放在一起,可以随时编辑或删除。")
	demoHelp.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewVBox(
		bold("数据文件"), s.location, s.size,
		widget.NewSeparator(),
		bold("备份"), widget.NewLabel("备份会把全部数据复制成一个文件,存到你选的文件夹(建议U盘或网盘同步文件夹)。"),
		container.NewHBox(s.backupBtn), s.status, help,
		widget.NewSeparator(),
		bold("示例数据"), demoHelp, container.NewHBox(s.demoButton),
	))
}

func (s *backupScreen) refresh() {
	path := s.env.store.Path()
	s.env.tasks.run(func() {
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

func (s *backupScreen) onBackup() {
	c := newFileChooser(s.env, chooseFolder, nil, func(dir string) {
		s.backupTo(filepath.Join(dir, s.env.store.BackupName()))
	})
	c.show("把备份存到哪个文件夹?", "", "")
}

// backupTo writes the backup off the UI goroutine and says where it went.
func (s *backupScreen) backupTo(dst string) {
	s.backupBtn.Disable()
	s.status.SetText("正在备份…")
	s.env.tasks.run(func() {
		err := s.env.store.Backup(dst)
		fyne.Do(func() {
			s.backupBtn.Enable()
			if err != nil {
				s.status.SetText("")
				showMessage(s.env.win, "备份没有完成", "没能写入备份文件。请换一个文件夹(比如桌面)再试,并确认磁盘还有空间。现有数据没有受影响。")
				return
			}
			s.status.SetText("√ 已备份到:" + dst)
		})
	})
}

func (s *backupScreen) onDemoData() {
	confirm(s.env.win, "载入示例数据", "要把示例资源和成员加到现在的数据里吗?", "载入", s.fillDemo)
}

func (s *backupScreen) fillDemo() {
	s.demoButton.Disable()
	s.status.SetText("正在载入示例数据…")
	s.env.tasks.run(func() {
		err := s.env.store.FillDemo(data.SmallDemo, s.env.now().Unix())
		fyne.Do(func() {
			s.demoButton.Enable()
			s.status.SetText("")
			if err != nil {
				showError(s.env.win, err)
				return
			}
			s.status.SetText("√ 示例数据已载入,可以到「资源库」和「成员」看看。")
			s.onDemo()
		})
	})
}
