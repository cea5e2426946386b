package data

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
)

// PointEntry is one line of the mutual-aid points ledger (互助积分): a signed amount for
// a member, why, and optionally the deed that earned it. Entries are appended and never
// changed or deleted; a mistake is undone by a reversing entry (ReversesID).
type PointEntry struct {
	ID       uint          `gorm:"primaryKey"`
	MemberID uint          `gorm:"not null"`
	Member   *Member       `gorm:"-"`
	GroupID  *uint         `gorm:"index"`
	Amount   int64         `gorm:"not null"`
	Reason   points.Reason `gorm:"size:16;not null"`
	Note     string        `gorm:"size:200;not null;default:''"`
	// LinkKind and LinkID name what earned the entry (a ticket, a swap deal …), or what
	// it belongs to (a redemption); LinkPointEntry for a reversal.
	LinkKind string `gorm:"size:16;not null;default:''"`
	LinkID   *uint
	// DeedKey is set on awards for a deed, so the same deed never pays the same member
	// twice for the same reason (unique with MemberID).
	DeedKey    *string   `gorm:"size:60"`
	ReversesID *uint     // the entry this one undoes
	ByName     string    `gorm:"size:30;not null;default:''"`
	At         time.Time `gorm:"not null"`
}

// The kinds of record a point entry links to.
const (
	LinkRequest      = "request"       // a 求助 the member helped answer
	LinkTicket       = "ticket"        // a 售后工单 the member helped resolve
	LinkResource     = "resource"      // a resource the member shared
	LinkBlindBoxDraw = "blindbox_draw" // a blind-box win whose experience was shared
	LinkSwapDeal     = "swap_deal"     // a completed swap
	LinkSession      = "session"       // a tips-sharing session (分享会)
	LinkRedemption   = "redemption"    // a redemption the points were spent on or refunded for
	LinkTalent       = "talent"        // a month's 资源达人
	LinkPointEntry   = "point_entry"   // the entry a reversal undoes
)

// deedKey is the key that keeps one deed from paying a member twice for one reason.
func deedKey(kind string, id uint, r points.Reason) string {
	return fmt.Sprintf("%s:%d:%s", kind, id, r)
}

// PointBalance is a member's balance (what they can spend) and ranked total (what they
// have earned, the all-time leaderboard), kept up to date by every entry's transaction.
type PointBalance struct {
	MemberID  uint  `gorm:"primaryKey;autoIncrement:false"`
	Balance   int64 `gorm:"not null;default:0"`
	Earned    int64 `gorm:"not null;default:0"`
	UpdatedAt time.Time
}

// PointDraft is an entry about to be written. Amount is signed: an award is positive, a
// deduction (reason Other) negative. A draft with LinkKind and LinkID for an award
// reason is a deed: it pays each member once.
type PointDraft struct {
	MemberID uint
	GroupID  *uint
	Reason   points.Reason
	Amount   int64
	Note     string
	LinkKind string
	LinkID   *uint
}

// MaxPointNoteLen is the longest note on an entry, in characters.
const MaxPointNoteLen = 200
