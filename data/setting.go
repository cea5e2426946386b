package data

import (
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Setting is one thing the app keeps with the data rather than in the computer's
// preferences, so that a backup, a copied data folder or a second computer carries it:
// the owner's choices and what the app remembers about this database.
type Setting struct {
	Key       string `gorm:"primaryKey;size:60"`
	Value     string `gorm:"type:text;not null"`
	UpdatedAt time.Time
}

// MaxSettingKeyLen is the longest setting key, in bytes.
const MaxSettingKeyLen = 60

// Keys of the settings that have typed accessors below; read and write them only
// through those.
const (
	settingCurrentGroup = "current_group_id"
	settingLastBackup   = "last_backup_at"
	settingLowStock     = "low_stock_threshold"
)

// DefaultLowStockThreshold is the stock below which a counted resource is 库存不足
// until the owner chooses another line.
const DefaultLowStockThreshold = 5

// MaxLowStockThreshold is the highest line an owner may set.
const MaxLowStockThreshold = 1000

// Setting returns the value kept under key, or ok=false when there is none.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	return getSetting(s.db, key)
}

// SetSetting keeps value under key, replacing what was there.
func (s *Store) SetSetting(key, value string) error {
	return setSetting(s.db, key, value)
}

func getSetting(db *gorm.DB, key string) (string, bool, error) {
	if err := checkSettingKey(key); err != nil {
		return "", false, err
	}
	var st Setting
	// Conditions from a struct: GORM quotes the column, and key is reserved in MySQL.
	err := db.Where(&Setting{Key: key}).Take(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("load setting %s: %w", key, err)
	}
	return st.Value, true, nil
}

func setSetting(db *gorm.DB, key, value string) error {
	if err := checkSettingKey(key); err != nil {
		return err
	}
	// INSERT … ON CONFLICT, written by the dialect: one statement, no read first.
	err := db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"}),
	}).Create(&Setting{Key: key, Value: value}).Error
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}

func deleteSetting(db *gorm.DB, key string) error {
	if err := db.Where(&Setting{Key: key}).Delete(&Setting{}).Error; err != nil {
		return fmt.Errorf("clear setting %s: %w", key, err)
	}
	return nil
}

func checkSettingKey(key string) error {
	if key == "" || len(key) > MaxSettingKeyLen || !utf8.ValidString(key) {
		return fmt.Errorf("setting key %q: empty, longer than %d bytes or not UTF-8", key, MaxSettingKeyLen)
	}
	return nil
}

// CurrentGroupID is the group the owner last worked on, or 0 when none was chosen or
// that group has since been deleted.
func (s *Store) CurrentGroupID() (uint, error) {
	var id uint
	err := s.db.Transaction(func(tx *gorm.DB) error {
		v, ok, err := getSetting(tx, settingCurrentGroup)
		if err != nil || !ok {
			return err
		}
		n, err := strconv.ParseUint(v, 10, 0)
		if err != nil {
			return fmt.Errorf("setting %s = %q: %w", settingCurrentGroup, v, err)
		}
		var found int64
		if err := tx.Model(&Group{}).Where("id = ?", n).Count(&found).Error; err != nil {
			return err
		}
		if found > 0 {
			id = uint(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("current group: %w", err)
	}
	return id, nil
}

// SetCurrentGroupID remembers the group the owner works on; 0 forgets it. A group
// that does not exist is ErrNotFound.
func (s *Store) SetCurrentGroupID(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		if id == 0 {
			return deleteSetting(tx, settingCurrentGroup)
		}
		var found int64
		if err := tx.Model(&Group{}).Where("id = ?", id).Count(&found).Error; err != nil {
			return fmt.Errorf("set current group: %w", err)
		}
		if found == 0 {
			return fmt.Errorf("set current group %d: %w", id, ErrNotFound)
		}
		return setSetting(tx, settingCurrentGroup, strconv.FormatUint(uint64(id), 10))
	})
}

// LastBackupAt is when Backup last wrote a copy of this database, in UTC; ok is false
// when it never has.
func (s *Store) LastBackupAt() (at time.Time, ok bool, err error) {
	return lastBackupAt(s.db)
}

func lastBackupAt(db *gorm.DB) (at time.Time, ok bool, err error) {
	v, ok, err := getSetting(db, settingLastBackup)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	at, err = time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("setting %s = %q: %w", settingLastBackup, v, err)
	}
	return at.UTC(), true, nil
}

// recordBackup keeps the time of a backup that was written.
func (s *Store) recordBackup(at time.Time) error {
	return setSetting(s.db, settingLastBackup, at.UTC().Format(time.RFC3339Nano))
}

// LowStockThreshold is the line below which a counted resource on sale is 库存不足:
// DefaultLowStockThreshold until the owner sets another.
func (s *Store) LowStockThreshold() (int, error) {
	return lowStockThreshold(s.db)
}

func lowStockThreshold(db *gorm.DB) (int, error) {
	v, ok, err := getSetting(db, settingLowStock)
	if err != nil || !ok {
		return DefaultLowStockThreshold, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return DefaultLowStockThreshold, fmt.Errorf("setting %s = %q: %w", settingLowStock, v, err)
	}
	return n, nil
}

// SetLowStockThreshold sets the low-stock line; one outside 1 to MaxLowStockThreshold
// is refused at the field low_stock_threshold.
func (s *Store) SetLowStockThreshold(n int) error {
	if n < 1 || n > MaxLowStockThreshold {
		return ValidationError{{Field: "low_stock_threshold",
			Message: fmt.Sprintf("库存预警线须在 1 到 %d 之间，请重新填写", MaxLowStockThreshold)}}
	}
	return setSetting(s.db, settingLowStock, strconv.Itoa(n))
}
