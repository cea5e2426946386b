package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0007 created them.
type (
	// v7ResourceEvent is one entry of a resource's blacklist history: marked 失效 (with
	// a reason and evidence) or taken off the blacklist (with a note).
	v7ResourceEvent struct {
		ID         uint       `gorm:"primaryKey"`
		ResourceID uint       `gorm:"not null;index"`
		Resource   v1Resource `gorm:"constraint:OnDelete:CASCADE"`
		Kind       string     `gorm:"size:16;not null"` // invalid, restored
		Reason     string     `gorm:"size:16;not null;default:''"`
		Note       string     `gorm:"size:500;not null;default:''"`
		ByName     string     `gorm:"size:30;not null;default:''"`
		At         time.Time  `gorm:"not null;index"`
	}
	// v7Trade is an escrow trade (担保交易) with the owner as third party.
	v7Trade struct {
		ID          uint        `gorm:"primaryKey"`
		GroupID     *uint       `gorm:"index"`
		Group       *v1Group    `gorm:"constraint:OnDelete:SET NULL"`
		BuyerID     uint        `gorm:"not null;index"`
		Buyer       v1Member    `gorm:"constraint:OnDelete:RESTRICT"`
		SellerID    uint        `gorm:"not null;index"`
		Seller      v1Member    `gorm:"constraint:OnDelete:RESTRICT"`
		ResourceID  *uint       `gorm:"index"`
		Resource    *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		Item        string      `gorm:"size:100;not null"`
		AmountCents int64       `gorm:"not null"`
		FeeCents    int64       `gorm:"not null;default:0"`
		Notes       string      `gorm:"size:500;not null;default:''"`
		State       string      `gorm:"size:16;not null;index"`
		DueAt       *time.Time  `gorm:"index"` // the current waiting state's deadline
		CreatedAt   time.Time   `gorm:"not null"`
		UpdatedAt   time.Time
	}
	// v7TradeEvent is one move of a trade, appended and never changed.
	v7TradeEvent struct {
		ID      uint      `gorm:"primaryKey"`
		TradeID uint      `gorm:"not null;index"`
		Trade   v7Trade   `gorm:"constraint:OnDelete:RESTRICT"`
		From    string    `gorm:"column:from_state;size:16;not null"`
		To      string    `gorm:"column:to_state;size:16;not null"`
		Note    string    `gorm:"size:500;not null;default:''"`
		At      time.Time `gorm:"not null"`
	}
	// v7Ticket is an after-sales ticket (售后工单) under the first-response promise.
	v7Ticket struct {
		ID              uint        `gorm:"primaryKey"`
		GroupID         *uint       `gorm:"index"`
		Group           *v1Group    `gorm:"constraint:OnDelete:SET NULL"`
		MemberID        uint        `gorm:"not null;index"`
		Member          v1Member    `gorm:"constraint:OnDelete:RESTRICT"`
		ResourceID      *uint       `gorm:"index"`
		Resource        *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		TradeID         *uint       `gorm:"index"`
		Trade           *v7Trade    `gorm:"constraint:OnDelete:SET NULL"`
		Category        string      `gorm:"size:16;not null"`
		Description     string      `gorm:"size:1000;not null"`
		State           string      `gorm:"size:16;not null;index"`
		OpenedAt        time.Time   `gorm:"not null;index"`
		DueAt           time.Time   `gorm:"not null;index"` // first response promised by
		FirstResponseAt *time.Time
		ResolvedAt      *time.Time
		ClosedAt        *time.Time
		WarnedAt        *time.Time // the desktop notification of the last 2 hours fired
		UpdatedAt       time.Time
	}
	// v7TicketEvent is one move or reply of a ticket, appended and never changed.
	v7TicketEvent struct {
		ID       uint      `gorm:"primaryKey"`
		TicketID uint      `gorm:"not null;index"`
		Ticket   v7Ticket  `gorm:"constraint:OnDelete:RESTRICT"`
		From     string    `gorm:"column:from_state;size:16;not null"`
		To       string    `gorm:"column:to_state;size:16;not null"`
		Note     string    `gorm:"size:1000;not null;default:''"`
		At       time.Time `gorm:"not null"`
	}
	// v7RuleVersion is one saved version of the group rules (群规).
	v7RuleVersion struct {
		ID        uint     `gorm:"primaryKey"`
		GroupID   *uint    `gorm:"index"`
		Group     *v1Group `gorm:"constraint:OnDelete:SET NULL"`
		Note      string   `gorm:"size:200;not null;default:''"`
		CreatedAt time.Time
	}
	// v7RuleSection is one section of a version of the rules, in order.
	v7RuleSection struct {
		ID        uint          `gorm:"primaryKey"`
		VersionID uint          `gorm:"not null;index"`
		Version   v7RuleVersion `gorm:"constraint:OnDelete:CASCADE"`
		Position  int           `gorm:"not null"`
		Title     string        `gorm:"size:60;not null"`
		Body      string        `gorm:"type:text;not null"`
	}
)

func (v7ResourceEvent) TableName() string { return "resource_events" }
func (v7Trade) TableName() string         { return "trades" }
func (v7TradeEvent) TableName() string    { return "trade_events" }
func (v7Ticket) TableName() string        { return "tickets" }
func (v7TicketEvent) TableName() string   { return "ticket_events" }
func (v7RuleVersion) TableName() string   { return "rule_versions" }
func (v7RuleSection) TableName() string   { return "rule_sections" }

// createTrust is step 0007: the blacklist history of resources, escrow trades and
// after-sales tickets with their append-only logs, and versioned group rules.
func createTrust(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v7ResourceEvent{}, &v7Trade{}, &v7TradeEvent{},
		&v7Ticket{}, &v7TicketEvent{}, &v7RuleVersion{}, &v7RuleSection{})
}
