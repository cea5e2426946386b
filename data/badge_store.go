package data

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// MaxBadgeNameLen is the longest badge or title, in characters.
const MaxBadgeNameLen = 12

// BadgeGrant is a badge about to be given: to whom, which, from where, until when (nil:
// for good).
type BadgeGrant struct {
	MemberID  uint
	Name      string
	Source    BadgeSource
	SourceID  *uint
	Note      string
	ExpiresAt *time.Time
}

// GrantBadge gives a member a badge. Refused at "name" when empty or longer than
// MaxBadgeNameLen, at "expires" when the expiry has passed, at "member" when the member
// is gone.
func (s *Store) GrantBadge(g BadgeGrant) (MemberBadge, error) {
	var b MemberBadge
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var err error
		b, err = grantBadge(tx, g, s.Now())
		return err
	})
	if err != nil {
		return MemberBadge{}, pointsError("grant badge", err)
	}
	return b, nil
}

// grantBadge is GrantBadge inside tx, for the writes (a redemption, a 资源达人 month)
// that give a badge with other records.
func grantBadge(tx *gorm.DB, g BadgeGrant, now time.Time) (MemberBadge, error) {
	name := strings.TrimSpace(g.Name)
	var p problems
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		p.add("name", "请填写身份标识的名称，例如 热心群友")
	case n > MaxBadgeNameLen:
		p.add("name", "身份标识最多 %d 个字，请改短一些", MaxBadgeNameLen)
	}
	if g.ExpiresAt != nil && !g.ExpiresAt.After(now) {
		p.add("expires", "到期时间已经过了，请选以后的日子")
	}
	if utf8.RuneCountInString(strings.TrimSpace(g.Note)) > MaxPointNoteLen {
		p.add("note", "备注最多 %d 个字，请删短一些", MaxPointNoteLen)
	}
	if len(p) > 0 {
		return MemberBadge{}, ValidationError(p)
	}
	if err := memberExists(tx, g.MemberID); err != nil {
		return MemberBadge{}, err
	}
	b := MemberBadge{MemberID: g.MemberID, Name: name, Source: g.Source, SourceID: g.SourceID,
		Note: strings.TrimSpace(g.Note), GrantedAt: now, ExpiresAt: g.ExpiresAt}
	if err := tx.Create(&b).Error; err != nil {
		return MemberBadge{}, fmt.Errorf("grant badge: %w", err)
	}
	return b, nil
}

// grantPrivilege gives a member a privilege such as PrivilegePriority until expires,
// inside tx.
func grantPrivilege(tx *gorm.DB, memberID uint, kind string, src BadgeSource, srcID *uint, note string,
	now, expires time.Time) (MemberPrivilege, error) {
	if !expires.After(now) {
		return MemberPrivilege{}, ValidationError{{Field: "expires", Message: "到期时间已经过了，请选以后的日子"}}
	}
	if err := memberExists(tx, memberID); err != nil {
		return MemberPrivilege{}, err
	}
	pv := MemberPrivilege{MemberID: memberID, Kind: kind, Source: src, SourceID: srcID, Note: note,
		GrantedAt: now, ExpiresAt: expires}
	if err := tx.Create(&pv).Error; err != nil {
		return MemberPrivilege{}, fmt.Errorf("grant privilege: %w", err)
	}
	return pv, nil
}

// memberExists refuses at "member" a member no longer in the list.
func memberExists(tx *gorm.DB, id uint) error {
	var n int64
	if err := tx.Model(&Member{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return ValidationError{{Field: "member", Message: "这位成员已经不在成员列表里了，请重新选择"}}
	}
	return nil
}

// ActivePriorities maps each member holding 优先获取 at now to when it ends: the
// seam matching reads (data/match's Priority).
func (s *Store) ActivePriorities() (map[uint]time.Time, error) {
	now := s.Now()
	var ps []MemberPrivilege
	err := s.db.Where("kind = ? AND revoked_at IS NULL AND expires_at > ?", PrivilegePriority, now).Find(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("active priorities: %w", err)
	}
	out := make(map[uint]time.Time, len(ps))
	for _, p := range ps {
		if p.ExpiresAt.After(out[p.MemberID]) {
			out[p.MemberID] = p.ExpiresAt
		}
	}
	return out, nil
}
