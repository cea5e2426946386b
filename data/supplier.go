package data

import (
	"fmt"

	"gorm.io/gorm"
)

// Supplier is where resources come from (上家/货源). Its reliability is judged later
// from the resources it supplied.
type Supplier struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `gorm:"size:60;not null;uniqueIndex"`
	Contact string `gorm:"size:60;not null;default:''"`
	Notes   string `gorm:"size:500;not null;default:''"`
}

// Suppliers lists suppliers by name.
func (s *Store) Suppliers() ([]Supplier, error) {
	var ss []Supplier
	if err := s.db.Order("name").Find(&ss).Error; err != nil {
		return nil, fmt.Errorf("list suppliers: %w", err)
	}
	return ss, nil
}

// ensureSupplier returns the supplier called name, adding it when new; an empty name
// means no supplier.
func ensureSupplier(tx *gorm.DB, name string) (*uint, error) {
	var p problems
	name = checkText(&p, "supplier", "供应商", name, MaxShortLen, false)
	if err := p.err(); err != nil || name == "" {
		return nil, err
	}
	var sup Supplier
	if err := tx.Where("name = ?", name).Limit(1).Find(&sup).Error; err != nil {
		return nil, fmt.Errorf("find supplier: %w", err)
	}
	if sup.ID == 0 {
		sup.Name = name
		if err := tx.Create(&sup).Error; err != nil {
			return nil, fmt.Errorf("add supplier: %w", err)
		}
	}
	return &sup.ID, nil
}
