package talent

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/qunhuo/qunhuo/app/ui"
	qqpost "github.com/qunhuo/qunhuo/data/posts"
)

// onConfirm asks, naming the winner and what TA gets, then confirms the month.
func (s *Screen) onConfirm() {
	w := s.winner()
	weights, ok := s.weights.current()
	if w == nil || !ok || s.Group == nil {
		return
	}
	e, gid, m, id, name := s.env, s.GroupID(), s.month, w.Member, w.Name
	text := fmt.Sprintf("确认「%s」为%s的资源达人？\nTA的贡献：%s，共 %d 分。\n\n"+
		"TA将获得「资源达人」身份标识和「优先获取」（匹配新资源时排在最前），有效期到%s。\n"+
		"确认后这个月不能再改，本次的权重也会保存为常用权重。", name, m.Label(), w.Contributions(), w.Score, expiryText(m, e.Loc))
	ui.Confirm(e.Win, "确认本月资源达人", text, "确认", func() {
		e.Tasks.Run(func() {
			_, err := e.Store.ConfirmTalent(gid, m, id, weights, e.Loc)
			fyne.Do(func() {
				if err != nil {
					e.ShowError(err)
				} else {
					s.notice.Show(fmt.Sprintf("已确认%s的资源达人：%s。复制公告发到群里吧。", m.Label(), name))
					s.weights.edited = false
				}
				s.Refresh()
			})
		})
	})
}

// onPost shows the confirmed month's announcement, ready to copy.
func (s *Screen) onPost() {
	c := s.proposal.Confirmed
	if c == nil || s.Group == nil {
		return
	}
	e, g, row := s.env, *s.Group, *c
	e.Tasks.Run(func() {
		built, err := qqpost.BuildTalentPost(e.Store, g, row)
		fyne.Do(func() {
			if err != nil {
				e.ShowError(err)
				return
			}
			s.post = ui.NewPostPreview(e, func(int) { e.RecordCopied(built) })
			s.post.SetParts(built.Parts)
			d := dialog.NewCustom("资源达人公告", "关闭", s.post.Content(), e.Win)
			d.Resize(fyne.NewSize(560, 520))
			d.Show()
			ui.EscCloses(e.Win, d)
		})
	})
}
