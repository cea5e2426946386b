package data

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ErrBadgeRevoked says a badge was already taken away.
var ErrBadgeRevoked = errors.New("badge already revoked")

// BadgeHolder is a badge with the member holding it (seats loaded, for names).
type BadgeHolder struct {
	MemberBadge
	Member *Member
}

// MemberBadges lists every badge a member has held, newest first, taken-away and
// expired ones too (Active tells them apart): the member detail's history.
func (s *Store) MemberBadges(memberID uint) ([]MemberBadge, error) {
	var bs []MemberBadge
	if err := s.db.Where("member_id = ?", memberID).Order("granted_at DESC, id DESC").Find(&bs).Error; err != nil {
		return nil, fmt.Errorf("badges of member %d: %w", memberID, err)
	}
	return bs, nil
}

// ActiveBadges maps each of the members (nil: every member) to the badges they hold
// now, oldest first: one query per 500 members, for the member list.
func (s *Store) ActiveBadges(memberIDs []uint) (map[uint][]MemberBadge, error) {
	now := s.Now()
	active := func() *gorm.DB {
		return s.db.Where("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", now).Order("granted_at, id")
	}
	out := map[uint][]MemberBadge{}
	add := func(q *gorm.DB) error {
		var bs []MemberBadge
		if err := q.Find(&bs).Error; err != nil {
			return fmt.Errorf("active badges: %w", err)
		}
		for _, b := range bs {
			out[b.MemberID] = append(out[b.MemberID], b)
		}
		return nil
	}
	if memberIDs == nil {
		return out, add(active())
	}
	for _, chunk := range rewardChunks(memberIDs) {
		if err := add(active().Where("member_id IN ?", chunk)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BadgeNames joins the badges' names, each once, in order: 「热心群友、资源达人」.
func BadgeNames(bs []MemberBadge) string {
	seen := map[string]bool{}
	var names []string
	for _, b := range bs {
		if !seen[b.Name] {
			seen[b.Name] = true
			names = append(names, b.Name)
		}
	}
	return strings.Join(names, "、")
}

// AllBadges lists every badge ever given, newest first, with its member.
func (s *Store) AllBadges() ([]BadgeHolder, error) {
	var bs []MemberBadge
	if err := s.db.Order("granted_at DESC, id DESC").Find(&bs).Error; err != nil {
		return nil, fmt.Errorf("all badges: %w", err)
	}
	ids := make([]uint, len(bs))
	for i, b := range bs {
		ids[i] = b.MemberID
	}
	ms, err := rewardMembers(s.db, ids)
	if err != nil {
		return nil, fmt.Errorf("all badges: %w", err)
	}
	out := make([]BadgeHolder, len(bs))
	for i, b := range bs {
		out[i] = BadgeHolder{MemberBadge: b, Member: ms[b.MemberID]}
	}
	return out, nil
}

// RevokeBadge takes a badge away with a note (kept, the row stays). Once only: a badge
// already taken away is ErrBadgeRevoked.
func (s *Store) RevokeBadge(id uint, note string) error {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxPointNoteLen, false)
	if err := p.err(); err != nil {
		return err
	}
	res := s.db.Model(&MemberBadge{}).Where("id = ? AND revoked_at IS NULL", id).
		Updates(map[string]any{"revoked_at": s.Now(), "revoke_note": note})
	if res.Error != nil {
		return fmt.Errorf("revoke badge %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("revoke badge %d: %w", id, ErrBadgeRevoked)
	}
	return nil
}

// TopEarner is a member on the all-time points leaderboard.
type TopEarner struct {
	Member *Member
	Earned int64
}

// HonorRoll is what the 群荣誉榜 post shows: the badges held now, and the members who
// have earned the most points.
type HonorRoll struct {
	Badges []BadgeHolder // active, oldest first
	Top    []TopEarner   // most earned first, at most n
}

// HonorRoll gathers the 群荣誉榜 of group groupID (0: every member): the badges its
// members hold now and its n top earners of all time (points earned, not balance, so
// spending does not lower a member's standing).
func (s *Store) HonorRoll(groupID uint, n int) (HonorRoll, error) {
	var h HonorRoll
	inGroup := func(q *gorm.DB) *gorm.DB {
		if groupID == 0 {
			return q
		}
		return q.Where("member_id IN (?)", s.db.Model(&Membership{}).Select("member_id").
			Where("group_id = ? AND left_on IS NULL", groupID))
	}
	var bs []MemberBadge
	err := inGroup(s.db.Where("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", s.Now())).
		Order("granted_at, id").Find(&bs).Error
	if err != nil {
		return h, fmt.Errorf("honor roll: %w", err)
	}
	var bals []PointBalance
	if err := inGroup(s.db.Where("earned > 0")).Order("earned DESC, member_id").Limit(n).Find(&bals).Error; err != nil {
		return h, fmt.Errorf("honor roll: %w", err)
	}
	ids := make([]uint, 0, len(bs)+len(bals))
	for _, b := range bs {
		ids = append(ids, b.MemberID)
	}
	for _, b := range bals {
		ids = append(ids, b.MemberID)
	}
	ms, err := rewardMembers(s.db, ids)
	if err != nil {
		return h, fmt.Errorf("honor roll: %w", err)
	}
	for _, b := range bs {
		h.Badges = append(h.Badges, BadgeHolder{MemberBadge: b, Member: ms[b.MemberID]})
	}
	for _, b := range bals {
		h.Top = append(h.Top, TopEarner{Member: ms[b.MemberID], Earned: b.Earned})
	}
	return h, nil
}
