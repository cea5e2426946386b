package data

import (
	"time"

	"gorm.io/gorm"
)

// v5Membership is the part of memberships that step 0005 adds: what QQ's member list
// says about a seat (when the member last spoke, their level name) and when the member
// was found to have left the group (已退群), so later screens can find silent members
// and newcomers and nobody who left is ever deleted.
type v5Membership struct {
	ID          uint       `gorm:"primaryKey"`
	LastSpokeAt *time.Time // 最后发言时间
	LevelName   string     `gorm:"size:30;not null;default:''"` // 群等级名称
	LeftOn      *time.Time `gorm:"index"`                       // 已退群: when a full list no longer had them
}

func (v5Membership) TableName() string { return "memberships" }

// addSeatsFromQQ is step 0005: the new columns start empty for the seats already there.
func addSeatsFromQQ(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, col := range []string{"LastSpokeAt", "LevelName", "LeftOn"} {
		if err := m.AddColumn(&v5Membership{}, col); err != nil {
			return err
		}
	}
	return m.CreateIndex(&v5Membership{}, "LeftOn")
}
