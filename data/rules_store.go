package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/qunhuo/qunhuo/data/rulebook"
	"gorm.io/gorm"
)

// ErrRulesUnchanged is returned by SaveRules and RestoreRules when the rules would
// say exactly what the current version says: no version is made for nothing.
var ErrRulesUnchanged = errors.New("rules unchanged")

// RuleVersionInfo is one version in a group's history of rules, without its sections.
type RuleVersionInfo struct {
	RuleVersion
	Number int // 1 for the group's first version, counting up
}

// Texts are the version's sections as the rules see them, in order.
func (v RuleVersion) Texts() []rulebook.Section {
	out := make([]rulebook.Section, len(v.Sections))
	for i, s := range v.Sections {
		out[i] = rulebook.Section{Title: s.Title, Body: s.Body}
	}
	return out
}

// CheckRules refuses sections and a note that rulebook.Check finds wrong, as a
// ValidationError whose fields name the section: "title.2" and "body.2" for the third
// section's title and text, "sections" and "note" for the rules as a whole.
func CheckRules(sections []rulebook.Section, note string) error {
	var p problems
	for _, pr := range rulebook.Check(sections, note) {
		field := pr.Field
		if pr.Index >= 0 {
			field += "." + strconv.Itoa(pr.Index)
		}
		p = append(p, &FieldError{Field: field, Message: pr.Message})
	}
	return p.err()
}

// SaveRules keeps sections, tidied, as group groupID's newest version of the rules,
// with note saying what changed: the version and its sections in one transaction.
// Sections that rulebook.Check refuses are a ValidationError (see CheckRules); rules
// that say what the current version says are ErrRulesUnchanged, and nothing is saved.
func (s *Store) SaveRules(groupID uint, note string, sections []rulebook.Section) (RuleVersion, error) {
	if err := CheckRules(sections, note); err != nil {
		return RuleVersion{}, err
	}
	var v RuleVersion
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		v, err = saveRules(tx, groupID, strings.TrimSpace(note), rulebook.TidyAll(sections))
		return err
	})
	if err != nil {
		return RuleVersion{}, fmt.Errorf("save rules of group %d: %w", groupID, err)
	}
	return v, nil
}

func saveRules(tx *gorm.DB, groupID uint, note string, sections []rulebook.Section) (RuleVersion, error) {
	var n int64
	if err := tx.Model(&Group{}).Where("id = ?", groupID).Count(&n).Error; err != nil {
		return RuleVersion{}, err
	}
	if n == 0 {
		return RuleVersion{}, fmt.Errorf("group %d: %w", groupID, ErrNotFound)
	}
	current, ok, err := currentRules(tx, groupID)
	if err != nil {
		return RuleVersion{}, err
	}
	if ok && rulebook.Same(current.Texts(), sections) {
		return RuleVersion{}, ErrRulesUnchanged
	}
	// The version, then its sections in one INSERT: two statements of tx, so that the
	// crash harness can kill between them and find nothing half saved.
	v := RuleVersion{GroupID: &groupID, Note: note}
	if err := tx.Omit("Sections").Create(&v).Error; err != nil {
		return RuleVersion{}, err
	}
	for i, sec := range sections {
		v.Sections = append(v.Sections, RuleSection{VersionID: v.ID, Position: i + 1, Title: sec.Title, Body: sec.Body})
	}
	if err := tx.Create(&v.Sections).Error; err != nil {
		return RuleVersion{}, err
	}
	return v, nil
}

// CurrentRules returns group groupID's newest version of the rules with its sections,
// or ok=false when the group has none yet.
func (s *Store) CurrentRules(groupID uint) (v RuleVersion, ok bool, err error) {
	v, ok, err = currentRules(s.db, groupID)
	if err != nil {
		return RuleVersion{}, false, fmt.Errorf("current rules of group %d: %w", groupID, err)
	}
	return v, ok, nil
}

func currentRules(db *gorm.DB, groupID uint) (RuleVersion, bool, error) {
	var vs []RuleVersion
	if err := db.Where("group_id = ?", groupID).Order("id DESC").Limit(1).Find(&vs).Error; err != nil {
		return RuleVersion{}, false, err
	}
	if len(vs) == 0 {
		return RuleVersion{}, false, nil
	}
	v := vs[0]
	if err := db.Where("version_id = ?", v.ID).Order("position").Find(&v.Sections).Error; err != nil {
		return RuleVersion{}, false, err
	}
	return v, true, nil
}

// RuleHistory lists group groupID's versions of the rules, newest first, numbered
// from 1 for the first, without their sections.
func (s *Store) RuleHistory(groupID uint) ([]RuleVersionInfo, error) {
	var vs []RuleVersion
	if err := s.db.Where("group_id = ?", groupID).Order("id DESC").Find(&vs).Error; err != nil {
		return nil, fmt.Errorf("rule history of group %d: %w", groupID, err)
	}
	out := make([]RuleVersionInfo, len(vs))
	for i, v := range vs {
		out[i] = RuleVersionInfo{RuleVersion: v, Number: len(vs) - i}
	}
	return out, nil
}

// RuleVersionWithSections returns version id of some group's rules with its sections.
func (s *Store) RuleVersionWithSections(id uint) (RuleVersion, error) {
	var v RuleVersion
	err := s.db.Preload("Sections", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).First(&v, id).Error
	if err != nil {
		return RuleVersion{}, notFound(fmt.Sprintf("rule version %d", id), err)
	}
	return v, nil
}

// PreviousRules returns the version of the same group's rules saved just before
// version id, or ok=false for a group's first version.
func (s *Store) PreviousRules(id uint) (prev RuleVersion, ok bool, err error) {
	v, err := s.RuleVersionWithSections(id)
	if err != nil {
		return RuleVersion{}, false, err
	}
	q := s.db.Where("id < ?", id).Order("id DESC").Limit(1)
	if v.GroupID != nil {
		q = q.Where("group_id = ?", *v.GroupID)
	} else {
		q = q.Where("group_id IS NULL")
	}
	var vs []RuleVersion
	if err := q.Find(&vs).Error; err != nil {
		return RuleVersion{}, false, fmt.Errorf("rules before version %d: %w", id, err)
	}
	if len(vs) == 0 {
		return RuleVersion{}, false, nil
	}
	prev, err = s.RuleVersionWithSections(vs[0].ID)
	return prev, err == nil, err
}

// RestoreRules makes earlier version id its group's newest version again, as a new
// version whose note says which one it brings back (history is never edited). A
// version that says what the current one says is ErrRulesUnchanged.
func (s *Store) RestoreRules(id uint, note string) (RuleVersion, error) {
	var v RuleVersion
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var old RuleVersion
		err := tx.Preload("Sections", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).First(&old, id).Error
		if err != nil {
			return notFound(fmt.Sprintf("rule version %d", id), err)
		}
		if old.GroupID == nil {
			return fmt.Errorf("rule version %d belongs to no group: %w", id, ErrNotFound)
		}
		v, err = saveRules(tx, *old.GroupID, strings.TrimSpace(note), old.Texts())
		return err
	})
	if err != nil {
		return RuleVersion{}, fmt.Errorf("restore rules version %d: %w", id, err)
	}
	return v, nil
}

// AllRuleVersions lists every version of every group's rules with its sections,
// oldest first, for the whole-database export.
func (s *Store) AllRuleVersions() ([]RuleVersion, error) {
	var vs []RuleVersion
	err := s.db.Preload("Sections", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Order("id").Find(&vs).Error
	if err != nil {
		return nil, fmt.Errorf("all rule versions: %w", err)
	}
	return vs, nil
}
