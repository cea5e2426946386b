package data

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// CheckTag validates one need tag typed for several members: a motivation must be one
// of Motivations; an interest or segment must be one word of at most MaxTagLen
// characters. It returns the tag trimmed.
func CheckTag(kind TagKind, value string) (string, error) {
	var p problems
	value = strings.TrimSpace(value)
	label := tagKindLabel[kind]
	switch {
	case label == "":
		p.add("tag_kind", "请选择标签的种类")
	case value == "":
		p.add("tag", "%s标签不能为空", label)
	case kind == TagMotivation && !slices.Contains(Motivations, value):
		p.add("tag", "动机只能是 %s", strings.Join(Motivations, "、"))
	case len(SplitTags(value)) != 1 || SplitTags(value)[0] != value:
		p.add("tag", "一次只能加一个%s标签，不能有逗号或空格", label)
	default:
		checkTags(&p, "tag", label+"标签", []string{value})
	}
	return value, p.err()
}

// AddTagToMembers gives every member of ids the tag (kind, value) they do not have
// yet, in one transaction, and returns how many got it. Their search keys follow.
func (s *Store) AddTagToMembers(ids []uint, kind TagKind, value string) (int, error) {
	value, err := CheckTag(kind, value)
	if err != nil {
		return 0, err
	}
	var added int
	err = s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		added, err = addTag(tx, ids, kind, value)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add tag to members: %w", err)
	}
	return added, nil
}

func addTag(tx *gorm.DB, ids []uint, kind TagKind, value string) (int, error) {
	added := 0
	for part := range slices.Chunk(ids, bulkChunk) {
		rows := make([]MemberTag, len(part))
		for i, id := range part {
			rows[i] = MemberTag{MemberID: id, Kind: kind, Value: value}
		}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rows)
		if res.Error != nil {
			return 0, res.Error
		}
		added += int(res.RowsAffected)
	}
	return added, refreshMemberKeys(tx, ids)
}

// RemoveTagFromMembers takes the tag (kind, value) off every member of ids that has
// it, in one transaction, and returns how many lost it.
func (s *Store) RemoveTagFromMembers(ids []uint, kind TagKind, value string) (int, error) {
	value = strings.TrimSpace(value)
	removed := 0
	err := s.db.Transaction(func(tx *gorm.DB) error {
		for part := range slices.Chunk(ids, bulkChunk) {
			res := tx.Where("member_id IN ? AND kind = ? AND value = ?", part, kind, value).Delete(&MemberTag{})
			if res.Error != nil {
				return res.Error
			}
			removed += int(res.RowsAffected)
		}
		return refreshMemberKeys(tx, ids)
	})
	if err != nil {
		return 0, fmt.Errorf("remove tag from members: %w", err)
	}
	return removed, nil
}

// refreshMemberKeys builds the search keys of members again after their tags
// changed: three reads for all of them, then one update each.
func refreshMemberKeys(tx *gorm.DB, ids []uint) error {
	byID := func(db *gorm.DB) *gorm.DB { return db.Order("id") }
	for part := range slices.Chunk(ids, bulkChunk) {
		var ms []Member
		if err := tx.Preload("Tags", byID).Preload("Memberships", byID).Where("id IN ?", part).Find(&ms).Error; err != nil {
			return err
		}
		for i := range ms {
			key := memberSearchKey(&ms[i])
			if key == ms[i].SearchKey {
				continue
			}
			if err := tx.Model(&Member{}).Where("id = ?", ms[i].ID).Update("search_key", key).Error; err != nil {
				return err
			}
		}
	}
	return nil
}
