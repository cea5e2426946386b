package data

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ErrSessionMoved says a session is no longer in the state the screen thought (another
// window moved it, or it was deleted): reload.
var ErrSessionMoved = errors.New("share session moved meanwhile")

// CreateSession checks d and records a new session of group groupID, 筹备中.
func (s *Store) CreateSession(groupID uint, d SessionDraft, loc *time.Location) (ShareSession, error) {
	now := s.Now()
	ss, err := d.Parse(now, loc, nil)
	if err != nil {
		return ShareSession{}, err
	}
	ss.GroupID, ss.State, ss.CreatedAt, ss.UpdatedAt = &groupID, SessionPlanning, now, now
	err = s.db.Transaction(func(tx *gorm.DB) error {
		sp, err := sessionSpeaker(tx, ss.SpeakerID)
		if err != nil {
			return err
		}
		ss.SearchKey = sessionSearchKey(&ss, sp, groupID)
		if err := tx.Omit(clause.Associations).Create(&ss).Error; err != nil {
			return err
		}
		ss.Speaker = sp
		return nil
	})
	if err != nil {
		return ShareSession{}, sessionError("create session", err)
	}
	return ss, nil
}

// UpdateSession changes a session that has not ended; the start time it had may stay
// even once past. An ended session is ErrSessionMoved (its summary is changed with
// SetSessionSummary).
func (s *Store) UpdateSession(id uint, d SessionDraft, loc *time.Location) (ShareSession, error) {
	var out ShareSession
	err := s.db.Transaction(func(tx *gorm.DB) error {
		old, err := sessionByID(tx, id)
		if err != nil {
			return err
		}
		if old.State == SessionEnded {
			return ErrSessionMoved
		}
		now := s.Now()
		ss, err := d.Parse(now, loc, &old.StartsAt)
		if err != nil {
			return err
		}
		sp, err := sessionSpeaker(tx, ss.SpeakerID)
		if err != nil {
			return err
		}
		ss.Summary = old.Summary
		key := sessionSearchKey(&ss, sp, deref(old.GroupID))
		res := tx.Model(&ShareSession{}).Where("id = ? AND state = ?", id, old.State).Updates(map[string]any{
			"topic": ss.Topic, "speaker_id": ss.SpeakerID, "starts_at": ss.StartsAt, "minutes": ss.Minutes,
			"how": ss.How, "description": ss.Description, "prepare": ss.Prepare, "search_key": key, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrSessionMoved
		}
		out, err = sessionByID(tx, id)
		return err
	})
	if err != nil {
		return ShareSession{}, sessionError(fmt.Sprintf("update session %d", id), err)
	}
	return out, nil
}

// sessionSpeaker reads the speaker, refusing at "speaker" one no longer there.
func sessionSpeaker(tx *gorm.DB, id uint) (*Member, error) {
	var ms []Member
	if err := tx.Preload("Memberships").Where("id = ?", id).Limit(1).Find(&ms).Error; err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, ValidationError{{Field: "speaker", Message: "这位成员已经不在成员列表里了，请重新选择主讲人"}}
	}
	return &ms[0], nil
}

// sessionSearchKey is what the knowledge base's search matches: topic, speaker,
// description and summary.
func sessionSearchKey(ss *ShareSession, speaker *Member, groupID uint) string {
	parts := []string{ss.Topic, ss.Description, ss.Summary}
	if speaker != nil {
		parts = append(parts, speaker.DisplayName(groupID), speaker.Nickname, speaker.QQ)
	}
	return SearchKey(parts...)
}

// sessionError passes a ValidationError on as it is and wraps anything else.
func sessionError(doing string, err error) error {
	var ve ValidationError
	if errors.As(err, &ve) {
		return ve
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// MoveSession moves session id from from to to (筹备中 → 已发布 → 已结束), where it
// is still in from, so an old screen cannot overwrite a newer move (else
// ErrSessionMoved).
func (s *Store) MoveSession(id uint, from, to SessionState) error {
	if !sessionMoves[[2]SessionState{from, to}] {
		return fmt.Errorf("move session %d from %s to %s: %w", id, from, to, ErrSessionMoved)
	}
	now := s.Now()
	set := map[string]any{"state": to, "updated_at": now}
	switch to {
	case SessionPublished:
		set["published_at"] = now
	case SessionEnded:
		set["ended_at"] = now
	}
	res := s.db.Model(&ShareSession{}).Where("id = ? AND state = ?", id, from).Updates(set)
	if res.Error != nil {
		return fmt.Errorf("move session %d to %s: %w", id, to, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("move session %d to %s: %w", id, to, ErrSessionMoved)
	}
	return nil
}

// SetSessionSummary keeps the notes written after an ended session (what was said, the
// tips, where to find the slides): the knowledge base shows and searches them.
func (s *Store) SetSessionSummary(id uint, summary string) error {
	var p problems
	summary = checkText(&p, "summary", "总结", summary, MaxSessionSummaryLen, false)
	if err := p.err(); err != nil {
		return err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ss, err := sessionByID(tx, id)
		if err != nil {
			return err
		}
		if ss.State != SessionEnded {
			return ValidationError{{Field: "summary", Message: "分享会结束后才能写总结"}}
		}
		ss.Summary = summary
		res := tx.Model(&ShareSession{}).Where("id = ? AND state = ?", id, SessionEnded).Updates(map[string]any{
			"summary": summary, "search_key": sessionSearchKey(&ss, ss.Speaker, deref(ss.GroupID)), "updated_at": s.Now()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrSessionMoved
		}
		return nil
	})
	if err != nil {
		return sessionError(fmt.Sprintf("set summary of session %d", id), err)
	}
	return nil
}

// DeleteSession removes a session still 筹备中 (never announced); a published or
// held one stays on record (ErrSessionMoved).
func (s *Store) DeleteSession(id uint) error {
	res := s.db.Where("id = ? AND state = ?", id, SessionPlanning).Delete(&ShareSession{})
	if res.Error != nil {
		return fmt.Errorf("delete session %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("delete session %d: %w", id, ErrSessionMoved)
	}
	return nil
}

// AddSessionAttendees records members as having attended session id; one already
// recorded is left as is. A session 筹备中 has no attendees yet ("attendees").
func (s *Store) AddSessionAttendees(id uint, members []uint) error {
	if len(members) == 0 {
		return ValidationError{{Field: "attendees", Message: "请至少选一位参加的成员"}}
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ss, err := sessionByID(tx, id)
		if err != nil {
			return err
		}
		if ss.State == SessionPlanning {
			return ValidationError{{Field: "attendees", Message: "分享会还在筹备中，发布后才能记录参加的成员"}}
		}
		var n int64
		if err := tx.Model(&Member{}).Where("id IN ?", members).Count(&n).Error; err != nil {
			return err
		}
		rows := make([]ShareSessionAttendee, 0, len(members))
		seen := map[uint]bool{}
		for _, m := range members {
			if !seen[m] {
				seen[m] = true
				rows = append(rows, ShareSessionAttendee{SessionID: id, MemberID: m, CreatedAt: s.Now()})
			}
		}
		if n != int64(len(rows)) {
			return ValidationError{{Field: "attendees", Message: "有成员已经不在成员列表里了，请重新选择"}}
		}
		return tx.Omit("Member").Clauses(clause.OnConflict{DoNothing: true}).Create(&rows).Error
	})
	if err != nil {
		return sessionError(fmt.Sprintf("add attendees to session %d", id), err)
	}
	return nil
}

// RemoveSessionAttendee takes a member off session id's attendees. One already given
// points for it stays ("attendees"): the ledger is never rewritten, a mistake is
// corrected by reversing the entry in 互助积分.
func (s *Store) RemoveSessionAttendee(id, memberID uint) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var paid int64
		key := deedKey(LinkSession, id, points.Attend)
		if err := tx.Model(&PointEntry{}).Where("member_id = ? AND deed_key = ?", memberID, key).Count(&paid).Error; err != nil {
			return err
		}
		if paid > 0 {
			return ValidationError{{Field: "attendees", Message: "TA已经拿到参加分享会的积分，不能移除；记错了请到「互助积分」里冲销那条积分"}}
		}
		return tx.Where("session_id = ? AND member_id = ?", id, memberID).Delete(&ShareSessionAttendee{}).Error
	})
	if err != nil {
		return sessionError(fmt.Sprintf("remove attendee from session %d", id), err)
	}
	return nil
}

// SessionAward is what pressing 「发积分」 wrote: the entries paid now, and how many were
// already paid before (and so skipped).
type SessionAward struct {
	Paid    []PointEntry
	Already int
}

// AwardSession gives the speaker 主讲分享会 and every attendee 参加分享会, at the
// amounts the owner set, in one transaction: all or nothing. Each member is paid once
// per session and reason, so pressing again pays only those added since (a late
// attendee). Only an ended session is awarded ("state"). The speaker, when also among
// the attendees, gets only the speaker's points.
func (s *Store) AwardSession(id uint) (SessionAward, error) {
	var out SessionAward
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ss, err := sessionByID(tx, id)
		if err != nil {
			return err
		}
		if ss.State != SessionEnded {
			return ValidationError{{Field: "state", Message: "分享会结束后才能发积分，请先点「结束分享会」"}}
		}
		by, at := s.actorName(), s.Now()
		pay := func(r points.Reason, member uint) error {
			amount, err := pointAmount(tx, r)
			if err != nil {
				return err
			}
			e, err := addPoints(tx, PointDraft{MemberID: member, GroupID: ss.GroupID, Reason: r, Amount: amount,
				LinkKind: LinkSession, LinkID: &ss.ID}, by, at)
			if errors.Is(err, ErrDeedAwarded) {
				out.Already++
				return nil
			}
			if err != nil {
				return err
			}
			out.Paid = append(out.Paid, e)
			return nil
		}
		if err := pay(points.Speak, ss.SpeakerID); err != nil {
			return err
		}
		for _, a := range ss.Attendees {
			if a.MemberID == ss.SpeakerID {
				continue
			}
			if err := pay(points.Attend, a.MemberID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return SessionAward{}, pointsError(fmt.Sprintf("award session %d", id), err)
	}
	return out, nil
}

// SessionByID reads one session with its speaker and attendees (members named).
func (s *Store) SessionByID(id uint) (ShareSession, error) {
	ss, err := sessionByID(s.db, id)
	if err != nil {
		return ShareSession{}, fmt.Errorf("session %d: %w", id, err)
	}
	return ss, nil
}

func sessionByID(tx *gorm.DB, id uint) (ShareSession, error) {
	var ss []ShareSession
	err := tx.Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Where("id = ?", id).Limit(1).Find(&ss).Error
	if err != nil {
		return ShareSession{}, err
	}
	if len(ss) == 0 {
		return ShareSession{}, ErrSessionMoved
	}
	if err := attachSessionMembers(tx, ss); err != nil {
		return ShareSession{}, err
	}
	return ss[0], nil
}

// Sessions lists group groupID's sessions (0: every group's) with speakers and
// attendees: those not yet held first, the soonest first, then the held ones, the most
// recent first (the knowledge base). query narrows them by topic, speaker, description
// or summary (pinyin and initials too).
func (s *Store) Sessions(groupID uint, query string) ([]ShareSession, error) {
	q := s.db.Model(&ShareSession{})
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	var ss []ShareSession
	if err := q.Order("starts_at, id").Find(&ss).Error; err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	if pq := ParseQuery(query); !pq.Empty() {
		ss = slices.DeleteFunc(ss, func(x ShareSession) bool { return !pq.Matches(x.SearchKey) })
	}
	if err := attachAttendees(s.db, ss, groupID); err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	if err := attachSessionMembers(s.db, ss); err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	slices.SortStableFunc(ss, func(a, b ShareSession) int {
		ae, be := a.State == SessionEnded, b.State == SessionEnded
		switch {
		case ae && !be:
			return 1
		case be && !ae:
			return -1
		case ae:
			return b.StartsAt.Compare(a.StartsAt)
		}
		return a.StartsAt.Compare(b.StartsAt)
	})
	return ss, nil
}

// attachAttendees reads the attendees of ss (of group groupID, 0: any) in two columns
// rather than through Preload: for 15,000 attendee rows GORM's preload took about 70 ms
// of the list's 75 (BenchmarkSessions500).
func attachAttendees(tx *gorm.DB, ss []ShareSession, groupID uint) error {
	if len(ss) == 0 {
		return nil
	}
	byID := make(map[uint]*ShareSession, len(ss))
	for i := range ss {
		byID[ss[i].ID] = &ss[i]
	}
	var rows []struct{ ID, SessionID, MemberID uint }
	q := tx.Table("share_session_attendees a").Select("a.id, a.session_id, a.member_id").Order("a.id")
	if groupID != 0 {
		q = q.Joins("JOIN share_sessions s ON s.id = a.session_id").Where("s.group_id = ?", groupID)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		if x := byID[r.SessionID]; x != nil {
			x.Attendees = append(x.Attendees, ShareSessionAttendee{ID: r.ID, SessionID: r.SessionID, MemberID: r.MemberID})
		}
	}
	return nil
}

// attachSessionMembers names the speakers and attendees of ss (with their seats, for
// the group card).
func attachSessionMembers(tx *gorm.DB, ss []ShareSession) error {
	var ids []uint
	for _, x := range ss {
		ids = append(ids, x.SpeakerID)
		for _, a := range x.Attendees {
			ids = append(ids, a.MemberID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	byID := make(map[uint]*Member, len(ids))
	for chunk := range slices.Chunk(ids, 500) {
		var ms []Member
		if err := tx.Preload("Memberships").Where("id IN ?", chunk).Find(&ms).Error; err != nil {
			return err
		}
		for i := range ms {
			byID[ms[i].ID] = &ms[i]
		}
	}
	for i := range ss {
		ss[i].Speaker = byID[ss[i].SpeakerID]
		for j := range ss[i].Attendees {
			ss[i].Attendees[j].Member = byID[ss[i].Attendees[j].MemberID]
		}
	}
	return nil
}

// SessionPaid is who a session has paid, by member: the speaker's and the attendees'
// entries (PointsForDeed), for the screen's 已发 marks.
func (s *Store) SessionPaid(id uint) (map[uint]PointEntry, error) {
	es, err := s.PointsForDeed(LinkSession, id)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]PointEntry, len(es))
	for _, e := range es {
		out[e.MemberID] = e
	}
	return out, nil
}

// AttendeeNames lists the attendees' names as the session's group shows them.
func (s *ShareSession) AttendeeNames() []string {
	out := make([]string, 0, len(s.Attendees))
	for _, a := range s.Attendees {
		if a.Member != nil {
			out = append(out, a.Member.DisplayName(deref(s.GroupID)))
		}
	}
	return out
}
