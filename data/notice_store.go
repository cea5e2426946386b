package data

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"
)

// settingNoticeDays keeps how many days a member told about a resource is not told
// about it again.
const settingNoticeDays = "notice_days"

// DefaultNoticeDays is the notice window until the owner chooses another.
const DefaultNoticeDays = 7

// MaxNoticeDays is the longest notice window an owner may set.
const MaxNoticeDays = 90

// Label is the way in the owner's words.
func (w NoticeWay) Label() string {
	switch w {
	case NoticeGroupPost:
		return "群公告点名"
	case NoticePrivate:
		return "私聊"
	case NoticeAt:
		return "@提醒"
	}
	return string(w)
}

// NoticeDays is how many days the match list marks members already told about a
// resource, so nobody is pushed the same thing twice: DefaultNoticeDays until set.
func (s *Store) NoticeDays() (int, error) { return noticeDays(s.db) }

func noticeDays(db *gorm.DB) (int, error) {
	v, ok, err := getSetting(db, settingNoticeDays)
	if err != nil || !ok {
		return DefaultNoticeDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return DefaultNoticeDays, fmt.Errorf("setting %s = %q: %w", settingNoticeDays, v, err)
	}
	return n, nil
}

// SetNoticeDays sets the notice window; one outside 1 to MaxNoticeDays is refused at
// the field notice_days.
func (s *Store) SetNoticeDays(n int) error {
	if n < 1 || n > MaxNoticeDays {
		return ValidationError{{Field: "notice_days",
			Message: fmt.Sprintf("不重复提醒的天数须在 1 到 %d 之间，请重新填写", MaxNoticeDays)}}
	}
	return setSetting(s.db, settingNoticeDays, strconv.Itoa(n))
}

// RecordNotices notes that members were told about a resource now, one row each, in
// one transaction.
func (s *Store) RecordNotices(resourceID uint, memberIDs []uint, way NoticeWay) error {
	if len(memberIDs) == 0 {
		return nil
	}
	now := s.Now()
	rows := make([]Notice, len(memberIDs))
	for i, id := range memberIDs {
		rows[i] = Notice{MemberID: id, ResourceID: resourceID, Way: way, At: now}
	}
	if err := s.db.CreateInBatches(&rows, bulkChunk).Error; err != nil {
		return fmt.Errorf("record notices: %w", err)
	}
	return nil
}

// NoticesSince lists who was told about a resource at or after since, newest first.
func (s *Store) NoticesSince(resourceID uint, since time.Time) ([]Notice, error) {
	var ns []Notice
	err := s.db.Where("resource_id = ? AND at >= ?", resourceID, since.UTC()).Order("at DESC, id DESC").Find(&ns).Error
	if err != nil {
		return nil, fmt.Errorf("list notices: %w", err)
	}
	return ns, nil
}

// lastNotices keeps each member's newest notice of ns (newest first).
func lastNotices(ns []Notice) map[uint]Notice {
	last := make(map[uint]Notice, len(ns))
	for _, n := range slices.Backward(ns) {
		last[n.MemberID] = n
	}
	return last
}
