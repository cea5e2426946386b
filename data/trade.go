package data

import "time"

// TradeState is where an escrow trade stands; the moves between states are the table in
// package data/escrow.
type TradeState string

// The states of an escrow trade.
const (
	TradeAwaitingPayment TradeState = "awaiting_pay" // 待付款
	TradeHeld            TradeState = "held"         // 已托管
	TradeDelivered       TradeState = "delivered"    // 已交付
	TradeCompleted       TradeState = "completed"    // 已完成
	TradeCancelled       TradeState = "cancelled"    // 已取消
	TradeDisputed        TradeState = "disputed"     // 争议中
	TradeRefunded        TradeState = "refunded"     // 已退款
)

// Trade is an escrow trade (担保交易): the owner holds the buyer's money until the
// buyer confirms the seller delivered. It is never edited in place or deleted: every
// move appends a TradeEvent.
type Trade struct {
	ID          uint       `gorm:"primaryKey"`
	GroupID     *uint      `gorm:"index"`
	BuyerID     uint       `gorm:"not null;index"`
	Buyer       *Member    `gorm:"constraint:OnDelete:RESTRICT"`
	SellerID    uint       `gorm:"not null;index"`
	Seller      *Member    `gorm:"constraint:OnDelete:RESTRICT"`
	ResourceID  *uint      `gorm:"index"`
	Resource    *Resource  `gorm:"constraint:OnDelete:SET NULL"`
	Item        string     `gorm:"size:100;not null"`
	AmountCents int64      `gorm:"not null"`
	FeeCents    int64      `gorm:"not null;default:0"`
	Notes       string     `gorm:"size:500;not null;default:''"`
	State       TradeState `gorm:"size:16;not null;index"`
	DueAt       *time.Time `gorm:"index"`
	CreatedAt   time.Time  `gorm:"not null"`
	UpdatedAt   time.Time
	Events      []TradeEvent
}

// TradeEvent is one move of a trade: appended, never changed.
type TradeEvent struct {
	ID      uint       `gorm:"primaryKey"`
	TradeID uint       `gorm:"not null;index"`
	From    TradeState `gorm:"column:from_state;size:16;not null"`
	To      TradeState `gorm:"column:to_state;size:16;not null"`
	Note    string     `gorm:"size:500;not null;default:''"`
	At      time.Time  `gorm:"not null"`
}
