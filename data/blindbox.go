package data

import "time"

// BoxState is where a blind box (资源盲盒) stands.
type BoxState string

// A box moves 准备中 → 报名中 → 已截止 → 已开奖.
const (
	BoxPreparing BoxState = "preparing" // 准备中: contents and dates can change
	BoxOpen      BoxState = "open"      // 报名中: the commitment is published, entries come in
	BoxClosed    BoxState = "closed"    // 已截止: the entry list is frozen and numbered
	BoxDrawn     BoxState = "drawn"     // 已开奖: the seed is revealed, winners owe a share
)

// Label is the state's Chinese name.
func (s BoxState) Label() string {
	switch s {
	case BoxPreparing:
		return "准备中"
	case BoxOpen:
		return "报名中"
	case BoxClosed:
		return "已截止"
	case BoxDrawn:
		return "已开奖"
	}
	return string(s)
}

// BlindBox is a resource blind box with a draw any member can verify (see data/draw).
type BlindBox struct {
	ID         uint `gorm:"primaryKey"`
	GroupID    *uint
	Title      string
	Winners    int
	OpensAt    time.Time
	ClosesAt   time.Time
	ShareDays  int // a winner's share (分享体验) is due this many days after the draw
	State      BoxState
	Seed       string // hex; secret until drawn — never show it before DrawnAt
	Commitment string // SHA-256 of the seed, published when the box opens
	ListHash   string // SHA-256 of the frozen list, set at close
	OpenedAt   *time.Time
	ClosedAt   *time.Time
	DrawnAt    *time.Time
	Items      []BlindBoxItem `gorm:"foreignKey:BoxID"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// TableName is the box table.
func (BlindBox) TableName() string { return "blind_boxes" }

// BlindBoxItem is one line of a box's contents: a resource and how many.
type BlindBoxItem struct {
	ID         uint `gorm:"primaryKey"`
	BoxID      uint
	ResourceID *uint
	Name       string
	Quantity   int
}

// TableName is the contents table.
func (BlindBoxItem) TableName() string { return "blind_box_items" }

// BlindBoxEntry is a member's entry with the demand they stated (留言指定需求); the
// demand is also kept as the member's Request.
type BlindBoxEntry struct {
	ID        uint `gorm:"primaryKey"`
	BoxID     uint
	MemberID  uint
	Member    *Member
	RequestID *uint
	Demand    string
	Number    int    // 1… once the list is frozen; 0 before
	Label     string // the entry as frozen into the published list
	EnteredAt time.Time
}

// TableName is the entries table.
func (BlindBoxEntry) TableName() string { return "blind_box_entries" }

// BlindBoxDraw is one pick of a box's draw, in stream order (Seq 1…). A winner who is
// replaced by a redraw keeps its row, voided with a reason.
type BlindBoxDraw struct {
	ID         uint `gorm:"primaryKey"`
	BoxID      uint
	Seq        int
	EntryID    uint
	Entry      *BlindBoxEntry
	ReplacesID *uint
	VoidedAt   *time.Time
	VoidReason string
	DrawnAt    time.Time
	ShareDue   time.Time
	SharedAt   *time.Time
	ShareNote  string
}

// TableName is the draws table.
func (BlindBoxDraw) TableName() string { return "blind_box_draws" }

// Won says the pick is a standing winner (not replaced).
func (d BlindBoxDraw) Won() bool { return d.VoidedAt == nil }

// ShareOverdue says a standing winner has not shared by the due time.
func (d BlindBoxDraw) ShareOverdue(now time.Time) bool {
	return d.Won() && d.SharedAt == nil && now.After(d.ShareDue)
}
