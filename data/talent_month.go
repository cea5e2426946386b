package data

import (
	"encoding/json"
	"time"

	"github.com/qunhuo/qunhuo/data/talent"
)

// TalentMonth is a month whose 资源达人 the owner confirmed for a group: the winner, the
// weights the ranking used and its top three as they stood. The winner got the
// 资源达人 badge and 优先获取 for the next month (SourceID is this row).
type TalentMonth struct {
	ID          uint      `gorm:"primaryKey"`
	GroupID     uint      `gorm:"not null"`
	Month       string    `gorm:"size:7;not null"` // 2026-11
	WinnerID    uint      `gorm:"not null"`
	WinnerName  string    `gorm:"size:60;not null;default:''"`
	Score       int       `gorm:"not null;default:0"`
	Weights     string    `gorm:"size:200;not null;default:''"` // talent.Weights.Encode
	Top         string    `gorm:"type:text;not null"`           // JSON of []TalentPlace
	ByName      string    `gorm:"size:30;not null;default:''"`
	ConfirmedAt time.Time `gorm:"not null"`
}

// TalentPlace is one of a confirmed month's top three as it stood.
type TalentPlace struct {
	Rank   int           `json:"rank"`
	Member uint          `json:"member"`
	Name   string        `json:"name"`
	Score  int           `json:"score"`
	Parts  []talent.Part `json:"parts"`
}

// Contributions sums up what scored: 分享资源 3 次（30 分）、完成置换 1 次（5 分）.
func (p TalentPlace) Contributions() string {
	return talent.Standing{Parts: p.Parts}.Contributions()
}

// Places decodes the top three; a row it cannot read gives none.
func (m *TalentMonth) Places() []TalentPlace {
	var ps []TalentPlace
	if json.Unmarshal([]byte(m.Top), &ps) != nil {
		return nil
	}
	return ps
}

// MonthValue is the month as talent reads it.
func (m *TalentMonth) MonthValue() talent.Month {
	v, _ := talent.ParseMonth(m.Month)
	return v
}

// WeightsValue is the weights the month was ranked with.
func (m *TalentMonth) WeightsValue() talent.Weights {
	w, err := talent.Decode(m.Weights)
	if err != nil {
		return talent.DefaultWeights()
	}
	return w
}

// TalentBadgeName is the badge the month's winner gets.
const TalentBadgeName = "资源达人"

// TalentTopPlaces is how many places a confirmed month keeps and the post names.
const TalentTopPlaces = 3

// placesOf keeps the first TalentTopPlaces standings.
func placesOf(ss []talent.Standing) []TalentPlace {
	out := make([]TalentPlace, 0, TalentTopPlaces)
	for _, s := range ss[:min(len(ss), TalentTopPlaces)] {
		out = append(out, TalentPlace{Rank: s.Rank, Member: s.Member, Name: s.Name, Score: s.Score, Parts: s.Parts})
	}
	return out
}
