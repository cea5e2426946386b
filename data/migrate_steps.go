package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// migrations is the schema's history, oldest first. Append; never edit a released step.
var migrations = []migration{
	{id: "0001_catalog_and_members", up: createCatalogAndMembers},
	{id: "0002_post_history", up: createPostHistory},
	{id: "0003_resource_name_key", up: addResourceNameKey},
}

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

func createPostHistory(tx *gorm.DB) error {
	return tx.Migrator().CreateTable(&v2Post{}, &v2PostResource{}, &v2PostTemplate{})
}

// v3Resource is the part of resources that step 0003 touches: a folded copy of the
// name, uniquely indexed, so the duplicate check of a save or an import is one index
// lookup instead of a scan of the catalog (LOWER(name) can use no index).
type v3Resource struct {
	ID      uint   `gorm:"primaryKey"`
	Name    string `gorm:"size:60;not null"`
	NameKey string `gorm:"size:60;not null;default:'';uniqueIndex:idx_resources_name_key"`
}

func (v3Resource) TableName() string { return "resources" }

func addResourceNameKey(tx *gorm.DB) error {
	if err := tx.Migrator().AddColumn(&v3Resource{}, "NameKey"); err != nil {
		return err
	}
	var rs []v3Resource
	if err := tx.Select("id", "name").Order("id").Find(&rs).Error; err != nil {
		return err
	}
	taken := make(map[string]bool, len(rs))
	for _, r := range rs {
		key := NameKey(r.Name)
		if taken[key] {
			// Names that only differ in case or width got in before this step; both
			// stay, and the owner is asked to rename when either is next saved.
			key = fmt.Sprintf("%s#%d", key, r.ID)
		}
		taken[key] = true
		if err := tx.Model(&v3Resource{}).Where("id = ?", r.ID).Update("name_key", key).Error; err != nil {
			return err
		}
	}
	return tx.Migrator().CreateIndex(&v3Resource{}, "idx_resources_name_key")
}
