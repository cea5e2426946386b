package data

import (
	"fmt"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// The screens where a deed is recorded (an answered request, a resolved ticket, a
// completed swap, a shared experience, a shared resource) pay it with one click, and
// only once: AwardDeed refuses a deed that has already been paid for its reason, to
// whomever, so a second click from a stale screen cannot pay another member for it.
// An award that was reversed (a mistake) no longer counts, so the deed can be paid to
// the right member.

// AwardDeed pays the deed d names (LinkKind, LinkID, an award Reason) to each of
// members, all in one transaction: ErrDeedAwarded when the deed already has an award
// for d.Reason that stands (not reversed), else the entries written. Refusals as in
// AddPoints; no members is refused at "members".
func (s *Store) AwardDeed(d PointDraft, members []uint) ([]PointEntry, error) {
	if d.LinkKind == "" || d.LinkID == nil || !d.Reason.IsAward() {
		return nil, fmt.Errorf("award deed: %q %v %q is not a deed", d.LinkKind, d.LinkID, d.Reason)
	}
	if len(members) == 0 {
		return nil, ValidationError{{Field: "members", Message: "请先选出要记积分的成员"}}
	}
	var out []PointEntry
	err := s.db.Transaction(func(tx *gorm.DB) error {
		paid, err := deedAwards(tx, d.LinkKind, *d.LinkID, d.Reason)
		if err != nil {
			return err
		}
		if len(paid) > 0 {
			return fmt.Errorf("%s %d, %s: %w", d.LinkKind, *d.LinkID, d.Reason, ErrDeedAwarded)
		}
		by, at := s.actorName(), s.Now()
		seen := make(map[uint]bool, len(members))
		for _, m := range members {
			if seen[m] {
				continue
			}
			seen[m] = true
			d.MemberID = m
			e, err := addPoints(tx, d, by, at)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, pointsError("award deed", err)
	}
	return out, nil
}

// DeedAwards lists the awards a deed has paid for reason r that stand (not reversed),
// each with its Member (and seats, for the name in a group), in the order written.
func (s *Store) DeedAwards(kind string, id uint, r points.Reason) ([]PointEntry, error) {
	es, err := deedAwards(s.db, kind, id, r)
	if err == nil && len(es) > 0 {
		ids := make([]uint, len(es))
		for i := range es {
			ids[i] = es[i].MemberID
		}
		var ms []Member
		err = s.db.Preload("Memberships").Where("id IN ?", ids).Find(&ms).Error
		for i := range ms {
			for k := range es {
				if es[k].MemberID == ms[i].ID {
					es[k].Member = &ms[i]
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("deed awards %s %d: %w", kind, id, err)
	}
	return es, nil
}

// DeedsAwarded tells a list screen which of ids (deeds of kind) have been paid for
// reason r, with what each paid in all; a deed not paid is not in the map.
func (s *Store) DeedsAwarded(kind string, r points.Reason, ids []uint) (map[uint]int64, error) {
	out := make(map[uint]int64)
	if len(ids) == 0 {
		return out, nil
	}
	var es []PointEntry
	err := standing(s.db).Where("link_kind = ? AND reason = ? AND link_id IN ?", kind, r, ids).Find(&es).Error
	if err != nil {
		return nil, fmt.Errorf("deeds awarded %s: %w", kind, err)
	}
	for _, e := range es {
		out[*e.LinkID] += e.Amount
	}
	return out, nil
}

func deedAwards(db *gorm.DB, kind string, id uint, r points.Reason) ([]PointEntry, error) {
	var es []PointEntry
	err := standing(db).Where("link_kind = ? AND link_id = ? AND reason = ?", kind, id, r).Order("id").Find(&es).Error
	return es, err
}

// standing selects deed awards that no reversal undoes.
func standing(db *gorm.DB) *gorm.DB {
	return db.Model(&PointEntry{}).Where("deed_key IS NOT NULL").
		Where("id NOT IN (?)", db.Model(&PointEntry{}).Select("reverses_id").Where("reverses_id IS NOT NULL"))
}
