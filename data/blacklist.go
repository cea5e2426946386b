package data

import "time"

// ResourceEventKind is what happened to a resource on the blacklist.
type ResourceEventKind string

// A resource is marked 失效 with a reason, and taken off the blacklist with a note.
const (
	EventInvalid  ResourceEventKind = "invalid"  // 标为失效
	EventRestored ResourceEventKind = "restored" // 移出失效名单
)

// InvalidReason is why a resource was marked 失效.
type InvalidReason string

// The reasons an owner picks from.
const (
	ReasonCardInvalid  InvalidReason = "card_invalid"  // 卡密无效
	ReasonExpired      InvalidReason = "expired"       // 已过期
	ReasonMismatch     InvalidReason = "mismatch"      // 与描述不符
	ReasonSupplierGone InvalidReason = "supplier_gone" // 供应商失联
	ReasonOther        InvalidReason = "other"         // 其他
)

// ResourceEvent is one entry of a resource's blacklist history; entries are only ever
// added.
type ResourceEvent struct {
	ID         uint              `gorm:"primaryKey"`
	ResourceID uint              `gorm:"not null;index"`
	Resource   *Resource         `gorm:"constraint:OnDelete:CASCADE"`
	Kind       ResourceEventKind `gorm:"size:16;not null"`
	Reason     InvalidReason     `gorm:"size:16;not null;default:''"`
	Note       string            `gorm:"size:500;not null;default:''"`
	ByName     string            `gorm:"size:30;not null;default:''"`
	At         time.Time         `gorm:"not null;index"`
}
