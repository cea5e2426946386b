package app

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// explainOpen turns a failure to open the data folder into advice for the owner.
func explainOpen(err error, dir string) string {
	var oe *data.OpenError
	kind := data.OpenFailed
	if errors.As(err, &oe) {
		kind = oe.Kind
	}
	switch kind {
	case data.OpenInUse:
		return "群活已经打开了。同一份数据只能由一个群活窗口使用,请切换到已经打开的那个窗口。"
	case data.OpenLocked:
		return "数据文件正被其他程序占用。请关闭可能打开它的程序(如数据库查看工具、同步网盘)后,再启动群活。"
	case data.OpenReadOnly:
		return "群活无法写入数据文件夹:\n" + dir + "\n请确认这个文件夹不是只读的,磁盘也没有写满,然后再启动群活。"
	case data.OpenCorrupt:
		return "数据文件已损坏,群活读不出来:\n" + dir + "\n群活没有改动它。请用最近一次的备份文件替换 " + data.DatabaseFile + ",或把这个文件发给技术支持。"
	case data.OpenNewerSchema:
		return "这份数据是由更新版本的群活保存的,当前版本打不开。请把群活升级到最新版本。数据没有被改动。"
	}
	return "打开数据时出错了。请重启电脑后再试;如果仍然不行,请联系技术支持。数据文件夹:\n" + dir
}

// explain turns any failure of a screen's action into a sentence for the owner. Raw Go
// errors never reach the screen.
func explain(err error) string {
	if ve, ok := isValidation(err); ok {
		return strings.Join(messagesOf(ve), "\n")
	}
	var re *data.RowError
	if errors.As(err, &re) {
		return "第 " + strconv.Itoa(re.Index+1) + " 条没能保存:" + explain(re.Err) + "\n这次导入没有保存任何一条,原有数据不变。"
	}
	switch {
	case errors.Is(err, data.ErrNotFound):
		return "这条记录已经不存在了,可能刚被删除。列表已刷新。"
	case errors.Is(err, data.ErrInUse):
		return "这条记录还在被使用,不能删除。"
	}
	return "操作没有完成,已经保存的数据没有受影响。请再试一次;如果反复出现,请重启群活。"
}

func messagesOf(ve data.ValidationError) []string {
	msgs := make([]string, len(ve))
	for i, fe := range ve {
		msgs[i] = fe.Message
	}
	return msgs
}

// showError tells the owner an action failed, in Chinese.
func showError(win fyne.Window, err error) {
	showMessage(win, "没有完成", explain(err))
}

// showMessage shows text in a dialog wide enough to read, with one button to close it.
func showMessage(win fyne.Window, title, text string) dialog.Dialog {
	return showMessageWith(win, title, text, "知道了")
}

// showMessageWith is showMessage with the closing button's words.
func showMessageWith(win fyne.Window, title, text, button string) dialog.Dialog {
	d := dialog.NewCustom(title, button, messageLabel(text), win)
	d.Resize(messageSize(text))
	d.Show()
	return d
}

// messageLabel is a wrapping label for dialog text.
func messageLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// messageSize estimates a dialog size that shows text without scrolling: wrapped
// labels have no natural width, so the dialog must be given one.
func messageSize(text string) fyne.Size {
	const width, charsPerLine, lineHeight = 460, 26, 24
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += 1 + utf8.RuneCountInString(para)/charsPerLine
	}
	return fyne.NewSize(width, float32(lines*lineHeight+130))
}

// confirm asks before something that cannot be undone; the buttons say what they do.
func confirm(win fyne.Window, title, text, okText string, onOK func()) {
	d := dialog.NewCustomConfirm(title, okText, "取消", messageLabel(text), func(ok bool) {
		if ok {
			onOK()
		}
	}, win)
	d.Resize(messageSize(text))
	d.Show()
}
