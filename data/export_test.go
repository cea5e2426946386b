package data

import "gorm.io/gorm"

// DB gives the external tests (package data_test, which may import data/datatest)
// the store's GORM handle, to read what was written around the store's own methods.
func DB(s *Store) *gorm.DB { return s.db }
