package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0015 created them.
type (
	// v15ChatImport is one import of a chat export file: what was chosen, how far it
	// got, and what it added. Only the messages of an import whose State is done count.
	v15ChatImport struct {
		ID         uint      `gorm:"primaryKey"`
		FileName   string    `gorm:"size:255;not null;default:''"`
		Format     string    `gorm:"size:8;not null;default:''"`
		Groups     string    `gorm:"not null;default:''"` // the chat groups chosen, one a line
		State      string    `gorm:"size:12;not null;index"`
		Incomplete bool      `gorm:"not null;default:false"`
		Messages   int64     `gorm:"not null;default:0"` // messages read from the file
		Added      int64     `gorm:"not null;default:0"`
		Skipped    int64     `gorm:"not null;default:0"`
		Bytes      int64     `gorm:"not null;default:0"`
		Failure    string    `gorm:"size:200;not null;default:''"`
		StartedAt  time.Time `gorm:"not null"`
		FinishedAt *time.Time
	}
	// v15ChatMessage is one message of an imported chat.
	v15ChatMessage struct {
		ID          uint           `gorm:"primaryKey"`
		GroupID     *uint          `gorm:"index:idx_chat_group_at,priority:1"`
		Group       *v1Group       `gorm:"constraint:OnDelete:SET NULL"`
		ChatGroup   string         `gorm:"size:100;not null;default:''"`
		ChatGroupQQ string         `gorm:"column:chat_group_qq;size:12;not null;default:''"`
		At          time.Time      `gorm:"not null;index:idx_chat_group_at,priority:2"`
		SenderQQ    string         `gorm:"column:sender_qq;size:12;not null;default:''"`
		SenderMail  string         `gorm:"size:100;not null;default:''"`
		SenderName  string         `gorm:"size:100;not null;default:''"`
		Title       string         `gorm:"size:30;not null;default:''"`
		MemberID    *uint          `gorm:"index"`
		Member      *v1Member      `gorm:"constraint:OnDelete:SET NULL"`
		Kind        uint8          `gorm:"not null;default:0"`
		Text        string         `gorm:"not null;default:''"`
		Mentions    string         `gorm:"not null;default:''"` // names @-ed, one a line
		ImportID    uint           `gorm:"not null;index"`
		Import      *v15ChatImport `gorm:"constraint:OnDelete:CASCADE"`
		DedupeKey   int64          `gorm:"not null;uniqueIndex"`
	}
)

func (v15ChatImport) TableName() string  { return "chat_imports" }
func (v15ChatMessage) TableName() string { return "chat_messages" }

// createChatMessages is step 0015: imported chat exports and their messages.
func createChatMessages(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v15ChatImport{}, &v15ChatMessage{})
}
