package data

import (
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// PostKind names a kind of post (公告), and the template it is made from.
type PostKind string

// The posts the foundation makes.
const (
	PostIndex    PostKind = "index"     // 资源索引表
	PostNewStock PostKind = "new_stock" // 上新
	PostReply    PostKind = "reply"     // 回复一位成员的求…
	PostRestock  PostKind = "restock"   // 补货清单, for suppliers
)

// postKindLabels name the kinds of post in the owner's words; a kind that adds a post
// adds its name here.
var postKindLabels = map[PostKind]string{
	PostIndex:    "资源索引表",
	PostNewStock: "上新",
}

// Label is the kind of post in the owner's words: 资源索引表, 上新…, or 公告 for a kind
// without a name.
func (k PostKind) Label() string {
	if l, ok := postKindLabels[k]; ok {
		return l
	}
	return "公告"
}

// Post is a post the owner copied to QQ: kept so that later features can tell what was
// announced when, and so that resources a post named are not deleted behind it.
type Post struct {
	ID        uint     `gorm:"primaryKey"`
	GroupID   *uint    `gorm:"index"`
	Kind      PostKind `gorm:"size:20;not null"`
	Title     string   `gorm:"size:100;not null;default:''"`
	Body      string   `gorm:"type:text;not null"`
	CreatedAt time.Time
}

// PostResource records that a post named a resource.
type PostResource struct {
	PostID     uint `gorm:"primaryKey"`
	ResourceID uint `gorm:"primaryKey;index"`
}

// PostTemplate is the owner's own version of a post template; without one, the
// default is used.
type PostTemplate struct {
	Kind      PostKind `gorm:"primaryKey;size:20"`
	Body      string   `gorm:"type:text;not null"`
	UpdatedAt time.Time
}

// RecordPost keeps a post the owner copied, with the resources it named. Copying the
// same text again (a second part, a second click) records nothing new.
func (s *Store) RecordPost(p *Post, resourceIDs []uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var last Post
		q := tx.Where("kind = ?", p.Kind).Order("id DESC").Limit(1)
		if p.GroupID != nil {
			q = q.Where("group_id = ?", *p.GroupID)
		} else {
			q = q.Where("group_id IS NULL") // not another group's post with the same text
		}
		if err := q.Find(&last).Error; err != nil {
			return fmt.Errorf("record post: %w", err)
		}
		if last.ID != 0 && last.Body == p.Body {
			*p = last
			return nil
		}
		if err := tx.Create(p).Error; err != nil {
			return fmt.Errorf("record post: %w", err)
		}
		for _, id := range resourceIDs {
			if err := tx.Create(&PostResource{PostID: p.ID, ResourceID: id}).Error; err != nil {
				return fmt.Errorf("record post resources: %w", err)
			}
		}
		return nil
	})
}

// Posts lists the posts recorded for a group, newest first.
func (s *Store) Posts(groupID uint, limit int) ([]Post, error) {
	var ps []Post
	if err := s.db.Where("group_id = ?", groupID).Order("id DESC").Limit(limit).Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list posts: %w", err)
	}
	return ps, nil
}

// AllPosts lists every post recorded, of every group, oldest first: the post history
// of the whole-database workbook.
func (s *Store) AllPosts() ([]Post, error) {
	var ps []Post
	if err := s.db.Order("id").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list all posts: %w", err)
	}
	return ps, nil
}

// PostTemplate returns the owner's template for kind, or ok=false when the default applies.
func (s *Store) PostTemplate(kind PostKind) (body string, ok bool, err error) {
	var t PostTemplate
	err = s.db.First(&t, "kind = ?", kind).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("load template %s: %w", kind, err)
	}
	return t.Body, true, nil
}

// SavePostTemplate keeps the owner's version of a template.
func (s *Store) SavePostTemplate(kind PostKind, body string) error {
	if err := s.db.Save(&PostTemplate{Kind: kind, Body: body}).Error; err != nil {
		return fmt.Errorf("save template %s: %w", kind, err)
	}
	return nil
}

// ResetPostTemplate drops the owner's version so the default applies again.
func (s *Store) ResetPostTemplate(kind PostKind) error {
	if err := s.db.Delete(&PostTemplate{}, "kind = ?", kind).Error; err != nil {
		return fmt.Errorf("reset template %s: %w", kind, err)
	}
	return nil
}
