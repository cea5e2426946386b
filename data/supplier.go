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

// Suppliers lists suppliers by name in dictionary order (CompareNames).
func (s *Store) Suppliers() ([]Supplier, error) {
	var ss []Supplier
	if err := s.db.Find(&ss).Error; err != nil {
		return nil, fmt.Errorf("list suppliers: %w", err)
	}
	SortByName(ss, func(sp *Supplier) string { return sp.Name }, nil)
	return ss, nil
}

// SaveSupplier checks sp and creates it (ID 0) or updates it. A name another supplier
// already has is refused at the field.
func (s *Store) SaveSupplier(sp *Supplier) error {
	var p problems
	sp.Name = checkText(&p, "supplier", "供应商", sp.Name, MaxShortLen, true)
	sp.Contact = checkText(&p, "contact", "联系方式", sp.Contact, MaxShortLen, false)
	sp.Notes = checkText(&p, "notes", "备注", sp.Notes, MaxNotesLen, false)
	if err := p.err(); err != nil {
		return err
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Supplier{}).Where("name = ? AND id <> ?", sp.Name, sp.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("save supplier: %w", err)
		}
		if n > 0 {
			return ValidationError{{Field: "supplier", Message: "已经有叫「" + sp.Name + "」的供应商了，请换个名称或编辑原来那家"}}
		}
		if err := tx.Save(sp).Error; err != nil {
			return fmt.Errorf("save supplier: %w", err)
		}
		return nil
	})
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
