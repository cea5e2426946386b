package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Group is one QQ group the owner runs.
type Group struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:60;not null"`
	Number    string `gorm:"size:12;not null;uniqueIndex"` // the QQ group number
	Notes     string `gorm:"size:500;not null;default:''"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// GroupDraft is a group as typed into a form.
type GroupDraft struct {
	Name, Number, Notes string
}

// Parse checks the draft and returns the group it describes.
func (d GroupDraft) Parse() (Group, error) {
	var p problems
	g := Group{
		Name:   checkText(&p, "name", "群名称", d.Name, MaxShortLen, true),
		Number: trimmed(d.Number),
		Notes:  checkText(&p, "notes", "备注", d.Notes, MaxNotesLen, false),
	}
	p.addErr(CheckQQ("number", "群号", d.Number))
	return g, p.err()
}

// Groups lists the owner's groups in the order they were added.
func (s *Store) Groups() ([]Group, error) {
	var gs []Group
	if err := s.db.Order("id").Find(&gs).Error; err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	return gs, nil
}

// SaveGroup checks g and creates it (ID 0) or updates it. A number another group
// already has is refused at the field.
func (s *Store) SaveGroup(g *Group) error {
	if _, err := (GroupDraft{Name: g.Name, Number: g.Number, Notes: g.Notes}).Parse(); err != nil {
		return err
	}
	return s.db.Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Group{}).Where("number = ? AND id <> ?", g.Number, g.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("save group: %w", err)
		}
		if n > 0 {
			return ValidationError{{Field: "number", Message: "群号 " + g.Number + " 已经添加过了"}}
		}
		if err := tx.Save(g).Error; err != nil {
			return fmt.Errorf("save group: %w", err)
		}
		return nil
	})
}

// GroupUsage counts what hangs on a group, to tell the owner before a delete.
type GroupUsage struct {
	Members int64
	Posts   int64
}

// GroupUsage counts the group's members and recorded posts.
func (s *Store) GroupUsage(id uint) (GroupUsage, error) {
	var u GroupUsage
	if err := s.db.Model(&Membership{}).Where("group_id = ?", id).Count(&u.Members).Error; err != nil {
		return u, fmt.Errorf("group usage: %w", err)
	}
	if err := s.db.Model(&Post{}).Where("group_id = ?", id).Count(&u.Posts).Error; err != nil {
		return u, fmt.Errorf("group usage: %w", err)
	}
	return u, nil
}

// DeleteGroup removes a group and its memberships. The members themselves stay (they
// may be in other groups), and posts already made keep their text.
func (s *Store) DeleteGroup(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("group_id = ?", id).Delete(&Membership{}).Error; err != nil {
			return fmt.Errorf("delete group: %w", err)
		}
		res := tx.Delete(&Group{}, id)
		if res.Error != nil {
			return fmt.Errorf("delete group: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("delete group %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

func notFound(what string, err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// GroupUsages counts members and recorded posts of every group, for the group list.
func (s *Store) GroupUsages() (map[uint]GroupUsage, error) {
	type count struct {
		GroupID uint
		N       int64
	}
	usages := map[uint]GroupUsage{}
	var members, posts []count
	if err := s.db.Model(&Membership{}).Select("group_id, COUNT(*) AS n").Group("group_id").Scan(&members).Error; err != nil {
		return nil, fmt.Errorf("group usages: %w", err)
	}
	if err := s.db.Model(&Post{}).Select("group_id, COUNT(*) AS n").Where("group_id IS NOT NULL").Group("group_id").Scan(&posts).Error; err != nil {
		return nil, fmt.Errorf("group usages: %w", err)
	}
	for _, c := range members {
		u := usages[c.GroupID]
		u.Members = c.N
		usages[c.GroupID] = u
	}
	for _, c := range posts {
		u := usages[c.GroupID]
		u.Posts = c.N
		usages[c.GroupID] = u
	}
	return usages, nil
}
