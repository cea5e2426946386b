package data

import (
	"gorm.io/gorm"
)

// redemptionsToGiveLine is 今日's line of the redemptions waiting to be handed out
// (待发放) in group groupID (and those of items for every group; 0: all), oldest
// first: Names are 「小明 兑换「热心群友」（30 分）」, IDs the redemptions'.
func redemptionsToGiveLine(tx *gorm.DB, groupID uint) (AgendaLine, error) {
	var l AgendaLine
	q := tx.Model(&Redemption{}).Where("state = ?", RedemptionPending)
	if groupID != 0 {
		q = q.Where("group_id = ? OR group_id IS NULL", groupID)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return l, err
	}
	l.Count = int(n)
	if n == 0 {
		return l, nil
	}
	var rs []Redemption
	if err := q.Order("created_at, id").Limit(AgendaLineLength).Find(&rs).Error; err != nil {
		return l, err
	}
	if err := attachRedemptions(tx, rs); err != nil {
		return l, err
	}
	for i := range rs {
		l.Names = append(l.Names, redemptionLine(&rs[i], groupID))
		l.IDs = append(l.IDs, rs[i].ID)
	}
	return l, nil
}
