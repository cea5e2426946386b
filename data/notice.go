package data

import "time"

// NoticeWay is how a member was told about a resource.
type NoticeWay string

// The ways the match list tells members.
const (
	NoticeGroupPost NoticeWay = "group_post" // 群公告点名
	NoticePrivate   NoticeWay = "private"    // 私聊
	NoticeAt        NoticeWay = "at"         // @提醒
)

// Notice records that a member was told about a resource, so the match list can mark
// those already told in the last days and nobody is pushed the same thing twice.
type Notice struct {
	ID         uint      `gorm:"primaryKey"`
	MemberID   uint      `gorm:"not null;index:idx_notice"`
	ResourceID uint      `gorm:"not null;index:idx_notice"`
	Way        NoticeWay `gorm:"size:16;not null"`
	At         time.Time `gorm:"not null"`
}

// TagDecision is the owner's answer to a suggested tag.
type TagDecision struct {
	ID       uint    `gorm:"primaryKey"`
	MemberID uint    `gorm:"not null;uniqueIndex:idx_tag_decision"`
	Kind     TagKind `gorm:"size:16;not null;uniqueIndex:idx_tag_decision"`
	Value    string  `gorm:"size:30;not null;uniqueIndex:idx_tag_decision"`
	Decision string  `gorm:"size:16;not null"` // "accepted" or "dismissed"
	At       time.Time
}
