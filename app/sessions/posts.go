package sessions

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

func (s *Screen) onNotice()   { s.showCurrentPost(data.PostSessionNotice) }
func (s *Screen) onReminder() { s.showCurrentPost(data.PostSessionReminder) }
func (s *Screen) onRecap()    { s.showCurrentPost(data.PostSessionRecap) }

func (s *Screen) showCurrentPost(kind data.PostKind) {
	if x := s.current(); x != nil {
		s.showPost(x.ID, kind)
	}
}

// showPost builds post kind of session id off the UI goroutine (the session as saved,
// the amounts the owner set, the QQ numbers to mask) and shows it to copy; a copied post
// is kept in the post history.
func (s *Screen) showPost(id uint, kind data.PostKind) {
	e := s.env
	if s.Group == nil {
		return
	}
	g := *s.Group
	e.Tasks.Run(func() {
		x, err := e.Store.SessionByID(id)
		var pts qqpost.SessionAmounts
		if err == nil {
			pts.Attend, err = e.Store.PointAmount(points.Attend)
		}
		if err == nil {
			pts.Speak, err = e.Store.PointAmount(points.Speak)
		}
		var qqs []string
		if err == nil {
			qqs, err = e.Store.MemberQQs()
		}
		fyne.Do(func() {
			if err != nil {
				s.fail(err)
				return
			}
			built := qqpost.BuildSessionPost(kind, g, x, pts, e.Now(), e.Loc, qqs)
			s.post = ui.NewPostPreview(e, func(int) { e.RecordCopied(built) })
			s.post.SetParts(built.Parts)
			d := dialog.NewCustom(kind.Label(), "关闭", s.post.Content(), e.Win)
			d.Resize(fyne.NewSize(560, 520))
			d.Show()
			ui.EscCloses(e.Win, d)
		})
	})
}

// summaryForm keeps the notes after a session: the knowledge base shows and searches
// them, and the 回顾 post carries them.
type summaryForm struct {
	*ui.FormKit
	id      uint
	Summary *ui.Entry
	onSaved func()
}

func (s *Screen) onSummary() {
	x := s.current()
	if x == nil {
		return
	}
	f := &summaryForm{id: x.ID}
	f.FormKit = ui.NewFormKit(s.env, f.check, f.onSave)
	f.Summary = ui.NewMultiLineEntry()
	f.Summary.SetPlaceHolder("讲了哪些要点、有什么技巧，一行一条；会写进回顾帖，以后在知识库里能搜到")
	f.Summary.SetMinRowsVisible(8)
	f.Summary.SetText(x.Summary)
	f.WatchEntry("summary", f.Summary)
	topic := x.Topic
	f.onSaved = func() {
		s.changed("已保存「" + topic + "」的总结，可以复制回顾帖发到群里")
	}
	s.summary = f
	form := f.Form(ui.FormRow{Label: "总结", Key: "summary", Widget: f.Summary})
	f.FormKit.Show("分享会总结：「"+topic+"」", form, fyne.NewSize(640, 480))
	s.env.Win.Canvas().Focus(f.Summary)
}

func (f *summaryForm) check() error {
	if n := len([]rune(f.Summary.Text)); n > data.MaxSessionSummaryLen {
		return data.ValidationError{{Field: "summary", Message: "总结最多 " + ui.Itoa(data.MaxSessionSummaryLen) + " 个字，现在 " + ui.Itoa(n) + " 个字"}}
	}
	return nil
}

func (f *summaryForm) onSave() {
	id, text := f.id, f.Summary.Text
	f.Submit(func() error { return f.Env.Store.SetSessionSummary(id, text) }, f.onSaved)
}
