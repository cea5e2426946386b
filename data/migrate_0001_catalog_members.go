package data

import (
	"time"

	"gorm.io/gorm"
)

// Frozen copies of the tables as step 0001 created them.
type (
	v1Group struct {
		ID        uint   `gorm:"primaryKey"`
		Name      string `gorm:"size:60;not null"`
		Number    string `gorm:"size:12;not null;uniqueIndex"`
		Notes     string `gorm:"size:500;not null;default:''"`
		CreatedAt time.Time
		UpdatedAt time.Time
	}
	v1Member struct {
		ID        uint   `gorm:"primaryKey"`
		QQ        string `gorm:"column:qq;size:12;not null;uniqueIndex"`
		Nickname  string `gorm:"size:60;not null;default:''"`
		Notes     string `gorm:"size:500;not null;default:''"`
		SearchKey string `gorm:"size:2000;not null;default:''"`
		CreatedAt time.Time
		UpdatedAt time.Time
	}
	v1Membership struct {
		ID       uint     `gorm:"primaryKey"`
		MemberID uint     `gorm:"not null;uniqueIndex:idx_membership"`
		Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
		GroupID  uint     `gorm:"not null;uniqueIndex:idx_membership;index"`
		Group    v1Group  `gorm:"constraint:OnDelete:CASCADE"`
		CardName string   `gorm:"size:60;not null;default:''"`
		Role     string   `gorm:"size:16;not null;default:member"`
		JoinedOn *time.Time
	}
	v1MemberTag struct {
		ID       uint     `gorm:"primaryKey"`
		MemberID uint     `gorm:"not null;uniqueIndex:idx_member_tag"`
		Member   v1Member `gorm:"constraint:OnDelete:CASCADE"`
		Kind     string   `gorm:"size:16;not null;uniqueIndex:idx_member_tag"`
		Value    string   `gorm:"size:30;not null;uniqueIndex:idx_member_tag"`
	}
	v1Category struct {
		ID       uint   `gorm:"primaryKey"`
		Name     string `gorm:"size:20;not null;uniqueIndex"`
		Position int    `gorm:"not null;default:0"`
	}
	v1Supplier struct {
		ID      uint   `gorm:"primaryKey"`
		Name    string `gorm:"size:60;not null;uniqueIndex"`
		Contact string `gorm:"size:60;not null;default:''"`
		Notes   string `gorm:"size:500;not null;default:''"`
	}
	v1Resource struct {
		ID                 uint        `gorm:"primaryKey"`
		Name               string      `gorm:"size:60;not null;uniqueIndex"`
		CategoryID         uint        `gorm:"not null;index"`
		Category           v1Category  `gorm:"constraint:OnDelete:RESTRICT"`
		PriceCents         int64       `gorm:"not null;default:0"`
		OriginalPriceCents int64       `gorm:"not null;default:0"`
		Redeem             string      `gorm:"size:30;not null;default:''"`
		Stock              int         `gorm:"not null;default:0"`
		Unlimited          bool        `gorm:"not null;default:true"`
		ValidFrom          *time.Time  //
		ValidUntil         *time.Time  //
		SupplierID         *uint       `gorm:"index"`
		Supplier           *v1Supplier `gorm:"constraint:OnDelete:SET NULL"`
		Status             string      `gorm:"size:16;not null;default:on_sale;index"`
		Tags               string      `gorm:"size:200;not null;default:''"`
		Notes              string      `gorm:"size:500;not null;default:''"`
		SearchKey          string      `gorm:"size:2000;not null;default:''"`
		CreatedAt          time.Time
		UpdatedAt          time.Time
	}
)

func (v1Group) TableName() string      { return "groups" }
func (v1Member) TableName() string     { return "members" }
func (v1Membership) TableName() string { return "memberships" }
func (v1MemberTag) TableName() string  { return "member_tags" }
func (v1Category) TableName() string   { return "categories" }
func (v1Supplier) TableName() string   { return "suppliers" }
func (v1Resource) TableName() string   { return "resources" }

// createCatalogAndMembers is step 0001: groups, members with their seats and tags, and
// the catalog, with the default categories.
func createCatalogAndMembers(tx *gorm.DB) error {
	err := tx.Migrator().CreateTable(&v1Group{}, &v1Member{}, &v1Membership{}, &v1MemberTag{},
		&v1Category{}, &v1Supplier{}, &v1Resource{})
	if err != nil {
		return err
	}
	for i, name := range []string{"游戏类", "影音类", "生活类", "话费类"} {
		if err := tx.Create(&v1Category{Name: name, Position: i + 1}).Error; err != nil {
			return err
		}
	}
	return nil
}
