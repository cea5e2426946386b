package sessions

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/points"
)

// awardPlan is what pressing 「发积分」 would do for a session: the amounts, and who is
// still to be paid and who already was.
type awardPlan struct {
	session       data.ShareSession
	attend, speak int64
	paid          map[uint]data.PointEntry
}

// text says the amounts and names who gets what, and who already has theirs.
func (p awardPlan) text() string {
	x, gid := p.session, deref(p.session.GroupID)
	var b strings.Builder
	fmt.Fprintf(&b, "主讲人 %s：主讲分享会 +%d 分", x.SpeakerName(), p.speak)
	if _, ok := p.paid[x.SpeakerID]; ok {
		b.WriteString("（已发过）")
	}
	var todo, done []string
	for _, a := range x.Attendees {
		if a.MemberID == x.SpeakerID || a.Member == nil {
			continue
		}
		if _, ok := p.paid[a.MemberID]; ok {
			done = append(done, a.Member.DisplayName(gid))
		} else {
			todo = append(todo, a.Member.DisplayName(gid))
		}
	}
	fmt.Fprintf(&b, "\n参加者每人：参加分享会 +%d 分", p.attend)
	switch {
	case len(todo)+len(done) == 0:
		b.WriteString("\n还没有记录参加的成员；只给主讲人发。参加者可以稍后记上，再点一次只给新记上的发。")
	case len(todo) > 0:
		fmt.Fprintf(&b, "\n这次发给以下 %d 人：\n%s", len(todo), joinNames(todo, 30))
	}
	if len(done) > 0 {
		fmt.Fprintf(&b, "\n已经发过的 %d 人不会重复发：\n%s", len(done), joinNames(done, 30))
	}
	b.WriteString("\n金额可以在「设置」里按原因修改。")
	return b.String()
}

// due reports whether anyone is still to be paid.
func (p awardPlan) due() bool {
	if _, ok := p.paid[p.session.SpeakerID]; !ok {
		return true
	}
	for _, a := range p.session.Attendees {
		if _, ok := p.paid[a.MemberID]; !ok && a.MemberID != p.session.SpeakerID {
			return true
		}
	}
	return false
}

func (s *Screen) onAward() {
	x := s.current()
	if x == nil {
		return
	}
	e, id := s.env, x.ID
	e.Tasks.Run(func() {
		p := awardPlan{}
		var err error
		p.session, err = e.Store.SessionByID(id)
		if err == nil {
			p.attend, err = e.Store.PointAmount(points.Attend)
		}
		if err == nil {
			p.speak, err = e.Store.PointAmount(points.Speak)
		}
		if err == nil {
			p.paid, err = e.Store.SessionPaid(id)
		}
		fyne.Do(func() {
			if err != nil {
				s.fail(err)
				return
			}
			s.lastPlan = p.text()
			if !p.due() {
				ui.ShowMessage(e.Win, "积分都发过了", p.text())
				return
			}
			ui.Confirm(e.Win, "给主讲人和参加者发积分", p.text(), "发积分", func() { s.award(id) })
		})
	})
}

// award pays the session's speaker and attendees in one step.
func (s *Screen) award(id uint) {
	e := s.env
	e.Tasks.Run(func() {
		got, err := e.Store.AwardSession(id)
		fyne.Do(func() {
			if err != nil {
				s.fail(err)
				return
			}
			var total int64
			for _, en := range got.Paid {
				total += en.Amount
			}
			text := fmt.Sprintf("已给 %d 人发积分，共 %d 分", len(got.Paid), total)
			if got.Already > 0 {
				text += fmt.Sprintf("；%d 人之前已经发过，没有重复发", got.Already)
			}
			s.changed(text)
		})
	})
}

// fail says why an action on a session did not happen: a refusal in the notice, a
// session moved meanwhile as such, anything else in a dialog.
func (s *Screen) fail(err error) {
	if ve, ok := ui.IsValidation(err); ok {
		s.notice.Show(strings.Join(ui.MessagesOf(ve), "；"))
		s.Refresh()
		return
	}
	if errors.Is(err, data.ErrSessionMoved) {
		s.notice.Show("这场分享会刚刚被改过或删除了，列表已刷新。")
		s.Refresh()
		return
	}
	s.env.ShowError(err)
}
