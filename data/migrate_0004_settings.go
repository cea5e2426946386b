package data

import (
	"time"

	"gorm.io/gorm"
)

// v4Setting is the settings table as step 0004 created it: one row per setting, its
// value as text. Plain columns and a primary key, so the same step runs on PostgreSQL.
type v4Setting struct {
	Key       string `gorm:"primaryKey;size:60"`
	Value     string `gorm:"type:text;not null"`
	UpdatedAt time.Time
}

func (v4Setting) TableName() string { return "settings" }

// createSettings is step 0004: the owner's settings and what the app remembers about
// the data (the current group, the last backup), kept with the data so that a backup
// or another computer carries them along.
func createSettings(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v4Setting{})
}
