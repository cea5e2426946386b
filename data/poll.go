package data

import "time"

// Poll is a poll (投票) of a group: members reply with an option number in the chat
// (or vote in QQ's own 群投票), and the owner records the counts here. Closed polls'
// counts are the group's demand weights (DemandWeights).
type Poll struct {
	ID        uint       `gorm:"primaryKey"`
	GroupID   *uint      `gorm:"index"`
	Question  string     `gorm:"size:200;not null"`
	ClosesAt  time.Time  `gorm:"not null;index"`
	ClosedAt  *time.Time `gorm:"index"`
	Source    PollSource `gorm:"size:16;not null;default:''"`
	CreatedAt time.Time  `gorm:"not null"`
	UpdatedAt time.Time
	Options   []PollOption `gorm:"foreignKey:PollID"`
}

// PollSource says where a poll's counts came from.
type PollSource string

// The sources of a poll's counts.
const (
	PollUncounted PollSource = ""        // nothing recorded yet
	PollTyped     PollSource = "typed"   // counts typed in (e.g. from QQ's 群投票)
	PollCounted   PollSource = "counted" // votes counted from pasted chat replies
)

// Label is the source in the owner's words.
func (s PollSource) Label() string {
	switch s {
	case PollTyped:
		return "手动填写"
	case PollCounted:
		return "从聊天记录统计"
	}
	return "未记录"
}

// PollOption is one option of a poll, in order, optionally naming the category or
// resource it stands for; Votes is its recorded count.
type PollOption struct {
	ID         uint   `gorm:"primaryKey"`
	PollID     uint   `gorm:"not null;index"`
	Position   int    `gorm:"not null"`
	Label      string `gorm:"size:60;not null"`
	CategoryID *uint  `gorm:"index"`
	ResourceID *uint  `gorm:"index"`
	Votes      int    `gorm:"not null;default:0"`
}

// PollVote is one member's counted vote, with the chat line it was read from.
type PollVote struct {
	ID       uint      `gorm:"primaryKey"`
	PollID   uint      `gorm:"not null;index"`
	OptionID uint      `gorm:"not null;index"`
	QQ       string    `gorm:"size:12;not null"`
	Name     string    `gorm:"size:60;not null;default:''"`
	At       time.Time `gorm:"not null"`
	Line     int       `gorm:"not null;default:0"`
	Text     string    `gorm:"size:500;not null;default:''"`
}

// Closed reports whether the poll was closed.
func (p Poll) Closed() bool { return p.ClosedAt != nil }

// Total is the sum of the options' counts.
func (p Poll) Total() int {
	n := 0
	for _, o := range p.Options {
		n += o.Votes
	}
	return n
}
