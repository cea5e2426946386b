package data

import "gorm.io/gorm"

// saveAll saves rows (an import) with save in one transaction: either every one is
// saved or, on the first refusal, none is, and the error is a *RowError.
func saveAll[T any](db *gorm.DB, rows []*T, id func(*T) *uint, save func(*gorm.DB, *T) error) error {
	isNew := make([]bool, len(rows))
	for i, r := range rows {
		isNew[i] = *id(r) == 0
	}
	err := db.Transaction(func(tx *gorm.DB) error {
		for i, r := range rows {
			if err := save(tx, r); err != nil {
				return &RowError{Index: i, Err: err}
			}
		}
		return nil
	})
	if err != nil {
		// The rollback undid the rows but not the ids they were given: clear them, so
		// saving the same rows again creates them instead of updating whatever row
		// takes that id next.
		for i, r := range rows {
			if isNew[i] {
				*id(r) = 0
			}
		}
	}
	return err
}

// SaveMembers saves many members (an import of a member list) in one transaction,
// each as SaveMember would: either every one is saved or, on the first refusal, none
// is, and the error is a *RowError whose Index is the position in ms.
func (s *Store) SaveMembers(ms []*Member) error {
	return saveAll(s.db, ms, func(m *Member) *uint { return &m.ID }, saveMember)
}
