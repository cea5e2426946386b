package data

import (
	"time"

	"github.com/qunhuo/qunhuo/data/talent"
	"gorm.io/gorm"
)

// TalentProposalDays are the first days of a month in which 今日 proposes last month's
// 资源达人 while it is unconfirmed.
const TalentProposalDays = 7

// TalentDue is last month's 资源达人 waiting for the owner: the month, who leads with
// the owner's weights, and how many members scored. Zero Month when nothing waits.
type TalentDue struct {
	Month   talent.Month
	Leader  string
	Score   int
	Members int
}

// Due reports whether a proposal waits.
func (d TalentDue) Due() bool { return d.Members > 0 }

// talentDue is last month's proposal for the 今日 card: only in the first
// TalentProposalDays days of a month (in loc), for a group, while last month is
// unconfirmed and someone scored.
func talentDue(tx *gorm.DB, groupID uint, now time.Time, loc *time.Location) (TalentDue, error) {
	if groupID == 0 || now.In(loc).Day() > TalentProposalDays {
		return TalentDue{}, nil
	}
	last := talent.MonthOf(now, loc).Prev()
	var n int64
	if err := tx.Model(&TalentMonth{}).Where("group_id = ? AND month = ?", groupID, last.String()).Count(&n).Error; err != nil {
		return TalentDue{}, err
	}
	if n > 0 {
		return TalentDue{}, nil
	}
	ev, err := talentEvidence(tx, groupID, last, loc)
	if err != nil || len(ev) == 0 {
		return TalentDue{}, err
	}
	w, err := talentWeights(tx)
	if err != nil {
		return TalentDue{}, err
	}
	ranked := talent.Rank(ev, w)
	if len(ranked) == 0 {
		return TalentDue{}, nil
	}
	return TalentDue{Month: last, Leader: ranked[0].Name, Score: ranked[0].Score, Members: len(ranked)}, nil
}
