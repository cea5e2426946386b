package data

import "time"

// RuleVersion is one saved version of the group rules (群规): every save is a new
// version, and earlier ones stay readable.
type RuleVersion struct {
	ID        uint   `gorm:"primaryKey"`
	GroupID   *uint  `gorm:"index"`
	Note      string `gorm:"size:200;not null;default:''"`
	CreatedAt time.Time
	Sections  []RuleSection `gorm:"foreignKey:VersionID"`
}

// RuleSection is one section of a version of the rules, in order.
type RuleSection struct {
	ID        uint   `gorm:"primaryKey"`
	VersionID uint   `gorm:"not null;index"`
	Position  int    `gorm:"not null"`
	Title     string `gorm:"size:60;not null"`
	Body      string `gorm:"type:text;not null"`
}
