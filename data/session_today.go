package data

import (
	"fmt"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// sessionsSoonLine is 今日's line of group groupID's sessions not yet held that start
// from now until the end of tomorrow (in loc), the soonest first, so the owner copies
// the reminder in time: Names are "今天 20:00「主题」", IDs the sessions'.
func sessionsSoonLine(tx *gorm.DB, groupID uint, now time.Time, loc *time.Location) (AgendaLine, error) {
	var l AgendaLine
	if groupID == 0 {
		return l, nil
	}
	loc = orLocal(loc)
	until := localMidnight(now, loc).AddDate(0, 0, 2)
	var ss []ShareSession
	err := tx.Where("group_id = ? AND state <> ? AND starts_at >= ? AND starts_at < ?", groupID, SessionEnded,
		now.Add(-time.Hour).UTC(), until.UTC()).Order("starts_at, id").Find(&ss).Error
	if err != nil {
		return l, err
	}
	l.Count = len(ss)
	today := localMidnight(now, loc)
	for _, s := range ss {
		if len(l.Names) == AgendaLineLength {
			break
		}
		day := "明天"
		if s.StartsAt.Before(today.AddDate(0, 0, 1)) {
			day = "今天"
		}
		name := day + " " + s.StartsAt.In(loc).Format("15:04") + "「" + s.Topic + "」"
		if s.State == SessionPlanning {
			name += "（还没发布）"
		}
		l.Names = append(l.Names, name)
		l.IDs = append(l.IDs, s.ID)
	}
	return l, nil
}

// sessionsUnpaidLine is 今日's line of group groupID's ended sessions whose speaker or
// some attendee has not been given their points yet, the most recent first: Names are
// "「主题」", IDs the sessions'.
func sessionsUnpaidLine(tx *gorm.DB, groupID uint) (AgendaLine, error) {
	var l AgendaLine
	if groupID == 0 {
		return l, nil
	}
	ss, err := unpaidSessions(tx, groupID)
	if err != nil {
		return l, err
	}
	l.Count = len(ss)
	for _, s := range ss {
		if len(l.Names) == AgendaLineLength {
			break
		}
		l.Names = append(l.Names, "「"+s.Topic+"」")
		l.IDs = append(l.IDs, s.ID)
	}
	return l, nil
}

// UnpaidSessions lists the IDs of group groupID's ended sessions whose speaker or
// some attendee has no points for it yet, the most recent first.
func (s *Store) UnpaidSessions(groupID uint) ([]uint, error) {
	ss, err := unpaidSessions(s.db, groupID)
	if err != nil {
		return nil, fmt.Errorf("unpaid sessions: %w", err)
	}
	ids := make([]uint, len(ss))
	for i, x := range ss {
		ids[i] = x.ID
	}
	return ids, nil
}

func unpaidSessions(tx *gorm.DB, groupID uint) ([]ShareSession, error) {
	speakerPaid := tx.Table("point_entries pe").Select("1").
		Where("pe.link_kind = ? AND pe.link_id = share_sessions.id AND pe.member_id = share_sessions.speaker_id AND pe.reason = ?",
			LinkSession, points.Speak)
	attendeeUnpaid := tx.Table("share_session_attendees a").Select("1").
		Where("a.session_id = share_sessions.id AND a.member_id <> share_sessions.speaker_id").
		Where("NOT EXISTS (?)", tx.Table("point_entries pa").Select("1").
			Where("pa.link_kind = ? AND pa.link_id = a.session_id AND pa.member_id = a.member_id AND pa.reason = ?",
				LinkSession, points.Attend))
	var ss []ShareSession
	err := tx.Where("group_id = ? AND state = ?", groupID, SessionEnded).
		Where("NOT EXISTS (?) OR EXISTS (?)", speakerPaid, attendeeUnpaid).
		Order("starts_at DESC, id DESC").Find(&ss).Error
	return ss, err
}
