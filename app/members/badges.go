package members

import (
	"fmt"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/app/ui"
	"github.com/qunhuo/qunhuo/data"
)

// The badges (身份标识) members hold now, read with the list in one query: the list
// shows them after the nickname, the detail in a line of their own.

// nameWithBadges is the nickname with the member's badges after it: 小明〔热心群友〕.
func (s *Screen) nameWithBadges(m *data.Member) string {
	if names := data.BadgeNames(s.badges[m.ID]); names != "" {
		return m.Nickname + "〔" + names + "〕"
	}
	return m.Nickname
}

// badgeField is the detail's 身份标识 line, each badge with its end when it has one;
// none when the member holds no badge.
func (s *Screen) badgeField(m *data.Member) []ui.Field {
	bs := s.badges[m.ID]
	if len(bs) == 0 {
		return nil
	}
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = badgeText(b, s.env.Loc)
	}
	return []ui.Field{{Label: "身份标识", Value: strings.Join(parts, "、")}}
}

func badgeText(b data.MemberBadge, loc *time.Location) string {
	t := b.Name
	if b.ExpiresAt != nil {
		last := b.ExpiresAt.In(loc).Add(-time.Second)
		t += fmt.Sprintf("（到 %d月%d日）", last.Month(), last.Day())
	}
	return t
}
