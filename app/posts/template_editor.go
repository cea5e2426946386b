package posts

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

var postKindNames = map[data.PostKind]string{data.PostIndex: "资源索引表", data.PostNewStock: "上新公告"}

// templateEditor lets the owner change a post's template, checks it as they type, and
// can always go back to the default.
type templateEditor struct {
	env     *ui.Env
	kind    data.PostKind
	onSaved func()

	body      *widget.Entry
	problem   *widget.Label
	saveBtn   *widget.Button
	resetBtn  *widget.Button
	cancelBtn *widget.Button
	dlg       dialog.Dialog
}

func newTemplateEditor(e *ui.Env, kind data.PostKind, onSaved func()) *templateEditor {
	t := &templateEditor{env: e, kind: kind, onSaved: onSaved}
	t.body = widget.NewMultiLineEntry()
	t.body.Wrapping = fyne.TextWrapOff
	t.body.OnChanged = t.onChanged
	t.problem = widget.NewLabel("")
	t.problem.Wrapping = fyne.TextWrapWord
	t.saveBtn = widget.NewButton("保存模板", t.onSave)
	t.saveBtn.Importance = widget.HighImportance
	t.resetBtn = widget.NewButton("恢复默认", t.onReset)
	t.cancelBtn = widget.NewButton("取消", t.close)
	e.Tasks.Run(t.load)
	return t
}

func (t *templateEditor) load() {
	body, err := qqpost.TemplateFor(t.env.Store, t.kind)
	fyne.Do(func() {
		if err != nil {
			t.env.ShowError(err)
		}
		t.body.SetText(body)
	})
}

// onChanged checks the template as it is typed; Save stays off while it is broken.
func (t *templateEditor) onChanged(body string) {
	err := qqpost.Check(t.kind, body)
	if err == nil {
		t.problem.Importance = widget.SuccessImportance
		t.problem.SetText("√ 模板可以使用")
		t.saveBtn.Enable()
		return
	}
	t.problem.Importance = widget.DangerImportance
	t.problem.SetText(templateProblem(err))
	t.saveBtn.Disable()
}

// templateProblem is Check's Chinese explanation, never a raw Go error.
func templateProblem(err error) string {
	var te *qqpost.TemplateError
	if errors.As(err, &te) {
		return te.Message
	}
	return "模板有错,请对照右边的字段说明检查,或点「恢复默认」。"
}

func (t *templateEditor) fieldHelp() fyne.CanvasObject {
	var b strings.Builder
	for _, f := range qqpost.Fields(t.kind) {
		b.WriteString(f.Name + "\n    " + f.Description + "\n")
	}
	help := widget.NewLabel(b.String())
	help.Wrapping = fyne.TextWrapWord
	help.Selectable = true
	intro := widget.NewLabel("用 {{.字段}} 插入内容,{{range …}}…{{end}} 重复每一项,{{if …}}…{{end}} 有值才显示。")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(ui.Bold("可用字段"), intro), nil, nil, nil, container.NewVScroll(help))
}

func (t *templateEditor) show() {
	buttons := container.NewHBox(t.resetBtn, ui.LayoutSpacer(), t.cancelBtn, t.saveBtn)
	editor := container.NewBorder(nil, container.NewVBox(t.problem, buttons), nil, nil, t.body)
	split := container.NewHSplit(editor, t.fieldHelp())
	split.Offset = 0.62
	t.dlg = dialog.NewCustomWithoutButtons("编辑模板:"+postKindNames[t.kind], split, t.env.Win)
	t.dlg.Resize(fyne.NewSize(1000, 660))
	t.dlg.Show()
	ui.EscCloses(t.env.Win, t.dlg)
}

func (t *templateEditor) close() {
	if t.dlg != nil {
		t.dlg.Hide()
	}
}

func (t *templateEditor) onSave() {
	body := t.body.Text
	if err := qqpost.Check(t.kind, body); err != nil {
		t.onChanged(body)
		return
	}
	t.finish(func() error { return t.env.Store.SavePostTemplate(t.kind, body) })
}

func (t *templateEditor) onReset() {
	t.finish(func() error { return t.env.Store.ResetPostTemplate(t.kind) })
}

// finish runs the store change off the UI goroutine, then closes and rebuilds the post.
func (t *templateEditor) finish(work func() error) {
	t.env.Tasks.Run(func() {
		err := work()
		fyne.Do(func() {
			if err != nil {
				t.env.ShowError(err)
				return
			}
			t.close()
			if t.onSaved != nil {
				t.onSaved()
			}
		})
	})
}
