package settings

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/wording"
)

// synonyms is the search's words that mean the same (需求响应): the app's own, shown
// for reference, and the owner's pairs, added and removed here.
type synonyms struct {
	env     *ui.Env
	own     []data.Synonym
	Word    *ui.Entry
	Means   *ui.Entry
	Add     *widget.Button
	Problem *widget.Label   // what is wrong with the pair, naming the field
	list    *fyne.Container // a row per pair of the owner's
	empty   *widget.Label
	done    *widget.Label
}

func newSynonyms(e *ui.Env) *synonyms {
	s := &synonyms{env: e}
	s.Word = ui.NewEntry()
	s.Word.SetPlaceHolder("成员的说法，如 绿砖")
	s.Word.OnSubmitted = func(string) { s.onAdd() }
	s.Means = ui.NewEntry()
	s.Means.SetPlaceHolder("等于的词，如 绿钻")
	s.Means.OnSubmitted = func(string) { s.onAdd() }
	s.Add = widget.NewButtonWithIcon("加上", theme.ContentAddIcon(), s.onAdd)
	s.Problem = widget.NewLabel("")
	s.Problem.Importance = widget.DangerImportance
	s.Problem.Wrapping = fyne.TextWrapBreak
	s.list = container.NewVBox()
	s.empty = widget.NewLabel("还没有你自己加的同义词。成员常用的说法搜不到时，在上面加一对，比如 绿砖 = 绿钻。")
	s.empty.Wrapping = fyne.TextWrapBreak
	s.done = widget.NewLabel("")
	s.done.Importance = widget.SuccessImportance
	return s
}

func (s *synonyms) title() string { return "同义词（记下求助时找资源用）" }

func (s *synonyms) content() fyne.CanvasObject {
	var groups []string
	for _, row := range wording.DefaultSynonyms {
		groups = append(groups, strings.Join(row, " = "))
	}
	builtin := widget.NewLabel("已经认识的说法：" + strings.Join(groups, "；") + "。")
	builtin.Wrapping = fyne.TextWrapBreak
	builtin.SizeName = theme.SizeNameCaptionText
	pair := container.NewBorder(nil, nil, nil, container.NewHBox(s.Add, s.done),
		container.NewGridWithColumns(2, s.Word, s.Means))
	return container.NewVBox(builtin, pair, s.Problem, s.empty, s.list)
}

func (s *synonyms) refresh() {
	e := s.env
	e.Tasks.Run(func() {
		own, err := e.Store.Synonyms()
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			s.own = own
			s.show()
		})
	})
}

func (s *synonyms) show() {
	s.list.RemoveAll()
	s.empty.Hidden = len(s.own) > 0
	s.empty.Refresh()
	for _, sy := range s.own {
		del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { s.onDelete(sy) })
		del.Importance = widget.LowImportance
		s.list.Add(container.NewHBox(widget.NewLabel(sy.Word+" = "+sy.Means), del))
	}
}

// onAdd keeps the pair; the store refuses it naming the field (empty, too long, the
// same word twice, a pair already kept).
func (s *synonyms) onAdd() {
	word, means := s.Word.Text, s.Means.Text
	e := s.env
	e.Tasks.Run(func() {
		added, err := e.Store.AddSynonym(word, means)
		fyne.Do(func() {
			if ve, ok := ui.IsValidation(err); ok {
				s.done.SetText("")
				s.Problem.SetText(strings.Join(ui.MessagesOf(ve), "；"))
				return
			}
			if err != nil {
				e.ShowError(err)
				return
			}
			s.Problem.SetText("")
			s.done.SetText("√ 已加上：" + added.Word + " = " + added.Means)
			s.Word.SetText("")
			s.Means.SetText("")
			s.refresh()
		})
	})
}

func (s *synonyms) onDelete(sy data.Synonym) {
	e := s.env
	e.Tasks.Run(func() {
		err := e.Store.DeleteSynonym(sy.ID)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			s.done.SetText("已删除：" + sy.Word + " = " + sy.Means)
			s.refresh()
		})
	})
}
