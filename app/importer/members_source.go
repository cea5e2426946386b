package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/qqlist"
	"github.com/qunhuo/qunhuo/data/sheet"
)

// qqListHelp is how an owner gets the member list out of QQ: the group-management
// page loads it as JSON, which the browser's developer tools show and save. One step
// a line: a long line wraps badly around search_group_members.
var qqListHelp = []string{
	"从 QQ 导入成员名单：",
	"1. 用电脑浏览器登录 qun.qq.com，打开「成员管理」，选这个群；",
	"2. 按 F12 打开开发者工具，选「网络」，再刷新页面；",
	"3. 点名为 search_group_members 的一项，在「响应」里全选、复制，粘贴到下面。",
	"成员多时把名单滚到底，每一页都复制，依次粘贴在下面；也可以右键把响应另存为 .json 文件，再点「选择文件」。",
}

// pastedSource is what the preview calls text the owner pasted.
const pastedSource = "粘贴的内容"

// memberSource asks where the member list comes from: QQ's list pasted in, or a file
// (Excel, CSV, or QQ's list saved as .json).
type memberSource struct {
	env    *ui.Env
	group  data.Group
	onDone func()

	paste      *widget.Entry
	problem    *widget.Label // why the pasted text was refused
	previewBtn *widget.Button
	fileBtn    *widget.Button
	cancelBtn  *widget.Button
	dlg        dialog.Dialog

	preview *qqListPreview // the preview last opened, for tests
	wizard  *importWizard  // the sheet wizard last opened, for tests
}

// Members imports a member list into the group into: QQ's own list (pasted, or saved
// as .json) or a sheet; onDone runs after a successful import.
func Members(e *ui.Env, into data.Group, onDone func()) { showMemberSource(e, into, onDone) }

func showMemberSource(e *ui.Env, into data.Group, onDone func()) *memberSource {
	s := &memberSource{env: e, group: into, onDone: onDone}
	s.paste = widget.NewMultiLineEntry()
	s.paste.SetPlaceHolder("在这里粘贴从 QQ 复制的成员名单")
	s.paste.Wrapping = fyne.TextWrapBreak
	s.paste.OnChanged = func(string) { s.showProblem(""); s.updateButtons() }
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()
	s.previewBtn = widget.NewButton("预览粘贴的名单", s.onPreviewPaste)
	s.previewBtn.Importance = widget.HighImportance
	s.fileBtn = widget.NewButton("选择文件…", s.onChooseFile)
	s.cancelBtn = widget.NewButton("取消", func() { s.dlg.Hide() })
	help := widget.NewLabel(strings.Join(qqListHelp, "\n"))
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, s.problem)
	files := widget.NewLabel("Excel、CSV 表格或存好的 .json 文件：")
	bottom := container.NewHBox(files, s.fileBtn, ui.LayoutSpacer(), s.cancelBtn, s.previewBtn)
	body := container.NewBorder(top, bottom, nil, nil, s.paste)
	s.dlg = dialog.NewCustomWithoutButtons("导入成员到「"+into.Name+"」", body, e.Win)
	s.dlg.Resize(fyne.NewSize(760, 520))
	s.updateButtons()
	s.dlg.Show()
	ui.EscCloses(e.Win, s.dlg)
	return s
}

// showProblem says why the pasted text was refused, or hides the line for "".
func (s *memberSource) showProblem(text string) {
	s.problem.SetText(text)
	s.problem.Show()
	if text == "" {
		s.problem.Hide()
	}
}

func (s *memberSource) updateButtons() {
	ui.Enable(s.previewBtn, strings.TrimSpace(s.paste.Text) != "")
}

// onPreviewPaste reads the pasted text as QQ's list; a refusal stays in this dialog,
// beside the text, so the owner can paste again.
func (s *memberSource) onPreviewPaste() {
	text := s.paste.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	s.previewBtn.Disable()
	e := s.env
	e.Tasks.Run(func() {
		plan, refusal, err := planQQList(e, s.group, strings.NewReader(text))
		fyne.Do(func() {
			s.updateButtons()
			switch {
			case err != nil:
				e.ShowError(err)
			case refusal != "":
				s.showProblem(refusal)
			default:
				s.dlg.Hide()
				s.preview = showQQListPreview(e, s.group, pastedSource, plan, s.onDone)
			}
		})
	})
}

// onChooseFile picks a file; QQ's list and sheets are told apart by content and name.
func (s *memberSource) onChooseFile() {
	c := ui.NewFileChooser(s.env, ui.PurposeImport, ui.ChooseOpen, []string{".xlsx", ".csv", ".xls", ".json", ".txt"}, func(path string) {
		s.dlg.Hide()
		s.env.Tasks.Run(func() { s.readFile(path) })
	})
	c.Show("导入成员：选择文件（Excel、CSV 或 QQ 成员名单 .json）", "", "")
}

// readFile reads a chosen file, off the UI goroutine: QQ's list (a .json name or
// JSON content) goes to its preview, and refusals speak of the list, never of
// columns; anything else is a sheet for the column wizard.
func (s *memberSource) readFile(path string) {
	e := s.env
	b, err := readFileLimited(path)
	if err != nil {
		fyne.DoAndWait(func() { ui.ShowMessage(e.Win, "无法导入这个文件", sheetProblem(err)) })
		return
	}
	if strings.EqualFold(filepath.Ext(path), ".json") || qqlist.Looks(b) {
		plan, refusal, err := planQQList(e, s.group, bytes.NewReader(b))
		fyne.DoAndWait(func() {
			switch {
			case err != nil:
				e.ShowError(err)
			case refusal != "":
				ui.ShowMessage(e.Win, "无法导入这个文件", refusal)
			default:
				s.preview = showQQListPreview(e, s.group, filepath.Base(path), plan, s.onDone)
			}
		})
		return
	}
	t, err := sheet.Read(bytes.NewReader(b))
	s.wizard = openWizard(e, &memberImport{group: s.group}, filepath.Base(path), t, err, s.onDone)
}

// readFileLimited reads a chosen file, refusing one larger than any list or sheet.
func readFileLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &sheet.Error{Message: "打不开这个文件，请确认它没有被删除、移动或在别的程序里打开。", Err: err}
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, sheet.MaxFileSize+1))
	switch {
	case err != nil:
		return nil, &sheet.Error{Message: "读取文件失败，请确认文件没有被其他程序占用后重试。", Err: err}
	case len(b) > sheet.MaxFileSize:
		return nil, &sheet.Error{Message: "文件太大了（超过 20 MB），不像是一个群的成员名单或表格。", Err: sheet.ErrTooLarge}
	}
	return b, nil
}
