package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A migration is one named, ordered step of the schema. Steps are never edited once
// released: each one works on frozen copies of the tables as they were at that step,
// so a database created by any release upgrades the same way.
//
// Adding to the schema: write a new file migrate_000N_what.go holding the step's own
// frozen copies of the tables it creates or changes (vN…, with TableName methods) and
// its step function, then append it to migrations below. Never edit a step that has
// landed on main, nor the frozen copies of another step: a database in an owner's hands
// may already have had it. Fix a mistake with a new step.
type migration struct {
	id string
	up func(tx *gorm.DB) error
}

// migrations is the schema's history, oldest first; each step lives in its own
// migrate_000N_….go file. Append; never edit or reorder.
var migrations = []migration{
	{id: "0001_catalog_and_members", up: createCatalogAndMembers},
	{id: "0002_post_history", up: createPostHistory},
	{id: "0003_resource_name_key", up: addResourceNameKey},
	{id: "0004_settings", up: createSettings},
	{id: "0005_seats_from_qq", up: addSeatsFromQQ},
	{id: "0006_requests_and_matching", up: createRequestsAndMatching},
	{id: "0007_trust", up: createTrust},
	{id: "0008_blind_boxes", up: createBlindBoxes},
	{id: "0009_swaps", up: createSwaps},
	{id: "0010_polls", up: createPolls},
	{id: "0011_points", up: createPoints},
	{id: "0012_redemptions", up: createRedemptions},
	{id: "0013_talent_months", up: createTalentMonths},
	{id: "0014_share_sessions", up: createShareSessions},
	{id: "0015_chat_messages", up: createChatMessages},
	{id: "0016_point_month_index", up: addPointMonthIndex},
}

// SchemaVersion names the newest schema step this app knows, such as "0004_settings":
// what a database it creates or upgrades looks like.
func SchemaVersion() string { return migrations[len(migrations)-1].id }

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
