package data

import "time"

// MemberBadge is a badge or title (身份标识) a member holds, such as 热心群友 or 资源达人:
// from a redemption, the owner's award or the month's 资源达人, optionally until
// ExpiresAt. A badge taken away keeps its row with RevokedAt.
type MemberBadge struct {
	ID         uint        `gorm:"primaryKey"`
	MemberID   uint        `gorm:"not null"`
	Name       string      `gorm:"size:30;not null"`
	Source     BadgeSource `gorm:"size:16;not null"`
	SourceID   *uint       // the redemption or 资源达人 month it came from
	Note       string      `gorm:"size:200;not null;default:''"`
	GrantedAt  time.Time   `gorm:"not null"`
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
	RevokeNote string `gorm:"size:200;not null;default:''"` // why it was taken away (step 0012)
}

// BadgeSource says where a badge or privilege came from.
type BadgeSource string

// The sources of badges and privileges.
const (
	BadgeFromAward  BadgeSource = "award"  // 群主授予
	BadgeFromRedeem BadgeSource = "redeem" // 积分兑换
	BadgeFromTalent BadgeSource = "talent" // 月度资源达人
)

var badgeSourceLabels = map[BadgeSource]string{BadgeFromAward: "群主授予", BadgeFromRedeem: "积分兑换",
	BadgeFromTalent: "月度资源达人"}

// Label is the source in the owner's words.
func (s BadgeSource) Label() string { return badgeSourceLabels[s] }

// Active reports whether the badge counts at now: not taken away and not expired.
func (b *MemberBadge) Active(now time.Time) bool {
	return b.RevokedAt == nil && (b.ExpiresAt == nil || now.Before(*b.ExpiresAt))
}

// MemberPrivilege is a privilege a member holds until ExpiresAt, such as 优先获取
// (PrivilegePriority: listed first when a new resource is matched to members).
type MemberPrivilege struct {
	ID        uint        `gorm:"primaryKey"`
	MemberID  uint        `gorm:"not null"`
	Kind      string      `gorm:"size:16;not null"`
	Source    BadgeSource `gorm:"size:16;not null"`
	SourceID  *uint
	Note      string    `gorm:"size:200;not null;default:''"`
	GrantedAt time.Time `gorm:"not null"`
	ExpiresAt time.Time `gorm:"not null"`
	RevokedAt *time.Time
}

// PrivilegePriority is 优先获取: the member is listed first when a resource is matched.
const PrivilegePriority = "priority"

// Active reports whether the privilege counts at now.
func (p *MemberPrivilege) Active(now time.Time) bool {
	return p.RevokedAt == nil && now.Before(p.ExpiresAt)
}
