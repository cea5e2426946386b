package data

import (
	"strconv"
	"strings"
	"time"

	"github.com/qunhuo/qunhuo/data/swapmatch"
	"github.com/qunhuo/qunhuo/data/wording"
)

// SwapListingState is where a listing of the swap zone stands. An open listing whose
// expiry has passed counts as expired without any write (see Expired).
type SwapListingState string

// The states of a swap listing.
const (
	SwapListingOpen      SwapListingState = "open"      // 开放
	SwapListingTaken     SwapListingState = "taken"     // 撮合中: in a deal being mediated
	SwapListingDone      SwapListingState = "done"      // 已成交
	SwapListingWithdrawn SwapListingState = "withdrawn" // 已撤下
)

var swapListingLabels = map[SwapListingState]string{SwapListingOpen: "开放", SwapListingTaken: "撮合中",
	SwapListingDone: "已成交", SwapListingWithdrawn: "已撤下"}

// Label is the state in the owner's words.
func (st SwapListingState) Label() string { return swapListingLabels[st] }

// SwapListing is one member's listing in the swap zone (资源置换区): what they have (a
// catalog resource or free text, with a quantity), what they want (a resource, a
// category or free text), a note and an expiry. The keys are the normalized names the
// matching compares (data/wording.ItemKey).
type SwapListing struct {
	ID             uint  `gorm:"primaryKey"`
	GroupID        *uint `gorm:"index"`
	MemberID       uint  `gorm:"not null;index"`
	Member         *Member
	HasResourceID  *uint  `gorm:"index"`
	HasText        string `gorm:"size:100;not null;default:''"`
	HasKey         string `gorm:"size:100;not null;default:'';index"`
	HasCategoryID  *uint  `gorm:"index"`
	Quantity       int    `gorm:"not null;default:1"`
	WantResourceID *uint  `gorm:"index"`
	WantText       string `gorm:"size:100;not null;default:''"`
	WantKey        string `gorm:"size:100;not null;default:''"`
	WantCategoryID *uint  `gorm:"index"`
	WantCategory   *Category
	Note           string           `gorm:"size:500;not null;default:''"`
	State          SwapListingState `gorm:"size:16;not null;index"`
	ExpiresAt      time.Time        `gorm:"not null;index"`
	CreatedAt      time.Time        `gorm:"not null"`
	UpdatedAt      time.Time
}

// Expired reports whether an open listing's time is up: it is then left out of matching.
func (l *SwapListing) Expired(now time.Time) bool {
	return l.State == SwapListingOpen && !now.Before(l.ExpiresAt)
}

// StateLabel is the listing's state as the list shows it, 已过期 included.
func (l *SwapListing) StateLabel(now time.Time) string {
	if l.Expired(now) {
		return "已过期"
	}
	return l.State.Label()
}

// HasLabel is what the listing offers, with the quantity when more than one.
func (l *SwapListing) HasLabel() string {
	if l.Quantity > 1 {
		return l.HasText + " ×" + strconv.Itoa(l.Quantity)
	}
	return l.HasText
}

// WantLabel is what the listing asks for: the text, else the category (任意…).
func (l *SwapListing) WantLabel() string {
	switch {
	case l.WantText != "":
		return l.WantText
	case l.WantCategory != nil:
		return "任意" + l.WantCategory.Name
	}
	return ""
}

// MemberName is the listing's member as the lists show them in groupID.
func (l *SwapListing) MemberName(groupID uint) string {
	if l.Member == nil {
		return ""
	}
	return l.Member.DisplayName(groupID)
}

// matchItems is the listing as package swapmatch compares it.
func (l *SwapListing) matchItems() swapmatch.Listing {
	return swapmatch.Listing{ID: l.ID, Member: l.MemberID,
		Has:  swapmatch.Item{Resource: deref(l.HasResourceID), Category: deref(l.HasCategoryID), Key: l.HasKey},
		Want: swapmatch.Item{Resource: deref(l.WantResourceID), Category: deref(l.WantCategoryID), Key: l.WantKey}}
}

func deref(p *uint) uint {
	if p == nil {
		return 0
	}
	return *p
}

// SwapDraft is a new listing as the form has it.
type SwapDraft struct {
	GroupID        *uint
	MemberID       uint
	HasResourceID  *uint  // picked from the catalog, or
	HasText        string // typed
	Quantity       string // empty: 1
	WantResourceID *uint  // picked from the catalog, or
	WantCategoryID *uint  // a whole category (with or without text)
	WantText       string // typed
	Note           string
	Days           int // how long the listing stays open
}

// Limits of a listing.
const (
	MaxSwapItemLen  = 100
	MaxSwapQuantity = 999
	MaxSwapDays     = 90
)

// Parse checks the draft and returns the quantity. Problems name their field: member,
// has, quantity, want, note, days.
func (d SwapDraft) Parse() (int, error) {
	var p problems
	if d.MemberID == 0 {
		p.add("member", "请在名单里点选成员（可输入QQ号、昵称、群名片或拼音找TA）")
	}
	checkText(&p, "has", "手上有的", d.HasText, MaxSwapItemLen, d.HasResourceID == nil)
	qty := 1
	if s := strings.TrimSpace(d.Quantity); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxSwapQuantity {
			p.add("quantity", "数量须为 1–%d 的整数", MaxSwapQuantity)
		}
		qty = n
	}
	checkText(&p, "want", "想换的", d.WantText, MaxSwapItemLen, d.WantResourceID == nil && d.WantCategoryID == nil)
	checkText(&p, "note", "备注", d.Note, MaxNotesLen, false)
	if d.Days < 1 || d.Days > MaxSwapDays {
		p.add("days", "有效期须为 1–%d 天", MaxSwapDays)
	}
	return qty, p.err()
}

// itemKey normalizes a listing's text for matching; empty text stays empty.
func itemKey(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return wording.ItemKey(text)
}

// SwapDealState is where a mediated swap stands.
type SwapDealState string

// The states of a swap deal.
const (
	SwapDealMediating SwapDealState = "mediating" // 撮合中
	SwapDealCompleted SwapDealState = "completed" // 已完成
	SwapDealCancelled SwapDealState = "cancelled" // 已取消
)

var swapDealLabels = map[SwapDealState]string{SwapDealMediating: "撮合中", SwapDealCompleted: "已完成", SwapDealCancelled: "已取消"}

// Label is the state in the owner's words.
func (st SwapDealState) Label() string { return swapDealLabels[st] }

// swapDealMoves is the one table of a deal's moves, and what each does to its
// listings: 已完成 closes them, 已取消 opens them again.
var swapDealMoves = map[[2]SwapDealState]SwapListingState{
	{SwapDealMediating, SwapDealCompleted}: SwapListingDone,
	{SwapDealMediating, SwapDealCancelled}: SwapListingOpen,
}

// SwapDealMoves lists the states a deal in st can move to.
func SwapDealMoves(st SwapDealState) []SwapDealState {
	if st == SwapDealMediating {
		return []SwapDealState{SwapDealCompleted, SwapDealCancelled}
	}
	return nil
}

// SwapDeal is a swap the owner mediates between the members of a suggestion.
type SwapDeal struct {
	ID        uint          `gorm:"primaryKey"`
	GroupID   *uint         `gorm:"index"`
	State     SwapDealState `gorm:"size:16;not null;index"`
	Reason    string        `gorm:"size:500;not null;default:''"`
	Notes     string        `gorm:"size:500;not null;default:''"`
	CreatedAt time.Time     `gorm:"not null"`
	UpdatedAt time.Time
	Listings  []SwapDealListing `gorm:"foreignKey:DealID"`
	Events    []SwapDealEvent   `gorm:"foreignKey:DealID"`
}

// SwapDealListing is one listing of a deal, in giving order.
type SwapDealListing struct {
	ID        uint `gorm:"primaryKey"`
	DealID    uint `gorm:"not null;index"`
	ListingID uint `gorm:"not null;index"`
	Listing   *SwapListing
	MemberID  uint `gorm:"not null;index"`
	Position  int  `gorm:"not null"`
}

// SwapDealEvent is one move of a deal: appended, never changed.
type SwapDealEvent struct {
	ID     uint          `gorm:"primaryKey"`
	DealID uint          `gorm:"not null;index"`
	From   SwapDealState `gorm:"column:from_state;size:16;not null"`
	To     SwapDealState `gorm:"column:to_state;size:16;not null"`
	Note   string        `gorm:"size:500;not null;default:''"`
	At     time.Time     `gorm:"not null"`
}

// swapSeen records that the owner has seen a swap suggestion.
type swapSeen struct {
	Key    string    `gorm:"primaryKey;size:100"`
	SeenAt time.Time `gorm:"not null"`
}

func (swapSeen) TableName() string { return "swap_seen" }

// SwapSuggestion is a swap the matching found among open listings, with why.
type SwapSuggestion struct {
	Key      string // the same whatever listing the cycle starts from
	Cycle    bool   // a 3-cycle rather than a direct pair
	Listings []SwapListing
	Reasons  []string // one line per gift: who has what the next one wants, and how
	Score    int
	New      bool // not yet seen by the owner
}
