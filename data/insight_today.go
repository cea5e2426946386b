package data

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data/insight"
	"gorm.io/gorm"
)

// AgendaInsight is 今日's line of the interaction rate: this week's against last
// week's, and the silent members to win back (insight_today.go).
type AgendaInsight struct {
	HasChat        bool // the group has imported chat; without it there is no rate
	This, Last     float64
	ThisOK, LastOK bool       // the week had members to divide by
	Silent         AgendaLine // Names are "小刚（55 天）" or "小美（没说过话）"; no IDs
	SilentDays     int
}

// agendaInsight reads only the last three weeks (enough to see 14 days of silence)
// and the seats, not the dashboard's twelve; what it read of the chat is kept like
// LoadInsight's, so 今日 reads the chat once per import and week.
func agendaInsight(s *Store, tx *gorm.DB, groupID uint, now time.Time) (AgendaInsight, error) {
	var a AgendaInsight
	if groupID == 0 {
		return a, nil
	}
	rules, err := insightRules(tx)
	if err != nil {
		return a, err
	}
	weeks := 3
	if need := rules.SilentDays/7 + 2; need > weeks {
		weeks = need
	}
	in := insight.Input{Weeks: insight.LastWeeks(now, weeks), Now: now}
	if in.Members, err = insightMembers(tx, groupID); err != nil {
		return a, err
	}
	c, err := newChatScope(tx, groupID)
	if err != nil {
		return a, err
	}
	key := "agenda|" + chatCacheKey(s, c, in, rules)
	hit, ok := insightCache.get(key)
	if !ok {
		if hit.n, err = chatCount(c.q(tx)); err != nil {
			return a, fmt.Errorf("insight agenda: %w", err)
		}
		recent, err := chatCount(c.q(tx).Where("m.at >= ?", in.Weeks[0].Start.UTC()))
		if err != nil {
			return a, fmt.Errorf("insight agenda: %w", err)
		}
		if recent > 0 {
			if hit.counts, err = senderCounts(tx, c, in.Weeks); err != nil {
				return a, err
			}
		}
		insightCache.put(key, hit)
	}
	a.HasChat, in.Counts = hit.n > 0, hit.counts
	rep := insight.Compute(in, rules)
	this, last := rep.This(), rep.Last()
	a.This, a.ThisOK = this.Rate, this.Members > 0
	a.Last, a.LastOK = last.Rate, last.Members > 0
	a.SilentDays = rules.SilentDays
	a.Silent.Count = len(rep.Silent)
	for _, m := range rep.Silent {
		if len(a.Silent.Names) == AgendaLineLength {
			break
		}
		name := m.Name
		if name == "" {
			name = MaskQQ(m.QQ)
		}
		if m.LastSeen != nil {
			name += fmt.Sprintf("（%d 天）", m.Days)
		} else {
			name += "（没说过话）"
		}
		a.Silent.Names = append(a.Silent.Names, name)
	}
	return a, nil
}

// chatCount is 1 when q finds a message and 0 when not, reading at most one.
func chatCount(q *gorm.DB) (int64, error) {
	var ids []uint
	err := q.Limit(1).Pluck("m.id", &ids).Error
	return int64(len(ids)), err
}
