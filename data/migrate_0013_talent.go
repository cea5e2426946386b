package data

import (
	"time"

	"gorm.io/gorm"
)

// v13TalentMonth is a confirmed month's 资源达人 of a group, as step 0013 created it.
type v13TalentMonth struct {
	ID          uint      `gorm:"primaryKey"`
	GroupID     uint      `gorm:"not null;uniqueIndex:idx_talent_month,priority:1"`
	Group       v1Group   `gorm:"constraint:OnDelete:CASCADE"`
	Month       string    `gorm:"size:7;not null;uniqueIndex:idx_talent_month,priority:2"` // 2026-11
	WinnerID    uint      `gorm:"not null;index"`
	Winner      v1Member  `gorm:"constraint:OnDelete:RESTRICT"`
	WinnerName  string    `gorm:"size:60;not null;default:''"`
	Score       int       `gorm:"not null;default:0"`
	Weights     string    `gorm:"size:200;not null;default:''"`
	Top         string    `gorm:"type:text;not null"` // JSON: the top three with scores and parts
	ByName      string    `gorm:"size:30;not null;default:''"`
	ConfirmedAt time.Time `gorm:"not null"`
}

func (v13TalentMonth) TableName() string { return "talent_months" }

// createTalentMonths is step 0013: the months whose 资源达人 the owner confirmed, one per
// group and month.
func createTalentMonths(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v13TalentMonth{})
}
