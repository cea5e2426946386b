package data

import (
	"fmt"
	"strings"

	"golang.org/x/text/width"

	"gorm.io/gorm"
)

// v3Resource is the part of resources that step 0003 touches: a folded copy of the
// name, uniquely indexed, so the duplicate check of a save or an import is one index
// lookup instead of a scan of the catalog (LOWER(name) can use no index).
type v3Resource struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `gorm:"size:60;not null"`
	NameKey string `gorm:"size:60;not null;default:'';uniqueIndex:idx_resources_name_key"`
}

func (v3Resource) TableName() string { return "resources" }

// addResourceNameKey is step 0003: it fills the new column for the rows already there.
func addResourceNameKey(tx *gorm.DB) error {
	if err := tx.Migrator().AddColumn(&v3Resource{}, "NameKey"); err != nil {
		return err
	}
	var rs []v3Resource
	if err := tx.Select("id", "name").Order("id").Find(&rs).Error; err != nil {
		return err
	}
	taken := make(map[string]bool, len(rs))
	for _, r := range rs {
		key := v3NameKey(r.Name)
		if taken[key] {
			// Names that only differ in case or width got in before this step; both
			// stay, and the owner is asked to rename when either is next saved.
			key = fmt.Sprintf("%s#%d", key, r.ID)
		}
		taken[key] = true
		if err := tx.Model(&v3Resource{}).Where("id = ?", r.ID).Update("name_key", key).Error; err != nil {
			return err
		}
	}
	return tx.Migrator().CreateIndex(&v3Resource{}, "idx_resources_name_key")
}

// v3NameKey is NameKey as it was when this step landed, frozen here so that a later
// change to NameKey cannot change how an old database upgrades.
func v3NameKey(name string) string {
	return strings.ToLower(width.Fold.String(strings.TrimSpace(name)))
}
