package data_test

import (
	"fmt"

	"github.com/qunhuo/qunhuo/data/rulebook"
	"gorm.io/gorm"
)

// writeRules saves a version of the group's rules with 1 to 6 sections, its note
// stating how many: a version and its sections are two INSERTs in one transaction.
func writeRules(c *crashChild, u *crashUnit) error {
	u.N = 1 + u.Seq%6
	ss := make([]rulebook.Section, u.N)
	for k := range ss {
		ss[k] = rulebook.Section{Title: fmt.Sprintf("%s-%d", u.Key, k), Body: fmt.Sprintf("第 %d 条", k+1)}
	}
	_, err := c.s.SaveRules(c.groupID, fmt.Sprintf("rules %s sections=%d", u.Key, u.N), ss)
	return err
}

// presentRules finds the unit's version by its note.
func presentRules(db *gorm.DB, u crashUnit) error {
	var n int64
	if err := db.Table("rule_versions").Where("note LIKE ?", "rules "+u.Key+" sections=%").Count(&n).Error; err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("rules %s: %d versions, want 1", u.Key, n)
	}
	return nil
}

// checkRuleSections: a version has the sections its note states, at positions 1…n,
// and no section outlives its version.
func checkRuleSections(db *gorm.DB) ([]string, error) {
	var rows []struct {
		ID       uint
		Note     string
		Sections int
		Top      int
	}
	err := db.Raw(`SELECT v.id, v.note,
		(SELECT COUNT(*) FROM rule_sections s WHERE s.version_id = v.id) AS sections,
		(SELECT COALESCE(MAX(position), 0) FROM rule_sections s WHERE s.version_id = v.id) AS top
		FROM rule_versions v WHERE v.note LIKE 'rules % sections=%'`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, r := range rows {
		var key string
		var n int
		if _, err := fmt.Sscanf(r.Note, "rules %s sections=%d", &key, &n); err != nil || r.Sections != n || r.Top != n {
			bad = append(bad, fmt.Sprintf("rule version %d (%q): %d sections, last at %d", r.ID, r.Note, r.Sections, r.Top))
		}
	}
	var orphans []string
	err = db.Raw(`SELECT 'rule section ' || id || ' of no version' FROM rule_sections
		WHERE version_id NOT IN (SELECT id FROM rule_versions)`).Scan(&orphans).Error
	return append(bad, orphans...), err
}
