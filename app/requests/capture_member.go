package requests

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/data"
)

// The member half of the quick capture: who asked, picked by QQ number, name, card or
// pinyin, or a QQ number nobody has yet.

func (c *Capture) memberCount() int {
	if c.newQQ != "" {
		return 1
	}
	return len(c.shown)
}

// onMemberTyped narrows the members to what is typed and chooses the first; a QQ
// number nobody has yet is offered as a new member.
func (c *Capture) onMemberTyped() {
	if !c.loaded {
		return
	}
	q := data.ParseQuery(c.Member.Text)
	c.shown, c.newQQ = c.shown[:0], ""
	if !q.Empty() {
		c.shown = data.FilterMembers(c.members, q, c.shown)
	}
	if len(c.shown) > memberRows {
		c.shown = c.shown[:memberRows]
	}
	typed := strings.TrimSpace(c.Member.Text)
	if len(c.shown) == 0 && data.CheckQQ("member", "QQ号", typed) == nil {
		c.newQQ = typed
	}
	c.pick = -1
	c.MemberList.UnselectAll()
	c.MemberList.Refresh()
	if c.memberCount() > 0 {
		c.MemberList.Select(0)
		c.MemberList.ScrollToTop()
	}
	c.kit.Changed()
	c.renderReply()
}

func (c *Capture) updateMemberRow(id widget.ListItemID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if c.newQQ != "" {
		l.SetText("新成员：QQ " + c.newQQ + "（记下时自动添加到成员）")
		return
	}
	if id >= len(c.shown) {
		return
	}
	m := &c.members[c.shown[id]]
	text := m.DisplayName(c.groupID())
	if m.Nickname != "" && m.Nickname != text {
		text += " · " + m.Nickname
	}
	l.SetText(text + " · " + m.QQ)
}

func (c *Capture) onMemberPicked(id widget.ListItemID) {
	c.pick = id
	c.kit.Changed()
	c.renderReply()
}

// onMemberSubmitted is Enter in the member field: on to what they asked.
func (c *Capture) onMemberSubmitted() {
	c.env.Win.Canvas().Focus(c.Text)
}

// pickedMember is the member chosen in the list, or nil.
func (c *Capture) pickedMember() *data.Member {
	if c.newQQ != "" || c.pick < 0 || c.pick >= len(c.shown) {
		return nil
	}
	return &c.members[c.shown[c.pick]]
}
