package data

import "time"

// TicketState is where an after-sales ticket stands; the moves are the table in package
// data/aftersales.
type TicketState string

// The states of a ticket: 待响应 → 处理中 → 已解决 → 已关闭, with reopen.
const (
	TicketWaiting    TicketState = "waiting"     // 待响应
	TicketInProgress TicketState = "in_progress" // 处理中
	TicketResolved   TicketState = "resolved"    // 已解决
	TicketClosed     TicketState = "closed"      // 已关闭
)

// TicketCategory is what a ticket is about.
type TicketCategory string

// The categories of a ticket.
const (
	TicketCardInvalid TicketCategory = "card_invalid" // 卡密无效
	TicketNotArrived  TicketCategory = "not_arrived"  // 未到账
	TicketRefund      TicketCategory = "refund"       // 退款
	TicketQuestion    TicketCategory = "question"     // 咨询
	TicketOther       TicketCategory = "other"        // 其他
)

// Ticket is an after-sales ticket (售后工单) under the promise of a first response
// within some hours of opening.
type Ticket struct {
	ID              uint           `gorm:"primaryKey"`
	GroupID         *uint          `gorm:"index"`
	MemberID        uint           `gorm:"not null;index"`
	Member          *Member        `gorm:"constraint:OnDelete:RESTRICT"`
	ResourceID      *uint          `gorm:"index"`
	Resource        *Resource      `gorm:"constraint:OnDelete:SET NULL"`
	TradeID         *uint          `gorm:"index"`
	Trade           *Trade         `gorm:"constraint:OnDelete:SET NULL"`
	Category        TicketCategory `gorm:"size:16;not null"`
	Description     string         `gorm:"size:1000;not null"`
	State           TicketState    `gorm:"size:16;not null;index"`
	OpenedAt        time.Time      `gorm:"not null;index"`
	DueAt           time.Time      `gorm:"not null;index"`
	FirstResponseAt *time.Time
	ResolvedAt      *time.Time
	ClosedAt        *time.Time
	WarnedAt        *time.Time
	UpdatedAt       time.Time
	Events          []TicketEvent
}

// TicketEvent is one move or reply of a ticket: appended, never changed.
type TicketEvent struct {
	ID       uint        `gorm:"primaryKey"`
	TicketID uint        `gorm:"not null;index"`
	From     TicketState `gorm:"column:from_state;size:16;not null"`
	To       TicketState `gorm:"column:to_state;size:16;not null"`
	Note     string      `gorm:"size:1000;not null;default:''"`
	At       time.Time   `gorm:"not null"`
}
