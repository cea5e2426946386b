package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0009 created them.
type (
	// v9SwapListing is one member's listing in the swap zone (资源置换区): what they have,
	// what they want, until when.
	v9SwapListing struct {
		ID             uint        `gorm:"primaryKey"`
		GroupID        *uint       `gorm:"index"`
		Group          *v1Group    `gorm:"constraint:OnDelete:SET NULL"`
		MemberID       uint        `gorm:"not null;index"`
		Member         v1Member    `gorm:"constraint:OnDelete:RESTRICT"`
		HasResourceID  *uint       `gorm:"index"`
		HasResource    *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		HasText        string      `gorm:"size:100;not null;default:''"`
		HasKey         string      `gorm:"size:100;not null;default:'';index"`
		HasCategoryID  *uint       `gorm:"index"`
		HasCategory    *v1Category `gorm:"constraint:OnDelete:SET NULL"`
		Quantity       int         `gorm:"not null;default:1"`
		WantResourceID *uint       `gorm:"index"`
		WantResource   *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		WantText       string      `gorm:"size:100;not null;default:''"`
		WantKey        string      `gorm:"size:100;not null;default:''"`
		WantCategoryID *uint       `gorm:"index"`
		WantCategory   *v1Category `gorm:"constraint:OnDelete:SET NULL"`
		Note           string      `gorm:"size:500;not null;default:''"`
		State          string      `gorm:"size:16;not null;index"`
		ExpiresAt      time.Time   `gorm:"not null;index"`
		CreatedAt      time.Time   `gorm:"not null"`
		UpdatedAt      time.Time
	}
	// v9SwapDeal is a swap the owner mediates between the members of a suggestion.
	v9SwapDeal struct {
		ID        uint      `gorm:"primaryKey"`
		GroupID   *uint     `gorm:"index"`
		Group     *v1Group  `gorm:"constraint:OnDelete:SET NULL"`
		State     string    `gorm:"size:16;not null;index"`
		Reason    string    `gorm:"size:500;not null;default:''"`
		Notes     string    `gorm:"size:500;not null;default:''"`
		CreatedAt time.Time `gorm:"not null"`
		UpdatedAt time.Time
	}
	// v9SwapDealListing is one listing of a deal, in giving order.
	v9SwapDealListing struct {
		ID        uint          `gorm:"primaryKey"`
		DealID    uint          `gorm:"not null;index"`
		Deal      v9SwapDeal    `gorm:"constraint:OnDelete:CASCADE"`
		ListingID uint          `gorm:"not null;index"`
		Listing   v9SwapListing `gorm:"constraint:OnDelete:RESTRICT"`
		MemberID  uint          `gorm:"not null;index"`
		Position  int           `gorm:"not null"`
	}
	// v9SwapDealEvent is one move of a deal, appended and never changed.
	v9SwapDealEvent struct {
		ID     uint       `gorm:"primaryKey"`
		DealID uint       `gorm:"not null;index"`
		Deal   v9SwapDeal `gorm:"constraint:OnDelete:RESTRICT"`
		From   string     `gorm:"column:from_state;size:16;not null"`
		To     string     `gorm:"column:to_state;size:16;not null"`
		Note   string     `gorm:"size:500;not null;default:''"`
		At     time.Time  `gorm:"not null"`
	}
	// v9SwapSeen records that the owner has seen a swap suggestion (by its key).
	v9SwapSeen struct {
		Key    string    `gorm:"primaryKey;size:100"`
		SeenAt time.Time `gorm:"not null"`
	}
)

func (v9SwapListing) TableName() string     { return "swap_listings" }
func (v9SwapDeal) TableName() string        { return "swap_deals" }
func (v9SwapDealListing) TableName() string { return "swap_deal_listings" }
func (v9SwapDealEvent) TableName() string   { return "swap_deal_events" }
func (v9SwapSeen) TableName() string        { return "swap_seen" }

// createSwaps is step 0009: the swap zone's listings, the deals the owner mediates with
// their listings and append-only log, and which suggestions the owner has seen.
func createSwaps(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v9SwapListing{}, &v9SwapDeal{}, &v9SwapDealListing{},
		&v9SwapDealEvent{}, &v9SwapSeen{})
}
