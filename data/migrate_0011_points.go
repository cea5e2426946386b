package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0011 created them.
type (
	// v11PointEntry is one line of the points ledger, appended and never changed.
	v11PointEntry struct {
		ID         uint      `gorm:"primaryKey"`
		MemberID   uint      `gorm:"not null;index:idx_point_member_at,priority:1;uniqueIndex:idx_point_deed,priority:1"`
		Member     v1Member  `gorm:"constraint:OnDelete:RESTRICT"`
		GroupID    *uint     `gorm:"index"`
		Group      *v1Group  `gorm:"constraint:OnDelete:SET NULL"`
		Amount     int64     `gorm:"not null"`
		Reason     string    `gorm:"size:16;not null;index"`
		Note       string    `gorm:"size:200;not null;default:''"`
		LinkKind   string    `gorm:"size:16;not null;default:''"`
		LinkID     *uint     `gorm:"index"`
		DeedKey    *string   `gorm:"size:60;uniqueIndex:idx_point_deed,priority:2"`
		ReversesID *uint     `gorm:"uniqueIndex"`
		ByName     string    `gorm:"size:30;not null;default:''"`
		At         time.Time `gorm:"not null;index:idx_point_member_at,priority:2;index:idx_point_at"`
	}
	// v11PointBalance is a member's balance and ranked total, kept with every entry.
	v11PointBalance struct {
		MemberID  uint     `gorm:"primaryKey;autoIncrement:false"`
		Member    v1Member `gorm:"constraint:OnDelete:RESTRICT"`
		Balance   int64    `gorm:"not null;default:0"`
		Earned    int64    `gorm:"not null;default:0;index"`
		UpdatedAt time.Time
	}
	// v11MemberBadge is a badge or title (身份标识) a member holds.
	v11MemberBadge struct {
		ID        uint       `gorm:"primaryKey"`
		MemberID  uint       `gorm:"not null;index"`
		Member    v1Member   `gorm:"constraint:OnDelete:CASCADE"`
		Name      string     `gorm:"size:30;not null"`
		Source    string     `gorm:"size:16;not null"`
		SourceID  *uint      `gorm:"index"`
		Note      string     `gorm:"size:200;not null;default:''"`
		GrantedAt time.Time  `gorm:"not null"`
		ExpiresAt *time.Time `gorm:"index"`
		RevokedAt *time.Time
	}
	// v11MemberPrivilege is a privilege with an expiry, such as 优先获取.
	v11MemberPrivilege struct {
		ID        uint      `gorm:"primaryKey"`
		MemberID  uint      `gorm:"not null;index"`
		Member    v1Member  `gorm:"constraint:OnDelete:CASCADE"`
		Kind      string    `gorm:"size:16;not null"`
		Source    string    `gorm:"size:16;not null"`
		SourceID  *uint     `gorm:"index"`
		Note      string    `gorm:"size:200;not null;default:''"`
		GrantedAt time.Time `gorm:"not null"`
		ExpiresAt time.Time `gorm:"not null;index"`
		RevokedAt *time.Time
	}
)

func (v11PointEntry) TableName() string      { return "point_entries" }
func (v11PointBalance) TableName() string    { return "point_balances" }
func (v11MemberBadge) TableName() string     { return "member_badges" }
func (v11MemberPrivilege) TableName() string { return "member_privileges" }

// createPoints is step 0011: the points ledger with the balances kept beside it, and the
// badges and privileges members hold.
func createPoints(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v11PointEntry{}, &v11PointBalance{}, &v11MemberBadge{},
		&v11MemberPrivilege{})
}
