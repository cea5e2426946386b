package data

import "time"

// RequestState is where a member's request (求…) stands.
type RequestState string

// A request moves 待回复 → 已回复 → 已满足 or 无货.
const (
	RequestWaiting RequestState = "waiting"  // 待回复
	RequestReplied RequestState = "replied"  // 已回复
	RequestMet     RequestState = "met"      // 已满足
	RequestNoStock RequestState = "no_stock" // 无货
)

// Request is one 求… a member asked in the group: what they asked, when, and how the
// owner answered.
type Request struct {
	ID         uint `gorm:"primaryKey"`
	MemberID   uint `gorm:"not null;index"`
	Member     *Member
	GroupID    *uint        `gorm:"index"`
	Text       string       `gorm:"size:200;not null"`
	ItemKey    string       `gorm:"size:100;not null;default:'';index"`
	CategoryID *uint        `gorm:"index"`
	State      RequestState `gorm:"size:16;not null;index"`
	ResourceID *uint        `gorm:"index"`
	// Source says where a request came from: "" for one the owner noted (a 求… to
	// answer), RequestFromBlindBox for a blind-box entry's demand, which counts as
	// demand for matching and the board but waits for no reply.
	Source    string    `gorm:"size:16;not null;default:''"`
	AskedAt   time.Time `gorm:"not null;index"`
	RepliedAt *time.Time
	ClosedAt  *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Synonym says that, when searching, Word also finds what Means finds (月卡 ~ 会员).
type Synonym struct {
	ID        uint   `gorm:"primaryKey"`
	Word      string `gorm:"size:30;not null;uniqueIndex:idx_synonym"`
	Means     string `gorm:"size:30;not null;uniqueIndex:idx_synonym"`
	CreatedAt time.Time
}
