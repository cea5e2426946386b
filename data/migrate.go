package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A migration is one named, ordered step of the schema. Steps are never edited once
// released: each one works on frozen copies of the tables as they were at that step
// (migrate_steps.go), so a database created by any release upgrades the same way.
type migration struct {
	id string
	up func(tx *gorm.DB) error
}

// schemaMigration records which steps a database has had.
type schemaMigration struct {
	ID        string `gorm:"primaryKey;size:100"`
	AppliedAt time.Time
}

func (schemaMigration) TableName() string { return "schema_migrations" }

var errNewerSchema = errors.New("database schema is newer than this app")

// migrate applies the first n steps that the database has not had yet, each in its own
// transaction. A database that records a step this app does not know was written by a
// newer version and is refused untouched.
func migrate(db *gorm.DB, n int) error {
	if err := db.AutoMigrate(&schemaMigration{}); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var applied []schemaMigration
	if err := db.Find(&applied).Error; err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	done := make(map[string]bool, len(applied))
	for _, a := range applied {
		done[a.ID] = true
	}
	known := make(map[string]bool, len(migrations))
	for _, m := range migrations {
		known[m.id] = true
	}
	for _, a := range applied {
		if !known[a.ID] {
			return fmt.Errorf("migrate: unknown step %q: %w", a.ID, errNewerSchema)
		}
	}
	for _, m := range migrations[:n] {
		if done[m.id] {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := m.up(tx); err != nil {
				return err
			}
			return tx.Create(&schemaMigration{ID: m.id, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.id, err)
		}
	}
	return nil
}
