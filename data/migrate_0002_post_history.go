package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0002 created them.
type (
	v2Post struct {
		ID        uint     `gorm:"primaryKey"`
		GroupID   *uint    `gorm:"index"`
		Group     *v1Group `gorm:"constraint:OnDelete:SET NULL"`
		Kind      string   `gorm:"size:20;not null"`
		Title     string   `gorm:"size:100;not null;default:''"`
		Body      string   `gorm:"type:text;not null"`
		CreatedAt time.Time
	}
	v2PostResource struct {
		PostID     uint       `gorm:"primaryKey"`
		Post       v2Post     `gorm:"constraint:OnDelete:CASCADE"`
		ResourceID uint       `gorm:"primaryKey;index"`
		Resource   v1Resource `gorm:"constraint:OnDelete:RESTRICT"`
	}
	v2PostTemplate struct {
		Kind      string `gorm:"primaryKey;size:20"`
		Body      string `gorm:"type:text;not null"`
		UpdatedAt time.Time
	}
)

func (v2Post) TableName() string         { return "posts" }
func (v2PostResource) TableName() string { return "post_resources" }
func (v2PostTemplate) TableName() string { return "post_templates" }

// createPostHistory is step 0002: the posts the owner copied, the resources they named,
// and the owner's own templates.
func createPostHistory(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v2Post{}, &v2PostResource{}, &v2PostTemplate{})
}
