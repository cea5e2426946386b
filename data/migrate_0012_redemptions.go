package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0012 created or changed them.
type (
	// v12RewardItem is one thing members can redeem points for (兑换商品).
	v12RewardItem struct {
		ID         uint        `gorm:"primaryKey"`
		GroupID    *uint       `gorm:"index"`
		Group      *v1Group    `gorm:"constraint:OnDelete:SET NULL"`
		Name       string      `gorm:"size:60;not null"`
		Kind       string      `gorm:"size:16;not null"`
		ResourceID *uint       `gorm:"index"`
		Resource   *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		BadgeName  string      `gorm:"size:30;not null;default:''"`
		BadgeDays  int         `gorm:"not null;default:0"`
		Price      int64       `gorm:"not null"`
		Stock      *int
		Active     bool   `gorm:"not null"`
		Note       string `gorm:"size:200;not null;default:''"`
		CreatedAt  time.Time
		UpdatedAt  time.Time
	}
	// v12Redemption is one redemption: what, by whom, for how many points, and where
	// it stands (待发放, 已发放, 已撤销).
	v12Redemption struct {
		ID            uint           `gorm:"primaryKey"`
		GroupID       *uint          `gorm:"index"`
		Group         *v1Group       `gorm:"constraint:OnDelete:SET NULL"`
		ItemID        uint           `gorm:"not null;index"`
		Item          v12RewardItem  `gorm:"constraint:OnDelete:RESTRICT"`
		ItemName      string         `gorm:"size:60;not null"`
		MemberID      uint           `gorm:"not null;index"`
		Member        v1Member       `gorm:"constraint:OnDelete:RESTRICT"`
		Price         int64          `gorm:"not null"`
		SpendEntryID  *uint          `gorm:"uniqueIndex"`
		SpendEntry    *v11PointEntry `gorm:"constraint:OnDelete:RESTRICT"`
		RefundEntryID *uint          `gorm:"uniqueIndex"`
		RefundEntry   *v11PointEntry `gorm:"constraint:OnDelete:RESTRICT"`
		BadgeID       *uint          `gorm:"index"`
		State         string         `gorm:"size:16;not null;index"`
		Note          string         `gorm:"size:200;not null;default:''"`
		CreatedAt     time.Time      `gorm:"not null;index"`
		GivenAt       *time.Time
		CancelledAt   *time.Time
		UpdatedAt     time.Time
	}
	// v12MemberBadge is v11MemberBadge with why it was taken away.
	v12MemberBadge struct {
		ID         uint       `gorm:"primaryKey"`
		MemberID   uint       `gorm:"not null;index"`
		Member     v1Member   `gorm:"constraint:OnDelete:CASCADE"`
		Name       string     `gorm:"size:30;not null"`
		Source     string     `gorm:"size:16;not null"`
		SourceID   *uint      `gorm:"index"`
		Note       string     `gorm:"size:200;not null;default:''"`
		GrantedAt  time.Time  `gorm:"not null"`
		ExpiresAt  *time.Time `gorm:"index"`
		RevokedAt  *time.Time
		RevokeNote string `gorm:"size:200;not null;default:''"`
	}
)

func (v12RewardItem) TableName() string  { return "reward_items" }
func (v12Redemption) TableName() string  { return "redemptions" }
func (v12MemberBadge) TableName() string { return "member_badges" }

// createRedemptions is step 0012: the redemption catalog (兑换商品) and the redemptions
// made from it, and the note a badge is taken away with.
func createRedemptions(tx *gorm.DB) error {
	if err := tx.Migrator().CreateTable(&v12RewardItem{}, &v12Redemption{}); err != nil {
		return err
	}
	return tx.Migrator().AddColumn(&v12MemberBadge{}, "RevokeNote")
}
