package data

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// Category groups resources in the catalog and in the index post, in Position order.
type Category struct {
	ID       uint   `gorm:"primaryKey"`
	Name     string `gorm:"size:20;not null;uniqueIndex"`
	Position int    `gorm:"not null;default:0"`
}

// DefaultCategories are the categories a new database starts with.
var DefaultCategories = []string{"游戏类", "影音类", "生活类", "话费类"}

// MaxCategoryLen is the longest category name, in characters.
const MaxCategoryLen = 20

// Categories lists the categories in the owner's order.
func (s *Store) Categories() ([]Category, error) {
	var cs []Category
	if err := s.db.Order("position, id").Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return cs, nil
}

// AddCategory adds a category at the end of the list.
func (s *Store) AddCategory(name string) (Category, error) {
	var c Category
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		c, err = ensureCategory(tx, name)
		return err
	})
	return c, err
}

// ensureCategory returns the category called name, adding it at the end when new.
func ensureCategory(tx *gorm.DB, name string) (Category, error) {
	var p problems
	name = checkText(&p, "category", "分类名称", name, MaxCategoryLen, true)
	if err := p.err(); err != nil {
		return Category{}, err
	}
	var c Category
	err := tx.Where("name = ?", name).Limit(1).Find(&c).Error
	if err != nil || c.ID != 0 {
		return c, err
	}
	var last struct{ Max int }
	if err := tx.Model(&Category{}).Select("COALESCE(MAX(position), 0) AS max").Scan(&last).Error; err != nil {
		return c, fmt.Errorf("add category: %w", err)
	}
	c = Category{Name: name, Position: last.Max + 1}
	if err := tx.Create(&c).Error; err != nil {
		return c, fmt.Errorf("add category: %w", err)
	}
	return c, nil
}

// RenameCategory gives a category a new name that no other category has.
func (s *Store) RenameCategory(id uint, name string) error {
	var p problems
	name = checkText(&p, "category", "分类名称", name, MaxCategoryLen, true)
	if err := p.err(); err != nil {
		return err
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Category{}).Where("name = ? AND id <> ?", name, id).Count(&n).Error; err != nil {
			return fmt.Errorf("rename category: %w", err)
		}
		if n > 0 {
			return ValidationError{{Field: "category", Message: "已经有叫「" + name + "」的分类了"}}
		}
		res := tx.Model(&Category{}).Where("id = ?", id).Update("name", name)
		if res.Error != nil {
			return fmt.Errorf("rename category: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("rename category %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// MoveCategory moves a category one place up (delta -1) or down (+1); at either end it
// stays put. Positions are renumbered 1..n so they never collide.
func (s *Store) MoveCategory(id uint, delta int) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var cs []Category
		if err := tx.Order("position, id").Find(&cs).Error; err != nil {
			return fmt.Errorf("move category: %w", err)
		}
		from := -1
		for i, c := range cs {
			if c.ID == id {
				from = i
			}
		}
		if from < 0 {
			return fmt.Errorf("move category %d: %w", id, ErrNotFound)
		}
		to := from + delta
		if to < 0 || to >= len(cs) {
			return nil
		}
		cs[from], cs[to] = cs[to], cs[from]
		for i := range cs {
			if err := tx.Model(&Category{}).Where("id = ?", cs[i].ID).Update("position", i+1).Error; err != nil {
				return fmt.Errorf("move category: %w", err)
			}
		}
		return nil
	})
}

// DeleteCategory removes an empty category; one that still holds resources is
// ErrInUse, one that does not exist (deleted meanwhile) ErrNotFound.
func (s *Store) DeleteCategory(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Resource{}).Where("category_id = ?", id).Count(&n).Error; err != nil {
			return fmt.Errorf("delete category: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("delete category %d with %d resources: %w", id, n, ErrInUse)
		}
		res := tx.Delete(&Category{}, id)
		if res.Error != nil {
			return fmt.Errorf("delete category: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete category %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

func trimmed(s string) string { return strings.TrimSpace(s) }
