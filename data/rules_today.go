package data

import (
	"time"

	"gorm.io/gorm"
)

// AgendaRules is what 今日 knows of a group's 群规: its newest version, and whether a
// 群规公告 was copied since it was saved. Rules changed and not posted are rules the
// members do not know.
type AgendaRules struct {
	Number   int       // the newest version's number; 0 when the group has no rules
	SavedAt  time.Time // when it was saved, UTC
	Unposted bool      // no 群规公告 of the group was copied since
}

// rulesAgenda reads the group's newest version of the rules and looks for a 群规公告
// recorded since it was saved (the post is always made from the newest version).
func rulesAgenda(tx *gorm.DB, groupID uint) (AgendaRules, error) {
	var a AgendaRules
	if groupID == 0 {
		return a, nil
	}
	var vs []RuleVersion
	if err := tx.Where("group_id = ?", groupID).Order("id DESC").Limit(1).Find(&vs).Error; err != nil || len(vs) == 0 {
		return a, err
	}
	var n int64
	if err := tx.Model(&RuleVersion{}).Where("group_id = ?", groupID).Count(&n).Error; err != nil {
		return a, err
	}
	a.Number, a.SavedAt = int(n), vs[0].CreatedAt
	var posted int64
	err := tx.Model(&Post{}).Where("group_id = ? AND kind = ? AND created_at >= ?", groupID, PostRules, vs[0].CreatedAt).
		Count(&posted).Error
	a.Unposted = posted == 0
	return a, err
}
