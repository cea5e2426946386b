package settings

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data/insight"
)

// requestWords is 互动率's asking words: the ones known, and the owner's own that
// mark a chat message as a request (求助) too.
type requestWords struct {
	env     *ui.Env
	Words   *ui.Entry
	Save    *widget.Button
	Problem *widget.Label
	done    *widget.Label
}

func newRequestWords(e *ui.Env) *requestWords {
	r := &requestWords{env: e, Words: ui.NewEntry(), Problem: widget.NewLabel(""), done: widget.NewLabel("")}
	r.Words.SetPlaceHolder("你群里的说法，用空格或顿号隔开，如 蹲一个、跪求")
	r.Words.OnSubmitted = func(string) { r.onSave() }
	r.Save = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), r.onSave)
	r.Problem.Importance = widget.DangerImportance
	r.Problem.Wrapping = fyne.TextWrapBreak
	r.done.Importance = widget.SuccessImportance
	return r
}

func (r *requestWords) title() string { return "求助用词（互动率统计求助和回复用）" }

func (r *requestWords) content() fyne.CanvasObject {
	known := widget.NewLabel("已经认识的：以「" + strings.Join(insight.DefaultRequestStarts, "」「") + "」开头，或含有「" +
		strings.Join(insight.DefaultRequestPhrases, "」「") + "」的消息。")
	known.Wrapping = fyne.TextWrapBreak
	known.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(known, container.NewBorder(nil, nil, nil, container.NewHBox(r.Save, r.done), r.Words), r.Problem)
}

func (r *requestWords) refresh() {
	e := r.env
	e.Tasks.Run(func() {
		ws, err := e.Store.InsightRequestWords()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			r.Words.SetText(strings.Join(ws, "、"))
		})
	})
}

// splitWords reads the words as typed: separated by spaces, 、，, or commas.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return unicode.IsSpace(c) || strings.ContainsRune("、，,；;", c) })
}

func (r *requestWords) onSave() {
	e, words := r.env, splitWords(r.Words.Text)
	r.Problem.SetText("")
	r.done.SetText("")
	e.Tasks.Run(func() {
		err := e.Store.SetInsightRequestWords(words)
		fyne.Do(func() {
			if ve, ok := ui.IsValidation(err); ok {
				r.Problem.SetText(strings.Join(ui.MessagesOf(ve), "；"))
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			r.done.SetText("√ 已保存")
		})
	})
}
