package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// pollsToCloseLine is 今日's line of group groupID's polls past their close time and
// not closed, the longest overdue first: Names are "#3 下周想要哪类资源？", IDs the polls'.
func pollsToCloseLine(tx *gorm.DB, groupID uint, now time.Time) (AgendaLine, error) {
	var l AgendaLine
	if groupID == 0 {
		return l, nil
	}
	ps, err := pollsToClose(tx, groupID, now)
	if err != nil {
		return l, err
	}
	l.Count = len(ps)
	for _, p := range ps {
		if len(l.Names) == AgendaLineLength {
			break
		}
		l.Names = append(l.Names, fmt.Sprintf("#%d %s", p.ID, p.Question))
		l.IDs = append(l.IDs, p.ID)
	}
	return l, nil
}
