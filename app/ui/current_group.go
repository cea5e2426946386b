package ui

import "github.com/qunhuo/qunhuo/data"

// CurrentGroup is what a screen that follows the shell's current group embeds: SetGroup
// for the shell to call, and the group and its ID for the screen (0 before there is
// one). The shell reloads the screen when it is shown.
type CurrentGroup struct {
	Group *data.Group
}

// SetGroup follows the current group.
func (c *CurrentGroup) SetGroup(g *data.Group) { c.Group = g }

// GroupID is the current group's ID, or 0 when there is none.
func (c *CurrentGroup) GroupID() uint {
	if c.Group == nil {
		return 0
	}
	return c.Group.ID
}
