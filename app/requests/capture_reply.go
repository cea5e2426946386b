package requests

import (
	"fmt"
	"strings"

	qqpost "github.com/qunhuo/qunhuo/data/posts"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// The resource half of the quick capture: what fits the request as it is typed, and
// the reply made from the chosen one.

// onTextTyped finds the resources for what is typed and chooses the best.
func (c *Capture) onTextTyped() {
	if !c.loaded {
		return
	}
	c.matches = c.search.Find(c.Text.Text, matchRows)
	c.matchPick = -1
	c.MatchList.UnselectAll()
	c.MatchList.Refresh()
	if len(c.matches) > 0 {
		c.MatchList.ScrollToTop()
	}
	// Only a resource with every word is chosen by itself: Enter must not offer 王者荣耀
	// 皮肤 to someone who asked for 点券. Others are a click away.
	if len(c.matches) > 0 && c.matches[0].All {
		c.MatchList.Select(0)
	}
	c.buttonsFor()
	c.kit.Changed()
	c.renderReply()
}

func (c *Capture) updateMatchRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(c.matches) {
		return
	}
	r := c.search.Resource(c.matches[id])
	price := "免费"
	if r.PriceCents > 0 {
		price = "¥" + data.Yuan(r.PriceCents)
	}
	o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · 库存 %s", r.Name, price, r.StockText()))
}

func (c *Capture) onMatchPicked(id widget.ListItemID) {
	c.matchPick = id
	c.buttonsFor()
	c.renderReply()
}

// pickedResource is the resource chosen for the reply, or nil.
func (c *Capture) pickedResource() *data.Resource {
	if c.matchPick < 0 || c.matchPick >= len(c.matches) {
		return nil
	}
	return c.search.Resource(c.matches[c.matchPick])
}

// buttonsFor enables copying only with a resource to offer.
func (c *Capture) buttonsFor() {
	ui.Enable(c.CopyButton, c.pickedResource() != nil)
	c.LaterButton.Hidden = c.replying != nil
	c.LaterButton.Refresh()
}

// memberName is how the reply @s the member.
func (c *Capture) memberName() string {
	if m := c.pickedMember(); m != nil {
		return m.DisplayName(c.groupID())
	}
	if c.newQQ != "" {
		return data.MaskQQ(c.newQQ)
	}
	return "成员"
}

// renderReply shows the reply as it will be copied; the owner's template when it
// works, else the default.
func (c *Capture) renderReply() {
	r := c.pickedResource()
	if r == nil {
		c.Reply.SetText("")
		if c.loaded && strings.TrimSpace(c.Text.Text) != "" {
			c.Reply.SetText("没有在售的资源完全对得上：可以在上面点一个相近的，或点「没有货，记为无货」，到货时「今日」和「需求响应」里会提醒你通知TA。")
		}
		return
	}
	var g data.Group
	if c.group != nil {
		g = *c.group
	}
	rp := qqpost.BuildReply(g, c.memberName(), strings.TrimSpace(c.Text.Text), *r, c.env.Now(), c.env.Loc)
	text, err := qqpost.RenderReply(c.replyBody, rp, c.knownQQ)
	if err != nil {
		text, _ = qqpost.RenderReply(qqpost.Default(data.PostReply), rp, c.knownQQ)
	}
	c.Reply.SetText(text)
}
