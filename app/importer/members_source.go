package importer

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
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
	"3. 点名为 search_group_members 的一项，在「响应」里全选、复制，回到这里点「粘贴」。",
	"成员多时把名单滚到底，每一页都这样复制、粘贴一次；也可以右键把响应另存为 .json 文件，再点「选择文件」。",
}

// pastedSource is what the preview calls text the owner pasted.
const pastedSource = "粘贴的内容"

// memberSource asks where the member list comes from: QQ's list pasted page by page
// from the clipboard, or a file (Excel, CSV, or QQ's list saved as .json). Pasted
// text is read straight from the clipboard, never shown in an entry: a whole group's
// list is about a megabyte, which took an entry more than ten seconds to lay out.
type memberSource struct {
	env    *ui.Env
	group  data.Group
	onDone func()
	pieces []string     // what was pasted, page by page
	list   *qqlist.List // the pieces read together, once at least one was accepted

	status     *widget.Label // what was pasted so far, or why the last paste was refused
	pasteBtn   *widget.Button
	clearBtn   *widget.Button
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

const nothingPasted = "还没有粘贴。"

func showMemberSource(e *ui.Env, into data.Group, onDone func()) *memberSource {
	s := &memberSource{env: e, group: into, onDone: onDone}
	s.status = widget.NewLabel(nothingPasted)
	s.status.Wrapping = fyne.TextWrapBreak // Chinese breaks between any characters; word wrapping waits for a space
	s.pasteBtn = widget.NewButtonWithIcon("粘贴", theme.ContentPasteIcon(), s.onPaste)
	s.pasteBtn.Importance = widget.HighImportance
	s.clearBtn = widget.NewButton("清空重来", s.onClear)
	s.previewBtn = widget.NewButton("预览", s.onPreview)
	s.previewBtn.Importance = widget.HighImportance
	s.fileBtn = widget.NewButton("选择文件…", s.onChooseFile)
	s.cancelBtn = widget.NewButton("取消", func() { s.dlg.Hide() })
	help := widget.NewLabel(strings.Join(qqListHelp, "\n"))
	help.Wrapping = fyne.TextWrapBreak
	pasted := container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(s.pasteBtn, s.clearBtn)), nil, s.status)
	files := widget.NewLabel("Excel、CSV 表格或存好的 .json 文件：")
	bottom := container.NewHBox(files, s.fileBtn, ui.LayoutSpacer(), s.cancelBtn, s.previewBtn)
	body := container.NewVBox(help, widget.NewSeparator(), pasted, widget.NewSeparator(), bottom)
	s.dlg = dialog.NewCustomWithoutButtons("导入成员到「"+into.Name+"」", body, e.Win)
	s.dlg.Resize(fyne.NewSize(760, 1)) // as high as it needs
	s.updateButtons()
	s.dlg.Show()
	ui.EscCloses(e.Win, s.dlg)
	return s
}

// showStatus says what was pasted so far (refused false) or why the last paste was
// refused.
func (s *memberSource) showStatus(text string, refused bool) {
	s.status.Importance = widget.MediumImportance
	if refused {
		s.status.Importance = widget.DangerImportance
	}
	s.status.SetText(text)
}

func (s *memberSource) updateButtons() {
	ui.Enable(s.previewBtn, s.list != nil)
	ui.Enable(s.clearBtn, len(s.pieces) > 0)
	s.pasteBtn.Enable()
}

// onPaste adds what the clipboard holds as one more page of the list. A page that is
// not QQ's list is refused on its own, and the pages pasted before stay.
func (s *memberSource) onPaste() {
	text := s.env.App.Clipboard().Content()
	switch {
	case strings.TrimSpace(text) == "":
		s.showStatus("剪贴板里没有文字：请先在浏览器里复制「响应」的全部内容，再点「粘贴」。", true)
		return
	case slices.Contains(s.pieces, text):
		s.showStatus(fmt.Sprintf("这一页已经粘贴过了（已粘贴 %d 页）。请复制下一页后再点「粘贴」，都好了点「预览」。", len(s.pieces)), true)
		return
	}
	pieces := append(slices.Clone(s.pieces), text)
	s.pasteBtn.Disable()
	e := s.env
	e.Tasks.Run(func() {
		l, err := qqlist.Parse(strings.NewReader(text)) // this page alone, for its own refusal
		if err == nil {
			l, err = qqlist.Parse(strings.NewReader(strings.Join(pieces, "\n")))
		}
		if err != nil {
			e.Log.Info("pasted qq member list refused", "err", err)
		}
		fyne.Do(func() { s.pasted(pieces, l, err) })
	})
}

func (s *memberSource) pasted(pieces []string, l qqlist.List, err error) {
	defer s.updateButtons()
	if err != nil {
		msg := qqListProblem(err)
		if len(s.pieces) > 0 {
			msg = fmt.Sprintf("这一页没有加进来：%s（之前粘贴的 %d 页还在。）", msg, len(s.pieces))
		}
		s.showStatus(msg, true)
		return
	}
	s.pieces, s.list = pieces, &l
	text := fmt.Sprintf("已粘贴 %d 页，共 %d 位成员", len(pieces), len(l.Members))
	if l.Declared > 0 {
		text += fmt.Sprintf("（QQ 显示本群共 %d 人）", l.Declared)
	}
	s.showStatus(text+"。\n有下一页就复制后再点「粘贴」，都好了点「预览」。", false)
}

func (s *memberSource) onClear() {
	s.pieces, s.list = nil, nil
	s.showStatus(nothingPasted, false)
	s.updateButtons()
}

// onPreview plans the pasted list against the members, off the UI goroutine.
func (s *memberSource) onPreview() {
	if s.list == nil {
		return
	}
	l, e := *s.list, s.env
	s.previewBtn.Disable()
	e.Tasks.Run(func() {
		plan, err := planList(e, s.group, l)
		fyne.Do(func() {
			s.updateButtons()
			if err != nil {
				e.ShowError(err)
				return
			}
			s.dlg.Hide()
			s.preview = showQQListPreview(e, s.group, pastedSource, plan, s.onDone)
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
