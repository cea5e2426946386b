package data

import "time"

// ChatImport is one import of a QQ chat export (导入聊天记录): the file, the chat groups
// chosen, how far it got and what it added. Its messages are written in batches while
// it runs; only the messages of an import whose State is ChatImportDone count anywhere
// (read them through doneChat in insight_store.go). A cancelled or failed import has no
// messages left; one found running when the store opens was interrupted, and its
// messages are removed then.
type ChatImport struct {
	ID         uint      `gorm:"primaryKey"`
	FileName   string    `gorm:"size:255;not null;default:''"`
	Format     string    `gorm:"size:8;not null;default:''"` // "txt" or "json"
	Groups     string    `gorm:"not null;default:''"`        // the chat groups chosen, one a line
	State      string    `gorm:"size:12;not null"`
	Incomplete bool      `gorm:"not null;default:false"` // the file was cut short; the messages before the cut were kept
	Messages   int64     `gorm:"not null;default:0"`     // messages of the chosen groups read
	Added      int64     `gorm:"not null;default:0"`     // of those, new
	Skipped    int64     `gorm:"not null;default:0"`     // of those, already there
	Bytes      int64     `gorm:"not null;default:0"`     // the file's size
	Failure    string    `gorm:"size:200;not null;default:''"`
	StartedAt  time.Time `gorm:"not null"`
	FinishedAt *time.Time
}

// The states of a chat import.
const (
	ChatImportRunning   = "running"
	ChatImportDone      = "done"
	ChatImportCancelled = "cancelled"
	ChatImportFailed    = "failed"
)

// ChatMessage is one imported chat message. At is UTC. GroupID is the app's group the
// owner mapped the chat group to; MemberID the member with the sender's QQ number, when
// the app knows one. DedupeKey identifies the message across imports (ChatKey): a
// second import of the same or an overlapping file adds nothing twice.
type ChatMessage struct {
	ID          uint      `gorm:"primaryKey"`
	GroupID     *uint     `gorm:"index:idx_chat_group_at,priority:1"`
	ChatGroup   string    `gorm:"size:100;not null;default:''"`
	ChatGroupQQ string    `gorm:"column:chat_group_qq;size:12;not null;default:''"`
	At          time.Time `gorm:"not null;index:idx_chat_group_at,priority:2"`
	SenderQQ    string    `gorm:"column:sender_qq;size:12;not null;default:''"`
	SenderMail  string    `gorm:"size:100;not null;default:''"`
	SenderName  string    `gorm:"size:100;not null;default:''"`
	Title       string    `gorm:"size:30;not null;default:''"`
	MemberID    *uint     `gorm:"index"`
	Kind        uint8     `gorm:"not null;default:0"` // chatlog.Kind: 0 text, 1 system, 2 recalled
	Text        string    `gorm:"not null;default:''"`
	Mentions    string    `gorm:"not null;default:''"` // names @-ed, one a line
	ImportID    uint      `gorm:"not null;index"`
	DedupeKey   int64     `gorm:"not null;uniqueIndex"`
}
