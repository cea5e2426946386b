package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0014 created them.
type (
	// v14ShareSession is a tips-sharing session (资源使用技巧分享会) of a group.
	v14ShareSession struct {
		ID          uint      `gorm:"primaryKey"`
		GroupID     *uint     `gorm:"index"`
		Group       *v1Group  `gorm:"constraint:OnDelete:SET NULL"`
		Topic       string    `gorm:"size:100;not null"`
		SpeakerID   uint      `gorm:"not null;index"`
		Speaker     v1Member  `gorm:"constraint:OnDelete:RESTRICT"`
		StartsAt    time.Time `gorm:"not null;index"`
		Minutes     int       `gorm:"not null;default:60"`
		How         string    `gorm:"size:16;not null;default:''"`
		Description string    `gorm:"size:1000;not null;default:''"`
		Prepare     string    `gorm:"size:200;not null;default:''"`
		State       string    `gorm:"size:16;not null;index"`
		Summary     string    `gorm:"size:1000;not null;default:''"`
		SearchKey   string    `gorm:"type:text;not null;default:''"`
		PublishedAt *time.Time
		EndedAt     *time.Time
		CreatedAt   time.Time `gorm:"not null"`
		UpdatedAt   time.Time
	}
	// v14ShareSessionAttendee is a member who took part in a session, once per session.
	v14ShareSessionAttendee struct {
		ID        uint            `gorm:"primaryKey"`
		SessionID uint            `gorm:"not null;uniqueIndex:idx_session_attendee,priority:1"`
		Session   v14ShareSession `gorm:"constraint:OnDelete:CASCADE"`
		MemberID  uint            `gorm:"not null;uniqueIndex:idx_session_attendee,priority:2;index"`
		Member    v1Member        `gorm:"constraint:OnDelete:CASCADE"`
		CreatedAt time.Time       `gorm:"not null"`
	}
)

func (v14ShareSession) TableName() string         { return "share_sessions" }
func (v14ShareSessionAttendee) TableName() string { return "share_session_attendees" }

// createShareSessions is step 0014: the tips-sharing sessions (分享会) and who attended.
func createShareSessions(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v14ShareSession{}, &v14ShareSessionAttendee{})
}
