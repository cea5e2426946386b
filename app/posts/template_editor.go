package posts

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

var postKindNames = map[data.PostKind]string{data.PostIndex: "资源索引表", data.PostNewStock: "上新公告",
	data.PostReply: "求助回复", data.PostRestock: "补货清单"}

// What the editor says about its two modes.
const (
	openedAdvanced = "这个模板在高级模式里改过，用了简单模式写不出来的写法，所以直接打开高级模式。点「恢复默认」可以回到简单模式。"
	staysAdvanced  = "高级模式里的写法简单模式写不出来，只能继续在高级模式里改；点「恢复默认」可以回到简单模式。"
	brokenAdvanced = "高级模式里的模板有错，改正后才能回到简单模式。"
	fixSimpleFirst = "简单模式里还有错，改正后才能切换到高级模式："
	onlyAdvanced   = "这种公告只有高级模式：照着下面「可用字段」里的说明改，改坏了点「恢复默认」。"
)

// templateEditor lets the owner change a post's template: in the owner's mode (简单模式)
// as parts with Chinese placeholders, or as the whole template in 高级模式. Both save
// the same stored template. It checks as the owner types, shows the post beside, and
// can always go back to the default.
type templateEditor struct {
	env         *ui.Env
	kind        data.PostKind
	onSaved     func()
	loadPreview func() (qqpost.Preview, error) // runs off the UI goroutine
	preview     qqpost.Preview
	quiet       bool // the editor is changing its own fields: no checks until it is done

	simple      *partsView // the owner's mode
	body        *ui.Entry  // 高级模式: the whole template
	advanced    *widget.Check
	modeNote    *widget.Label
	simpleBox   fyne.CanvasObject
	advancedBox fyne.CanvasObject

	previewText *widget.Label
	previewNote *widget.Label
	problem     *widget.Label
	saveBtn     *widget.Button
	resetBtn    *widget.Button
	cancelBtn   *widget.Button
	dlg         dialog.Dialog
}

// newTemplateEditor builds the editor of kind's template; show opens it and loads the
// template. loadPreview gives what the preview shows (the owner's catalog or a sample)
// and runs off the UI goroutine.
func newTemplateEditor(e *ui.Env, kind data.PostKind, loadPreview func() (qqpost.Preview, error), onSaved func()) *templateEditor {
	t := &templateEditor{env: e, kind: kind, onSaved: onSaved, loadPreview: loadPreview}
	t.preview = qqpost.SamplePreview(kind, nil)
	t.simple = newPartsView(kind, t.onChanged)
	t.body = ui.NewMultiLineEntry()
	t.body.Wrapping = fyne.TextWrapOff
	t.body.OnChanged = func(string) { t.onChanged() }
	t.advanced = widget.NewCheck("高级模式（直接改模板代码）", t.onAdvanced)
	t.modeNote = widget.NewLabel("")
	t.modeNote.Wrapping = fyne.TextWrapBreak
	t.modeNote.Importance = widget.WarningImportance
	t.previewText = widget.NewLabel("")
	t.previewText.Wrapping = fyne.TextWrapBreak
	t.previewText.Selectable = true
	t.previewNote = widget.NewLabel("")
	t.previewNote.Wrapping = fyne.TextWrapBreak
	t.previewNote.SizeName = theme.SizeNameCaptionText
	t.problem = widget.NewLabel("")
	t.problem.Wrapping = fyne.TextWrapBreak
	t.saveBtn = widget.NewButton("保存模板", t.onSave)
	t.saveBtn.Importance = widget.HighImportance
	t.resetBtn = widget.NewButton("恢复默认", t.onReset)
	t.cancelBtn = widget.NewButton("取消", t.close)
	return t
}

// load reads the stored template and what the preview shows, then opens the template
// in the owner's mode when it can be shown there.
func (t *templateEditor) load() {
	body, err := qqpost.TemplateFor(t.env.Store, t.kind)
	preview, err2 := qqpost.SamplePreview(t.kind, nil), error(nil)
	if t.loadPreview != nil {
		preview, err2 = t.loadPreview()
	}
	parts, partsErr := qqpost.PartsOf(t.kind, body)
	fyne.Do(func() {
		if err = errors.Join(err, err2); err != nil {
			t.env.ShowError(err)
		}
		if err2 == nil {
			t.preview = preview
		}
		t.previewNote.SetText(t.preview.Note)
		t.quiet = true
		t.body.SetText(body)
		if partsErr == nil {
			t.simple.setParts(parts)
		}
		t.advanced.SetChecked(partsErr != nil)
		t.quiet = false
		t.modeNote.SetText("")
		if partsErr != nil {
			t.modeNote.SetText(openedAdvanced)
		}
		if qqpost.PartSpecs(t.kind) == nil { // 补货清单: a list for suppliers, written in full
			t.modeNote.SetText(onlyAdvanced)
			t.advanced.Disable()
		}
		t.showMode()
		t.onChanged()
	})
}

// showMode shows the owner's parts or the whole template, as the switch says.
func (t *templateEditor) showMode() {
	if t.simpleBox == nil {
		return
	}
	if t.advanced.Checked {
		t.simpleBox.Hide()
		t.advancedBox.Show()
		return
	}
	t.advancedBox.Hide()
	t.simpleBox.Show()
}

// onAdvanced switches between the modes, carrying the template across; a template
// the owner's mode cannot show stays in 高级模式 and the note says why.
func (t *templateEditor) onAdvanced(on bool) {
	if t.quiet {
		return
	}
	t.modeNote.SetText("")
	if on {
		body, err := t.simple.parts().Template()
		if err != nil {
			t.setAdvanced(false)
			t.showProblem(fixSimpleFirst + err.Error())
			return
		}
		t.quiet = true
		t.body.SetText(body)
		t.quiet = false
	} else {
		parts, err := qqpost.PartsOf(t.kind, t.body.Text)
		if err != nil {
			t.setAdvanced(true)
			t.modeNote.SetText(staysAdvanced)
			if qqpost.Check(t.kind, t.body.Text) != nil {
				t.modeNote.SetText(brokenAdvanced)
			}
			return
		}
		t.simple.setParts(parts)
	}
	t.showMode()
	t.onChanged()
}

func (t *templateEditor) setAdvanced(on bool) {
	t.quiet = true
	t.advanced.SetChecked(on)
	t.quiet = false
}

// template is the template as the current mode has it, checked.
func (t *templateEditor) template() (string, error) {
	if !t.advanced.Checked {
		return t.simple.parts().Template()
	}
	body := t.body.Text
	return body, qqpost.Check(t.kind, body)
}

// onChanged checks the template as it is typed and shows the post it makes; Save stays
// off while it is broken, and the preview keeps the last good post.
func (t *templateEditor) onChanged() {
	if t.quiet {
		return
	}
	t.simple.syncSwitches()
	body, err := t.template()
	if err == nil {
		var text string
		text, err = t.preview.Render(body)
		if err == nil {
			t.previewText.SetText(text)
		}
	}
	if err != nil {
		t.showProblem(t.problemText(err))
		return
	}
	t.problem.Importance = widget.SuccessImportance
	t.problem.SetText("√ 模板可以使用，右边就是发出去的样子。")
	t.saveBtn.Enable()
}

func (t *templateEditor) showProblem(text string) {
	t.problem.Importance = widget.DangerImportance
	t.problem.SetText(text)
	t.saveBtn.Disable()
}

// problemText says what is wrong in the owner's words; the owner's mode never shows
// template syntax, not even in a message.
func (t *templateEditor) problemText(err error) string {
	var pe *qqpost.PartError
	if errors.As(err, &pe) {
		return pe.Message
	}
	var te *qqpost.TemplateError
	if errors.As(err, &te) && (t.advanced.Checked || !strings.Contains(te.Message, "{{")) {
		return te.Message
	}
	if t.advanced.Checked {
		return "模板有错，请对照下面的字段说明检查，或点「恢复默认」。"
	}
	return "模板有错，请检查各部分的写法，或点「恢复默认」。"
}

func (t *templateEditor) fieldHelp() fyne.CanvasObject {
	var b strings.Builder
	for _, f := range qqpost.Fields(t.kind) {
		b.WriteString(f.Name + "\n    " + f.Description + "\n")
	}
	help := widget.NewLabel(b.String())
	help.Wrapping = fyne.TextWrapBreak
	help.Selectable = true
	intro := widget.NewLabel("用 {{.字段}} 插入内容，{{range …}}…{{end}} 重复每一项，{{if …}}…{{end}} 有值才显示。")
	intro.Wrapping = fyne.TextWrapBreak
	return container.NewBorder(container.NewVBox(ui.Bold("可用字段"), intro), nil, nil, nil, container.NewVScroll(help))
}

func (t *templateEditor) show() {
	t.simpleBox = t.simple.content()
	advanced := container.NewVSplit(t.body, t.fieldHelp())
	advanced.Offset = 0.6
	t.advancedBox = advanced
	t.showMode()
	title := ui.Bold("预览")
	previewBox := container.NewBorder(container.NewVBox(title, t.previewNote), nil, nil, nil,
		container.NewVScroll(t.previewText))
	split := container.NewHSplit(container.NewStack(t.simpleBox, t.advancedBox), previewBox)
	split.Offset = 0.6
	top := container.NewBorder(nil, nil, t.advanced, nil, t.modeNote)
	buttons := container.NewHBox(t.resetBtn, ui.LayoutSpacer(), t.cancelBtn, t.saveBtn)
	body := container.NewBorder(top, container.NewVBox(t.problem, buttons), nil, nil, split)
	t.dlg = dialog.NewCustomWithoutButtons("编辑模板："+postKindNames[t.kind], body, t.env.Win)
	size := t.env.Win.Canvas().Size()
	t.dlg.Resize(fyne.NewSize(min(1180, size.Width-40), min(740, size.Height-40)))
	t.dlg.Show()
	ui.EscCloses(t.env.Win, t.dlg)
	t.env.Tasks.Run(t.load)
}

func (t *templateEditor) close() {
	if t.dlg != nil {
		t.dlg.Hide()
	}
}

func (t *templateEditor) onSave() {
	body, err := t.template()
	if err != nil {
		t.showProblem(t.problemText(err))
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

// EditTemplate opens the template editor of kind for group g (nil: none chosen yet),
// previewing with the owner's own catalog: from 设置, away from any post.
func EditTemplate(e *ui.Env, kind data.PostKind, g *data.Group) {
	var group *data.Group
	if g != nil {
		copied := *g
		group = &copied
	}
	preview := func() (qqpost.Preview, error) {
		switch kind {
		case data.PostIndex:
			return qqpost.IndexPreview(e.Store, group, e.Now(), e.Loc)
		case data.PostNewStock:
			return qqpost.NewStockPreview(e.Store, group, nil, e.Now(), e.Loc)
		}
		return qqpost.SamplePreview(kind, group), nil
	}
	newTemplateEditor(e, kind, preview, nil).show()
}
