package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// errResourcesNotBulk says a list cannot be saved a table at a time with the same result
// as one by one; SaveResources then saves it one by one, which names the refused row.
var errResourcesNotBulk = errors.New("resources need saving one by one")

// saveResourcesBulk does what saveResource does for each of rs, a table at a time: a
// few statements per 500 rows instead of four per row (an import of thousands, the
// demo's 20,000). It refuses with errResourcesNotBulk every list where the result could
// differ from saving one by one: a row that fails its checks, a name twice, a name
// another resource holds, an id twice or of no resource.
func saveResourcesBulk(tx *gorm.DB, rs []*Resource) error {
	if err := checkBulkResources(tx, rs); err != nil {
		return err
	}
	cats := map[string]Category{}
	sups := map[string]*uint{}
	var added, updated []*Resource
	for _, r := range rs {
		if err := linkResource(tx, r, cats, sups); err != nil {
			return err
		}
		r.SearchKey = resourceSearchKey(r)
		if r.ID == 0 {
			added = append(added, r)
		} else {
			updated = append(updated, r)
		}
	}
	if len(added) > 0 {
		if err := tx.Omit(clause.Associations).CreateInBatches(&added, bulkChunk).Error; err != nil {
			return fmt.Errorf("save resources: %w", err)
		}
	}
	for _, r := range updated {
		if err := tx.Omit(clause.Associations).Save(r).Error; err != nil {
			return fmt.Errorf("save resource: %w", err)
		}
	}
	return nil
}

// linkResource gives r its category and supplier by name, as saveResource does, adding
// each new one once: cats and sups remember what this save has found or added.
func linkResource(tx *gorm.DB, r *Resource, cats map[string]Category, sups map[string]*uint) error {
	cat, ok := cats[r.Category.Name]
	if !ok {
		var err error
		if cat, err = ensureCategory(tx, r.Category.Name); err != nil {
			return errors.Join(errResourcesNotBulk, err)
		}
		cats[r.Category.Name] = cat
	}
	r.Category, r.CategoryID = cat, cat.ID
	r.SupplierID = nil
	if r.Supplier != nil {
		id, ok := sups[r.Supplier.Name]
		if !ok {
			var err error
			if id, err = ensureSupplier(tx, r.Supplier.Name); err != nil {
				return errors.Join(errResourcesNotBulk, err)
			}
			sups[r.Supplier.Name] = id
		}
		r.SupplierID = id
	}
	if r.SupplierID == nil {
		r.Supplier = nil // a blank name means no supplier
	} else {
		r.Supplier.ID = *r.SupplierID
	}
	return nil
}

// checkBulkResources checks every row as saveResource would and refuses with
// errResourcesNotBulk a list whose rows clash with each other or with the catalog.
func checkBulkResources(tx *gorm.DB, rs []*Resource) error {
	byKey := make(map[string]uint, len(rs))
	seenID := map[uint]bool{}
	var ids []uint
	for _, r := range rs {
		r.Name = strings.TrimSpace(r.Name)
		r.NameKey = NameKey(r.Name)
		if _, dup := byKey[r.NameKey]; dup || seenID[r.ID] || r.check() != nil {
			return errResourcesNotBulk
		}
		byKey[r.NameKey] = r.ID
		if r.ID != 0 {
			seenID[r.ID] = true
			ids = append(ids, r.ID)
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	for part := range slices.Chunk(keys, bulkChunk) {
		var holders []Resource
		if err := tx.Select("id", "name_key").Where("name_key IN ?", part).Find(&holders).Error; err != nil {
			return fmt.Errorf("save resources: %w", err)
		}
		for _, h := range holders {
			if byKey[h.NameKey] != h.ID {
				return errResourcesNotBulk
			}
		}
	}
	for part := range slices.Chunk(ids, bulkChunk) {
		var n int64
		if err := tx.Model(&Resource{}).Where("id IN ?", part).Count(&n).Error; err != nil {
			return fmt.Errorf("save resources: %w", err)
		}
		if n != int64(len(part)) {
			return errResourcesNotBulk
		}
	}
	return nil
}
