package requests

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// Recording the request: replied with the resource, 无货, or kept to answer later.

// onCopy copies the reply and records the request as 已回复 with the resource.
func (c *Capture) onCopy() {
	if err := c.check(); err != nil {
		c.kit.ShowProblems(err)
		return
	}
	r := c.pickedResource()
	if r == nil || c.Reply.Text == "" {
		c.Status.Importance = widget.WarningImportance
		c.Status.SetText("没有可以回复的资源：换个说法试试，或点「没有货，记为无货」。")
		c.Status.Refresh()
		return
	}
	c.env.App.Clipboard().SetContent(c.Reply.Text)
	resID := r.ID
	c.save(func(tx *data.Store, id uint) (data.Request, error) { return tx.ReplyRequest(id, resID) },
		"√ 回复已复制，到QQ群里粘贴即可；已记为已回复")
}

// onNoStock records the request as 无货: it goes on the demand board.
func (c *Capture) onNoStock() {
	c.save(func(tx *data.Store, id uint) (data.Request, error) { return tx.CloseRequest(id, data.RequestNoStock) },
		"√ 已记为无货，放进了「缺货需求」；到货时会提醒你通知")
}

// onLater records the request as 待回复; 今日 lists it until it is answered.
func (c *Capture) onLater() {
	c.save(nil, "√ 已记下，在「今日」和「需求响应」的待回复里")
}

// save records the request (or takes the one being replied to) and moves it with
// then, in one transaction; a member typed as a new QQ number is added first.
func (c *Capture) save(then func(tx *data.Store, id uint) (data.Request, error), done string) {
	if err := c.check(); err != nil {
		c.kit.ShowProblems(err)
		return
	}
	d := data.RequestDraft{Text: c.Text.Text, AskedAt: c.opened}
	if c.group != nil {
		gid := c.group.ID
		d.GroupID = &gid
	}
	if m := c.pickedMember(); m != nil {
		d.MemberID = m.ID
	}
	// The category of what was offered, or of the closest resource: 原神月卡 not on
	// sale still goes under 游戏类 on the board, by 原神 创世结晶.
	if r := c.pickedResource(); r != nil {
		cat := r.CategoryID
		d.CategoryID = &cat
	} else if len(c.matches) > 0 {
		cat := c.search.Resource(c.matches[0]).CategoryID
		d.CategoryID = &cat
	}
	newQQ, replying, gid := c.newQQ, c.replying, c.groupID()
	e := c.env
	e.Tasks.Run(func() {
		var saved data.Request
		err := e.Store.Transaction(func(tx *data.Store) error {
			id, err := c.requestID(tx, d, newQQ, replying, gid)
			if err != nil || then == nil {
				return err
			}
			saved, err = then(tx, id)
			return err
		})
		fyne.Do(func() { c.saved(err, saved, done) })
	})
}

// requestID is the request being replied to, or a new one recorded from d.
func (c *Capture) requestID(tx *data.Store, d data.RequestDraft, newQQ string, replying *data.Request, gid uint) (uint, error) {
	if replying != nil {
		return replying.ID, nil
	}
	if newQQ != "" {
		m := data.Member{QQ: newQQ}
		if gid != 0 {
			m.Memberships = []data.Membership{{GroupID: gid, Role: data.RoleMember}}
		}
		if err := tx.SaveMember(&m); err != nil {
			return 0, err
		}
		d.MemberID = m.ID
	}
	r, err := tx.CaptureRequest(d)
	return r.ID, err
}

func (c *Capture) saved(err error, r data.Request, done string) {
	if err != nil {
		var mv *data.RequestMoveError
		switch {
		case errors.As(err, &mv):
			c.Status.Importance = widget.WarningImportance
			c.Status.SetText("这条求助已经是「" + mv.From.Label() + "」了，不能再改成「" + mv.To.Label() + "」。")
			c.Status.Refresh()
		default:
			if _, ok := ui.IsValidation(err); ok {
				c.kit.ShowProblems(err)
			} else {
				c.env.ShowError(err)
			}
		}
		return
	}
	if r.RepliedAt != nil {
		done += "（用时 " + data.FormatWait(r.ReplyTime()) + "）"
	}
	c.Status.Importance = widget.SuccessImportance
	c.Status.SetText(done + "。按 Esc 关闭，或接着记下一条。")
	c.Status.Refresh()
	c.replying = nil
	c.Text.SetText("")
	c.Member.SetText("")
	c.opened = c.env.Now()
	c.load() // the catalog and members again: a new member, a resource saved meanwhile
	c.env.Win.Canvas().Focus(c.Member)
	if c.onSaved != nil {
		c.onSaved()
	}
}

func (c *Capture) close() {
	if c.dlg != nil {
		c.dlg.Hide()
	}
}
