package data

import (
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// settingDemo keeps what the demo data added (DemoRecords, as JSON), so 删除示例数据
// removes those records and nothing of the owner's.
const settingDemo = "demo_records"

// DemoRecords are the IDs of the records the demo data added.
type DemoRecords struct {
	Groups     []uint `json:"groups,omitempty"`
	Categories []uint `json:"categories,omitempty"`
	Suppliers  []uint `json:"suppliers,omitempty"`
	Resources  []uint `json:"resources,omitempty"`
	Members    []uint `json:"members,omitempty"`
}

// Empty tells whether there is nothing left to remove.
func (d DemoRecords) Empty() bool {
	return len(d.Groups)+len(d.Categories)+len(d.Suppliers)+len(d.Resources)+len(d.Members) == 0
}

// demoTables are the tables the demo data writes, with where their IDs are kept.
func (d *DemoRecords) tables() []struct {
	model any
	ids   *[]uint
} {
	return []struct {
		model any
		ids   *[]uint
	}{
		{&Group{}, &d.Groups}, {&Category{}, &d.Categories}, {&Supplier{}, &d.Suppliers},
		{&Resource{}, &d.Resources}, {&Member{}, &d.Members},
	}
}

// AddDemo runs fill, which writes the demo data through tx, in one transaction and
// records what it added: every row of those tables made by it (IDs above the largest
// before it). Records it only changed (a member it gave a seat) are not the demo's.
func (s *Store) AddDemo(fill func(tx *Store) error) error {
	return s.Transaction(func(tx *Store) error {
		var before DemoRecords
		maxes := map[int]uint{}
		for i, t := range before.tables() {
			var max uint
			if err := tx.db.Model(t.model).Select("COALESCE(MAX(id), 0)").Scan(&max).Error; err != nil {
				return fmt.Errorf("add demo: %w", err)
			}
			maxes[i] = max
		}
		if err := fill(tx); err != nil {
			return err
		}
		added, err := demoRecords(tx.db)
		if err != nil {
			return err
		}
		for i, t := range added.tables() {
			var ids []uint
			if err := tx.db.Model(before.tables()[i].model).Where("id > ?", maxes[i]).Order("id").Pluck("id", &ids).Error; err != nil {
				return fmt.Errorf("add demo: %w", err)
			}
			*t.ids = append(*t.ids, ids...)
		}
		return saveDemoRecords(tx.db, added)
	})
}

// DemoRecords is what the demo data added that 删除示例数据 has not removed yet.
func (s *Store) DemoRecords() (DemoRecords, error) { return demoRecords(s.db) }

func demoRecords(db *gorm.DB) (DemoRecords, error) {
	var d DemoRecords
	text, ok, err := getSetting(db, settingDemo)
	if err != nil || !ok {
		return d, err
	}
	if err := json.Unmarshal([]byte(text), &d); err != nil {
		return DemoRecords{}, fmt.Errorf("read the demo records: %w", err)
	}
	return d, nil
}

func saveDemoRecords(db *gorm.DB, d DemoRecords) error {
	if d.Empty() {
		return db.Where(&Setting{Key: settingDemo}).Delete(&Setting{}).Error
	}
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return setSetting(db, settingDemo, string(b))
}

// RemoveDemo deletes what the demo data added, in one transaction, through the same
// rules as deleting by hand: a demo resource a post named, or a demo member with trades
// or tickets, is kept (and so is its category or supplier), and stays recorded so a
// later removal tries again. It returns how many records were removed and kept.
func (s *Store) RemoveDemo() (removed, kept int, err error) {
	err = s.Transaction(func(tx *Store) error {
		removed, kept = 0, 0
		d, err := demoRecords(tx.db)
		if err != nil {
			return err
		}
		var left DemoRecords
		steps := []struct {
			ids    []uint
			left   *[]uint
			delete func(id uint) error
		}{
			{d.Resources, &left.Resources, tx.DeleteResource},
			{d.Members, &left.Members, tx.DeleteMember},
			{d.Groups, &left.Groups, tx.DeleteGroup},
			{d.Categories, &left.Categories, tx.DeleteCategory},
			{d.Suppliers, &left.Suppliers, tx.deleteUnusedSupplier},
		}
		for _, st := range steps {
			for _, id := range st.ids {
				switch err := st.delete(id); {
				case err == nil:
					removed++
				case errors.Is(err, ErrNotFound): // the owner deleted it already
				case errors.Is(err, ErrInUse):
					kept++
					*st.left = append(*st.left, id)
				default:
					return err
				}
			}
		}
		return saveDemoRecords(tx.db, left)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("remove demo: %w", err)
	}
	return removed, kept, nil
}

// deleteUnusedSupplier deletes a supplier no resource names; one still named is in use.
func (s *Store) deleteUnusedSupplier(id uint) error {
	var n int64
	if err := s.db.Model(&Resource{}).Where("supplier_id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("delete supplier %d with %d resources: %w", id, n, ErrInUse)
	}
	res := s.db.Delete(&Supplier{}, id)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}
