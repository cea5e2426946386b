package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
)

// boxesDueLine is 今日's line of group groupID's blind boxes to close (报名中 past their
// close time) or to draw (已截止), the oldest close time first: Names are
// "周末盲盒（该截止）" or "周末盲盒（该开奖）", IDs the boxes'.
func boxesDueLine(tx *gorm.DB, groupID uint, now time.Time) (AgendaLine, error) {
	var l AgendaLine
	var bs []BlindBox
	q := tx.Where("(state = ? AND closes_at <= ?) OR state = ?", BoxOpen, now.UTC(), BoxClosed)
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	if err := q.Order("closes_at, id").Find(&bs).Error; err != nil {
		return l, err
	}
	l.Count = len(bs)
	for _, b := range bs {
		if len(l.Names) == AgendaLineLength {
			break
		}
		what := "该截止"
		if b.State == BoxClosed {
			what = "该开奖"
		}
		l.Names = append(l.Names, b.Title+"（"+what+"）")
		l.IDs = append(l.IDs, b.ID)
	}
	return l, nil
}

// overdueSharesLine is 今日's line of winners of group groupID's boxes whose share
// (分享体验) is overdue, the longest overdue first: Names are "周末盲盒：小明（28****67）",
// IDs the boxes'.
func overdueSharesLine(tx *gorm.DB, groupID uint, now time.Time) (AgendaLine, error) {
	var l AgendaLine
	type row struct {
		BoxID uint
		Title string
		Label string
	}
	var rows []row
	q := tx.Table("blind_box_draws AS d").
		Select("d.box_id, b.title, e.label").
		Joins("JOIN blind_boxes b ON b.id = d.box_id").
		Joins("JOIN blind_box_entries e ON e.id = d.entry_id").
		Where("d.voided_at IS NULL AND d.shared_at IS NULL AND d.share_due < ?", now.UTC())
	if groupID != 0 {
		q = q.Where("b.group_id = ?", groupID)
	}
	if err := q.Order("d.share_due, d.id").Scan(&rows).Error; err != nil {
		return l, fmt.Errorf("overdue shares: %w", err)
	}
	l.Count = len(rows)
	for _, r := range rows {
		if len(l.Names) == AgendaLineLength {
			break
		}
		l.Names = append(l.Names, r.Title+"："+r.Label)
		l.IDs = append(l.IDs, r.BoxID)
	}
	return l, nil
}
