package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0006 created them.
type (
	// v6Request is a member's 求…: what they asked, when, and how it was answered.
	v6Request struct {
		ID         uint        `gorm:"primaryKey"`
		MemberID   uint        `gorm:"not null;index"`
		Member     v1Member    `gorm:"constraint:OnDelete:CASCADE"`
		GroupID    *uint       `gorm:"index"`
		Group      *v1Group    `gorm:"constraint:OnDelete:SET NULL"`
		Text       string      `gorm:"size:200;not null"`                  // as the owner typed it
		ItemKey    string      `gorm:"size:100;not null;default:'';index"` // normalized item, for the demand board
		CategoryID *uint       `gorm:"index"`
		Category   *v1Category `gorm:"constraint:OnDelete:SET NULL"`
		State      string      `gorm:"size:16;not null;index"`
		ResourceID *uint       `gorm:"index"` // the resource the reply offered
		Resource   *v1Resource `gorm:"constraint:OnDelete:SET NULL"`
		AskedAt    time.Time   `gorm:"not null;index"`
		RepliedAt  *time.Time
		ClosedAt   *time.Time
		CreatedAt  time.Time
		UpdatedAt  time.Time
	}
	// v6Synonym is one word the owner (or the app's defaults) says means another when
	// searching: 月卡 ~ 会员.
	v6Synonym struct {
		ID        uint   `gorm:"primaryKey"`
		Word      string `gorm:"size:30;not null;uniqueIndex:idx_synonym"`
		Means     string `gorm:"size:30;not null;uniqueIndex:idx_synonym"`
		CreatedAt time.Time
	}
	// v6Notice records that a member was told about a resource, so nobody is pushed the
	// same thing twice.
	v6Notice struct {
		ID         uint       `gorm:"primaryKey"`
		MemberID   uint       `gorm:"not null;index:idx_notice"`
		Member     v1Member   `gorm:"constraint:OnDelete:CASCADE"`
		ResourceID uint       `gorm:"not null;index:idx_notice"`
		Resource   v1Resource `gorm:"constraint:OnDelete:CASCADE"`
		Way        string     `gorm:"size:16;not null"` // group post, private message, @
		At         time.Time  `gorm:"not null"`
	}
	// v6TagDecision is the owner's answer to a suggested tag: accepted or dismissed, so
	// a dismissed suggestion does not come back.
	v6TagDecision struct {
		ID       uint     `gorm:"primaryKey"`
		MemberID uint     `gorm:"not null;uniqueIndex:idx_tag_decision"`
		Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
		Kind     string   `gorm:"size:16;not null;uniqueIndex:idx_tag_decision"`
		Value    string   `gorm:"size:30;not null;uniqueIndex:idx_tag_decision"`
		Decision string   `gorm:"size:16;not null"`
		At       time.Time
	}
)

func (v6Request) TableName() string     { return "requests" }
func (v6Synonym) TableName() string     { return "synonyms" }
func (v6Notice) TableName() string      { return "notices" }
func (v6TagDecision) TableName() string { return "tag_decisions" }

// createRequestsAndMatching is step 0006: members' requests (求…), the owner's search
// synonyms, who was told about what, and the owner's answers to suggested tags.
func createRequestsAndMatching(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v6Request{}, &v6Synonym{}, &v6Notice{}, &v6TagDecision{})
}
