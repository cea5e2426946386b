package ui

import (
	"errors"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/data"
)

// Explain turns any failure of a screen's action into a sentence for the owner. Raw Go
// errors never reach the screen.
func Explain(err error) string {
	if ve, ok := IsValidation(err); ok {
		return strings.Join(MessagesOf(ve), "\n")
	}
	var re *data.RowError
	if errors.As(err, &re) {
		return "第 " + strconv.Itoa(re.Index+1) + " 条没能保存：" + Explain(re.Err) + "\n这次导入没有保存任何一条，原有数据不变。"
	}
	switch {
	case errors.Is(err, data.ErrNotFound):
		return "这条记录已经不存在了，可能刚被删除。列表已刷新。"
	case errors.Is(err, data.ErrInUse):
		return "这条记录还在被使用，不能删除。"
	}
	return "操作没有完成，已经保存的数据没有受影响。请再试一次；如果反复出现，请重启群活。"
}

func MessagesOf(ve data.ValidationError) []string {
	msgs := make([]string, len(ve))
	for i, fe := range ve {
		msgs[i] = fe.Message
	}
	return msgs
}

// ShowError tells the owner an action failed, in Chinese, and logs the cause with
// where it came from.
func (e *Env) ShowError(err error) { e.showErrorAt(caller(2), err) }

// caller is "file.go:line" of the function skip levels up the stack (1: caller's caller).
func caller(skip int) string {
	if _, file, line, ok := runtime.Caller(skip); ok {
		return filepath.Base(file) + ":" + strconv.Itoa(line)
	}
	return ""
}

// showErrorAt is ShowError logging where instead of its own caller.
func (e *Env) showErrorAt(where string, err error) {
	e.Log.Error("操作没有完成", "at", where, "err", err)
	ShowMessage(e.Win, "没有完成", Explain(err))
}

// ShowMessage shows text in a dialog wide enough to read, with one button to close it.
func ShowMessage(win fyne.Window, title, text string) dialog.Dialog {
	return ShowMessageWith(win, title, text, "知道了")
}

// ShowMessageWith is ShowMessage with the closing button's words.
func ShowMessageWith(win fyne.Window, title, text, button string) dialog.Dialog {
	d := dialog.NewCustom(title, button, MessageLabel(text), win)
	d.Resize(MessageSize(text))
	d.Show()
	EscCloses(win, d)
	return d
}

// MessageLabel is a wrapping label for dialog text.
func MessageLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// MessageSize estimates a dialog size that shows text without scrolling: wrapped
// labels have no natural width, so the dialog must be given one.
func MessageSize(text string) fyne.Size {
	const width, charsPerLine, lineHeight = 460, 26, 24
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines += 1 + utf8.RuneCountInString(para)/charsPerLine
	}
	return fyne.NewSize(width, float32(lines*lineHeight+130))
}

// Confirm asks before something that cannot be undone; the buttons say what they do.
func Confirm(win fyne.Window, title, text, okText string, onOK func()) {
	d := dialog.NewCustomConfirm(title, okText, "取消", MessageLabel(text), func(ok bool) {
		if ok {
			onOK()
		}
	}, win)
	d.Resize(MessageSize(text))
	d.Show()
	EscCloses(win, d)
}
