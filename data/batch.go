package data

import "gorm.io/gorm"

// saveAll saves rows (an import) with save in one transaction: either every one is
// saved or, on the first refusal, none is, and the error is a *RowError.
func saveAll[T any](db *gorm.DB, rows []*T, id func(*T) *uint, save func(*gorm.DB, *T) error) error {
	isNew := newRows(rows, id)
	err := db.Transaction(func(tx *gorm.DB) error {
		for i, r := range rows {
			if err := save(tx, r); err != nil {
				return &RowError{Index: i, Err: err}
			}
		}
		return nil
	})
	if err != nil {
		clearNewIDs(rows, id, isNew)
	}
	return err
}

// newRows marks the rows that have no id yet.
func newRows[T any](rows []*T, id func(*T) *uint) []bool {
	isNew := make([]bool, len(rows))
	for i, r := range rows {
		isNew[i] = *id(r) == 0
	}
	return isNew
}

// clearNewIDs undoes what a rolled-back transaction gave the new rows: the rollback
// undid the rows but not the ids they were given, and saving the same rows again must
// create them instead of updating whatever row takes that id next.
func clearNewIDs[T any](rows []*T, id func(*T) *uint, isNew []bool) {
	for i, r := range rows {
		if isNew[i] {
			*id(r) = 0
		}
	}
}

func memberID(m *Member) *uint { return &m.ID }

// SaveMembers saves many members (an import of a member list) in one transaction,
// each as SaveMember would, with their tags and seats: either every one is saved or,
// on the first refusal, none is, and the error is a *RowError whose Index is the
// position in ms.
//
// A list of thousands is written a table at a time; when that cannot give exactly
// what saving the members one by one would (a clash of QQ numbers, an unknown group),
// it is rolled back and the members are saved one by one, which names the first
// member refused.
func (s *Store) SaveMembers(ms []*Member) error {
	isNew := newRows(ms, memberID)
	if err := s.db.Transaction(func(tx *gorm.DB) error { return saveMembersBulk(tx, ms) }); err == nil {
		return nil
	}
	clearNewIDs(ms, memberID, isNew)
	return saveAll(s.db, ms, memberID, saveMember)
}
