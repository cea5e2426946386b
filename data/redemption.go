package data

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/points"
)

// RewardKind says what a reward item (兑换商品) gives.
type RewardKind string

// The kinds of reward item.
const (
	RewardResource RewardKind = "resource" // 资源: a scarce resource, optionally one of the catalog's
	RewardBadge    RewardKind = "badge"    // 身份标识: a badge or title such as 热心群友
	RewardOther    RewardKind = "other"    // 其他
)

// RewardKinds lists the kinds in the order forms offer them.
var RewardKinds = []RewardKind{RewardResource, RewardBadge, RewardOther}

var rewardKindLabels = map[RewardKind]string{RewardResource: "资源", RewardBadge: "身份标识", RewardOther: "其他"}

// Label is the kind in the owner's words.
func (k RewardKind) Label() string { return rewardKindLabels[k] }

// RewardKindByLabel finds a kind by its label or code.
func RewardKindByLabel(s string) (RewardKind, bool) {
	for k, l := range rewardKindLabels {
		if l == s || string(k) == s {
			return k, true
		}
	}
	return "", false
}

// RewardItem is one thing members can redeem points for (兑换商品): a resource (which
// may be a catalog resource, taking from its stock), a badge the member holds for
// BadgeDays days (0: for good), or something else. Stock nil means no count of its own.
type RewardItem struct {
	ID         uint       `gorm:"primaryKey"`
	GroupID    *uint      // the group it is offered in; nil: every group
	Name       string     `gorm:"size:60;not null"`
	Kind       RewardKind `gorm:"size:16;not null"`
	ResourceID *uint      // the catalog resource it takes from (资源 only)
	Resource   *Resource  `gorm:"-"`
	BadgeName  string     `gorm:"size:30;not null;default:''"` // 身份标识 only
	BadgeDays  int        `gorm:"not null;default:0"`
	Price      int64      `gorm:"not null"`
	Stock      *int
	Active     bool   `gorm:"not null"` // no default tag: GORM would write true for false
	Note       string `gorm:"size:200;not null;default:''"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// StockText is what is left to redeem: the item's own count, else the linked
// resource's, else 不限.
func (it *RewardItem) StockText() string {
	switch {
	case it.Stock != nil:
		return strconv.Itoa(*it.Stock)
	case it.Resource != nil:
		return it.Resource.StockText()
	}
	return "不限"
}

// OutOfStock reports whether nothing is left: the item's own count or the linked
// resource's counted stock is used up.
func (it *RewardItem) OutOfStock() bool {
	if it.Stock != nil && *it.Stock <= 0 {
		return true
	}
	return it.Resource != nil && !it.Resource.Unlimited && it.Resource.Stock <= 0
}

// Limits of a reward item.
const (
	MaxRewardNameLen = 60
	MaxBadgeDays     = 3650
)

// RewardDraft is a reward item as the form has it: numbers as typed. Stock empty means
// no count of its own; BadgeDays empty or 0 means the badge does not expire.
type RewardDraft struct {
	GroupID    *uint
	Name       string
	Kind       RewardKind
	ResourceID *uint
	BadgeName  string
	BadgeDays  string
	Price      string
	Stock      string
	Active     bool
	Note       string
}

// Parse checks the draft, naming each field that is wrong: name, kind, price (a whole
// number above 0), stock (empty or 0 and up), badge (a 身份标识 item's badge, which is
// the item's name when left empty), badge_days, note.
func (d RewardDraft) Parse() (RewardItem, error) {
	var p problems
	it := RewardItem{GroupID: d.GroupID, Kind: d.Kind, Active: d.Active}
	it.Name = checkText(&p, "name", "名称", d.Name, MaxRewardNameLen, false)
	if it.Name == "" {
		p.add("name", "请填写兑换商品的名称，例如 热心群友 身份标识")
	}
	if _, ok := rewardKindLabels[d.Kind]; !ok {
		p.add("kind", "请选择类型：资源、身份标识或其他")
	}
	price := strings.TrimSpace(d.Price)
	n, err := strconv.ParseInt(price, 10, 64)
	switch {
	case price == "":
		p.add("price", "请填写兑换要多少积分")
	case err != nil:
		p.add("price", "积分请填写整数，如 50")
	case n <= 0:
		p.add("price", "积分须大于 0")
	case n > points.MaxAmount:
		p.add("price", "积分不能超过 %d", points.MaxAmount)
	default:
		it.Price = n
	}
	if s := strings.TrimSpace(d.Stock); s != "" {
		st, unlimited := parseStock(&p, "stock", "库存", s)
		if !unlimited {
			it.Stock = &st
		}
	}
	if d.Kind == RewardResource {
		it.ResourceID = d.ResourceID
	}
	if d.Kind == RewardBadge {
		it.BadgeName = strings.TrimSpace(d.BadgeName)
		if it.BadgeName == "" {
			it.BadgeName = it.Name
		}
		if n := utf8.RuneCountInString(it.BadgeName); n > MaxBadgeNameLen {
			p.add("badge", "身份标识最多 %d 个字，现在 %d 个字，请在「身份标识」里写短一些", MaxBadgeNameLen, n)
		}
		if s := strings.TrimSpace(d.BadgeDays); s != "" {
			days, err := strconv.Atoi(s)
			switch {
			case err != nil:
				p.add("badge_days", "有效天数请填写整数，一直有效请留空或填 0")
			case days < 0 || days > MaxBadgeDays:
				p.add("badge_days", "有效天数须在 0 到 %d 之间，0 表示一直有效", MaxBadgeDays)
			default:
				it.BadgeDays = days
			}
		}
	}
	it.Note = checkText(&p, "note", "备注", d.Note, MaxPointNoteLen, false)
	return it, p.err()
}

// RedemptionState is where a redemption stands.
type RedemptionState string

// The states of a redemption: 待发放 → 已发放, or 待发放 → 已撤销 (points refunded).
const (
	RedemptionPending   RedemptionState = "pending"   // 待发放
	RedemptionGiven     RedemptionState = "given"     // 已发放
	RedemptionCancelled RedemptionState = "cancelled" // 已撤销
)

var redemptionStateLabels = map[RedemptionState]string{RedemptionPending: "待发放", RedemptionGiven: "已发放",
	RedemptionCancelled: "已撤销"}

// Label is the state in the owner's words.
func (s RedemptionState) Label() string { return redemptionStateLabels[s] }

// Redemption is one member's redemption of a reward item: the points paid (the spend
// entry), and when cancelled the refund entry; a badge item's badge (BadgeID) is given
// at once and taken back on cancel.
type Redemption struct {
	ID            uint        `gorm:"primaryKey"`
	GroupID       *uint       // the item's group
	ItemID        uint        `gorm:"not null"`
	Item          *RewardItem `gorm:"-"`
	ItemName      string      `gorm:"size:60;not null"` // the item's name when redeemed
	MemberID      uint        `gorm:"not null"`
	Member        *Member     `gorm:"-"`
	Price         int64       `gorm:"not null"`
	SpendEntryID  *uint
	RefundEntryID *uint
	BadgeID       *uint
	State         RedemptionState `gorm:"size:16;not null"`
	Note          string          `gorm:"size:200;not null;default:''"`
	CreatedAt     time.Time       `gorm:"not null"`
	GivenAt       *time.Time
	CancelledAt   *time.Time
	UpdatedAt     time.Time
}

// MemberName is the redeeming member's name in group groupID.
func (r *Redemption) MemberName(groupID uint) string {
	if r.Member == nil {
		return "（已不在成员列表）"
	}
	return r.Member.DisplayName(groupID)
}
