package data

import (
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// bulkChunk bounds the ids or QQ numbers in one IN (…) and the rows in one INSERT:
// well under SQLite's limit of bound variables.
const bulkChunk = 500

// errNotBulk says a list cannot be saved a table at a time with the same result as
// one by one; SaveMembers then saves it one by one.
var errNotBulk = errors.New("members need saving one by one")

// saveMembersBulk does what saveMember does for each of ms, a table at a time: a few
// dozen statements for thousands of members instead of six per member. It refuses
// with errNotBulk every list where the result could differ from saving one by one.
func saveMembersBulk(tx *gorm.DB, ms []*Member) error {
	if err := checkBulkMembers(tx, ms); err != nil {
		return err
	}
	var added, updated []*Member
	for _, m := range ms {
		m.SearchKey = memberSearchKey(m)
		if m.ID == 0 {
			added = append(added, m)
		} else {
			updated = append(updated, m)
		}
	}
	if len(added) > 0 {
		if err := tx.Omit(clause.Associations).CreateInBatches(&added, bulkChunk).Error; err != nil {
			return fmt.Errorf("save members: %w", err)
		}
	}
	for _, m := range updated {
		if err := tx.Omit(clause.Associations).Save(m).Error; err != nil {
			return fmt.Errorf("save member: %w", err)
		}
	}
	if err := deleteMemberChildren(tx, updated); err != nil {
		return err
	}
	return createMemberChildren(tx, ms)
}

// checkBulkMembers refuses with errNotBulk a list that saving one by one might refuse
// or treat otherwise: a QQ number that is not one, or that another member holds in
// the database or in the list; an id twice; an id of no member (Save inserts it).
func checkBulkMembers(tx *gorm.DB, ms []*Member) error {
	byQQ := make(map[string]uint, len(ms))
	var ids []uint
	seenID := make(map[uint]bool)
	for _, m := range ms {
		if _, dup := byQQ[m.QQ]; dup || CheckQQ("qq", "QQ号", m.QQ) != nil || seenID[m.ID] {
			return errNotBulk
		}
		byQQ[m.QQ] = m.ID
		if m.ID != 0 {
			seenID[m.ID] = true
			ids = append(ids, m.ID)
		}
	}
	qqs := make([]string, 0, len(byQQ))
	for qq := range byQQ {
		qqs = append(qqs, qq)
	}
	for part := range slices.Chunk(qqs, bulkChunk) {
		var holders []Member
		if err := tx.Select("id", "qq").Where("qq IN ?", part).Find(&holders).Error; err != nil {
			return fmt.Errorf("save members: %w", err)
		}
		for _, h := range holders {
			if byQQ[h.QQ] != h.ID {
				return errNotBulk
			}
		}
	}
	for part := range slices.Chunk(ids, bulkChunk) {
		var n int64
		if err := tx.Model(&Member{}).Where("id IN ?", part).Count(&n).Error; err != nil {
			return fmt.Errorf("save members: %w", err)
		}
		if n != int64(len(part)) {
			return errNotBulk
		}
	}
	return nil
}

// deleteMemberChildren removes the saved tags and seats of members being updated.
func deleteMemberChildren(tx *gorm.DB, ms []*Member) error {
	ids := make([]uint, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	for part := range slices.Chunk(ids, bulkChunk) {
		for _, child := range []any{&MemberTag{}, &Membership{}} {
			if err := tx.Where("member_id IN ?", part).Delete(child).Error; err != nil {
				return fmt.Errorf("save members: %w", err)
			}
		}
	}
	return nil
}

// createMemberChildren inserts every member's tags and seats, giving them their ids
// as saveMember does.
func createMemberChildren(tx *gorm.DB, ms []*Member) error {
	var tags []*MemberTag
	var seats []*Membership
	for _, m := range ms {
		for i := range m.Tags {
			m.Tags[i].ID, m.Tags[i].MemberID = 0, m.ID
			tags = append(tags, &m.Tags[i])
		}
		for i := range m.Memberships {
			m.Memberships[i].ID, m.Memberships[i].MemberID = 0, m.ID
			seats = append(seats, &m.Memberships[i])
		}
	}
	if len(tags) > 0 {
		if err := tx.CreateInBatches(&tags, bulkChunk).Error; err != nil {
			return fmt.Errorf("save member tags: %w", err)
		}
	}
	if len(seats) > 0 {
		if err := tx.CreateInBatches(&seats, bulkChunk).Error; err != nil {
			return fmt.Errorf("save memberships: %w", err)
		}
	}
	return nil
}
