package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0008 created or changed them.
type (
	// v8BlindBox is a resource blind box (资源盲盒) with a verifiable draw.
	v8BlindBox struct {
		ID         uint       `gorm:"primaryKey"`
		GroupID    *uint      `gorm:"index"`
		Group      *v1Group   `gorm:"constraint:OnDelete:SET NULL"`
		Title      string     `gorm:"size:60;not null"`
		Winners    int        `gorm:"not null"`
		OpensAt    time.Time  `gorm:"not null"`
		ClosesAt   time.Time  `gorm:"not null;index"`
		ShareDays  int        `gorm:"not null;default:7"`
		State      string     `gorm:"size:16;not null;index"`
		Seed       string     `gorm:"size:64;not null;default:''"` // hex; secret until drawn
		Commitment string     `gorm:"size:64;not null;default:''"`
		ListHash   string     `gorm:"size:64;not null;default:''"`
		OpenedAt   *time.Time // the seed was made and the commitment fixed
		ClosedAt   *time.Time // the entry list was frozen and numbered
		DrawnAt    *time.Time
		CreatedAt  time.Time
		UpdatedAt  time.Time
	}
	// v8BlindBoxItem is one line of a box's contents.
	v8BlindBoxItem struct {
		ID         uint        `gorm:"primaryKey"`
		BoxID      uint        `gorm:"not null;index"`
		Box        v8BlindBox  `gorm:"foreignKey:BoxID;constraint:OnDelete:CASCADE"`
		ResourceID *uint       `gorm:"index"`
		Resource   *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		Name       string      `gorm:"size:60;not null"` // as the box was filled
		Quantity   int         `gorm:"not null"`
	}
	// v8BlindBoxEntry is one member's entry, with the demand they stated.
	v8BlindBoxEntry struct {
		ID        uint       `gorm:"primaryKey"`
		BoxID     uint       `gorm:"not null;uniqueIndex:idx_blind_box_entry"`
		Box       v8BlindBox `gorm:"foreignKey:BoxID;constraint:OnDelete:CASCADE"`
		MemberID  uint       `gorm:"not null;uniqueIndex:idx_blind_box_entry;index"`
		Member    v1Member   `gorm:"constraint:OnDelete:RESTRICT"`
		RequestID *uint      `gorm:"index"`
		Request   *v6Request `gorm:"constraint:OnDelete:SET NULL"`
		Demand    string     `gorm:"size:200;not null"`
		Number    int        `gorm:"not null;default:0"`           // 1… once the list is frozen
		Label     string     `gorm:"size:100;not null;default:''"` // as frozen into the list
		EnteredAt time.Time  `gorm:"not null"`
	}
	// v8BlindBoxDraw is one pick of a box's draw, appended in stream order.
	v8BlindBoxDraw struct {
		ID         uint            `gorm:"primaryKey"`
		BoxID      uint            `gorm:"not null;index"`
		Box        v8BlindBox      `gorm:"foreignKey:BoxID;constraint:OnDelete:CASCADE"`
		Seq        int             `gorm:"not null"` // 1… the pick's place in the stream
		EntryID    uint            `gorm:"not null;index"`
		Entry      v8BlindBoxEntry `gorm:"foreignKey:EntryID;constraint:OnDelete:RESTRICT"`
		ReplacesID *uint           // the draw this redraw replaces
		VoidedAt   *time.Time      // replaced by a redraw
		VoidReason string          `gorm:"size:100;not null;default:''"`
		DrawnAt    time.Time       `gorm:"not null"`
		ShareDue   time.Time       `gorm:"not null;index"`
		SharedAt   *time.Time
		ShareNote  string `gorm:"size:200;not null;default:''"`
	}
	// v8Request is the part of requests step 0008 adds: where a request came from
	// ("" typed by the owner, "blindbox" an entry's demand).
	v8Request struct {
		ID     uint   `gorm:"primaryKey"`
		Source string `gorm:"size:16;not null;default:''"`
	}
)

func (v8BlindBox) TableName() string      { return "blind_boxes" }
func (v8BlindBoxItem) TableName() string  { return "blind_box_items" }
func (v8BlindBoxEntry) TableName() string { return "blind_box_entries" }
func (v8BlindBoxDraw) TableName() string  { return "blind_box_draws" }
func (v8Request) TableName() string       { return "requests" }

// createBlindBoxes is step 0008.
func createBlindBoxes(tx *gorm.DB) error {
	if err := tx.Migrator().AddColumn(&v8Request{}, "Source"); err != nil {
		return err
	}
	return tx.Migrator().CreateTable(&v8BlindBox{}, &v8BlindBoxItem{}, &v8BlindBoxEntry{}, &v8BlindBoxDraw{})
}
