package data

import (
	"time"

	"github.com/qunhuo/qunhuo/data/match"
	"gorm.io/gorm"
)

// markPriorities sets Priority on the members holding 优先获取 at now (the month's
// 资源达人), so match.Members lists them first.
func markPriorities(tx *gorm.DB, ms []match.Member, now time.Time) error {
	var ids []uint
	err := tx.Model(&MemberPrivilege{}).Distinct("member_id").
		Where("kind = ? AND revoked_at IS NULL AND expires_at > ?", PrivilegePriority, now).Pluck("member_id", &ids).Error
	if err != nil || len(ids) == 0 {
		return err
	}
	holds := make(map[uint]bool, len(ids))
	for _, id := range ids {
		holds[id] = true
	}
	for i := range ms {
		if holds[ms[i].ID] {
			ms[i].Priority = 1
		}
	}
	return nil
}

// PriorityUntil is when member id's 优先获取 ends, ok=false when TA holds none at now.
func (s *Store) PriorityUntil(id uint) (time.Time, bool, error) {
	ps, err := s.ActivePriorities()
	if err != nil {
		return time.Time{}, false, err
	}
	t, ok := ps[id]
	return t, ok, nil
}
