package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0010 created them.
type (
	// v10Poll is a poll (投票) of a group: a question, options and a close time.
	v10Poll struct {
		ID        uint       `gorm:"primaryKey"`
		GroupID   *uint      `gorm:"index"`
		Group     *v1Group   `gorm:"constraint:OnDelete:SET NULL"`
		Question  string     `gorm:"size:200;not null"`
		ClosesAt  time.Time  `gorm:"not null;index"`
		ClosedAt  *time.Time `gorm:"index"`
		Source    string     `gorm:"size:16;not null;default:''"` // '', typed, counted
		CreatedAt time.Time  `gorm:"not null"`
		UpdatedAt time.Time
	}
	// v10PollOption is one option of a poll, optionally naming a category or resource.
	v10PollOption struct {
		ID         uint        `gorm:"primaryKey"`
		PollID     uint        `gorm:"not null;index"`
		Poll       v10Poll     `gorm:"constraint:OnDelete:CASCADE"`
		Position   int         `gorm:"not null"`
		Label      string      `gorm:"size:60;not null"`
		CategoryID *uint       `gorm:"index"`
		Category   *v1Category `gorm:"constraint:OnDelete:SET NULL"`
		ResourceID *uint       `gorm:"index"`
		Resource   *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		Votes      int         `gorm:"not null;default:0"`
	}
	// v10PollVote is one member's counted vote, read from a pasted chat line.
	v10PollVote struct {
		ID       uint          `gorm:"primaryKey"`
		PollID   uint          `gorm:"not null;index"`
		Poll     v10Poll       `gorm:"constraint:OnDelete:CASCADE"`
		OptionID uint          `gorm:"not null;index"`
		Option   v10PollOption `gorm:"constraint:OnDelete:CASCADE"`
		QQ       string        `gorm:"size:12;not null"`
		Name     string        `gorm:"size:60;not null;default:''"`
		At       time.Time     `gorm:"not null"`
		Line     int           `gorm:"not null;default:0"`
		Text     string        `gorm:"size:500;not null;default:''"`
	}
)

func (v10Poll) TableName() string       { return "polls" }
func (v10PollOption) TableName() string { return "poll_options" }
func (v10PollVote) TableName() string   { return "poll_votes" }

// createPolls is step 0010: polls, their options (with the counts that are the
// demand weights) and the votes counted from pasted chat.
func createPolls(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v10Poll{}, &v10PollOption{}, &v10PollVote{})
}
