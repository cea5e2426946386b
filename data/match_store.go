package data

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/qunhuo/qunhuo/data/match"
	"github.com/qunhuo/qunhuo/data/wording"
)

// requestMemory is how far back requests count for matching: what a member asked for
// more than a year ago says little about today.
const requestMemory = 365 * 24 * time.Hour

// MatchForResource gathers what matching resource id needs: its facts, and the need
// profile of every member of group groupID (0: every member) who has not left it,
// with their requests of the last year and when each was last told about the resource
// within the owner's notice window. It reads a table at a time (no query per member)
// in one snapshot; match.Members ranks the result.
func (s *Store) MatchForResource(id, groupID uint) (match.Resource, []match.Member, error) {
	var res match.Resource
	var ms []match.Member
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var r Resource
		if err := tx.Preload("Category").Take(&r, id).Error; err != nil {
			return err
		}
		res = MatchResourceOf(&r, s.Now())
		days, err := noticeDays(tx)
		if err != nil {
			return err
		}
		ms, err = gatherProfiles(tx, groupID, s.Now())
		if err != nil {
			return err
		}
		if err := markPriorities(tx, ms, s.Now()); err != nil {
			return err
		}
		var ns []Notice
		since := s.Now().AddDate(0, 0, -days)
		if err := tx.Where("resource_id = ? AND at >= ?", id, since).Order("at DESC, id DESC").Find(&ns).Error; err != nil {
			return err
		}
		last := lastNotices(ns)
		for i := range ms {
			if n, ok := last[ms[i].ID]; ok {
				ms[i].ToldAt, ms[i].ToldWay = n.At, n.Way.Label()
			}
		}
		return nil
	})
	if err != nil {
		return res, nil, fmt.Errorf("match resource %d: %w", id, err)
	}
	return res, ms, nil
}

// MatchResourceOf is what matching knows about r (with its Category loaded) at now.
func MatchResourceOf(r *Resource, now time.Time) match.Resource {
	key := r.SearchKey
	if key == "" {
		key = resourceSearchKey(r)
	}
	return match.Resource{
		ID: r.ID, Name: r.Name, Category: r.Category.Name, Key: key,
		Subjects:   match.SubjectsOf(r.Name, r.TagList()),
		Discounted: r.Discounted(),
		Limited:    r.ValidUntil != nil && r.StateAt(now) == StateOnSale,
	}
}

// MatchForMember gathers what matching one member needs: their need profile (as a
// member of groupID, 0: any group) and every resource that can be bought now (on
// sale, in stock, within its dates), in the catalog's order; match.Resources ranks
// them.
func (s *Store) MatchForMember(memberID, groupID uint) (match.Member, []match.Resource, []Resource, error) {
	var m match.Member
	var facts []match.Resource
	var onSale []Resource
	now := s.Now()
	err := s.db.Transaction(func(tx *gorm.DB) error {
		ms, err := gatherProfilesOf(tx, []uint{memberID}, groupID, now)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			return ErrNotFound
		}
		m = ms[0]
		cats, sups, err := resourceLookups(tx)
		if err != nil {
			return err
		}
		all, err := scanResources(tx.Where("status = ?", StatusOnSale).Session(&gorm.Session{}), cats, sups)
		if err != nil {
			return err
		}
		for i := range all {
			if all[i].StateAt(now) == StateOnSale {
				onSale = append(onSale, all[i])
			}
		}
		facts = make([]match.Resource, len(onSale))
		for i := range onSale {
			facts[i] = MatchResourceOf(&onSale[i], now)
		}
		return nil
	})
	if err != nil {
		return m, nil, nil, fmt.Errorf("match member %d: %w", memberID, err)
	}
	return m, facts, onSale, nil
}

// gatherProfiles loads the profiles of the members of groupID who have not left it;
// with groupID 0, of every member who has not left all their groups.
func gatherProfiles(tx *gorm.DB, groupID uint, now time.Time) ([]match.Member, error) {
	return gatherProfilesOf(tx, nil, groupID, now)
}

// gatherProfilesOf is gatherProfiles, narrowed to ids when not nil. It reads rows
// itself instead of through GORM's reflection, and decides who is in the group in Go
// rather than with IN (subquery): at 3,000 members that took the gathering from 68 ms
// to 46.
func gatherProfilesOf(tx *gorm.DB, ids []uint, groupID uint, now time.Time) ([]match.Member, error) {
	narrow := func(db *gorm.DB, column string) *gorm.DB {
		if ids != nil {
			return db.Where(column+" IN ?", ids)
		}
		return db
	}
	// Seats decide who is in: with a group, a seat there not left; without, no seat at
	// all or one seat not left.
	type seatInfo struct {
		in, anySeat bool
		card        string
	}
	seats := map[uint]*seatInfo{}
	q := narrow(tx.Model(&Membership{}).Select("member_id", "group_id", "card_name", "left_on"), "member_id")
	err := eachRow(q, func(scan func(...any) error) error {
		var mid, gid uint
		var card string
		var left *time.Time
		if err := scan(&mid, &gid, &card, &left); err != nil {
			return err
		}
		si := seats[mid]
		if si == nil {
			si = &seatInfo{}
			seats[mid] = si
		}
		si.anySeat = true
		if left == nil && (groupID == 0 || gid == groupID) {
			si.in = true
			if gid == groupID {
				si.card = card
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var ms []match.Member
	at := map[uint]int{}
	q = narrow(tx.Model(&Member{}).Select("id", "qq", "nickname").Order("id"), "id")
	err = eachRow(q, func(scan func(...any) error) error {
		var id uint
		var qq, nick string
		if err := scan(&id, &qq, &nick); err != nil {
			return err
		}
		si := seats[id]
		if !(si != nil && si.in) && !(groupID == 0 && si == nil) {
			return nil
		}
		m := match.Member{ID: id, Name: nick, MaskedQQ: MaskQQ(qq)}
		if si != nil && si.card != "" {
			m.Name = si.card
		} else if m.Name == "" {
			m.Name = m.MaskedQQ
		}
		at[id] = len(ms)
		ms = append(ms, m)
		return nil
	})
	if err != nil || len(ms) == 0 {
		return ms, err
	}
	q = narrow(tx.Model(&MemberTag{}).Select("member_id", "kind", "value").Where("kind IN ?", []TagKind{TagMotivation, TagInterest}).Order("id"), "member_id")
	err = eachRow(q, func(scan func(...any) error) error {
		var mid uint
		var kind TagKind
		var value string
		if err := scan(&mid, &kind, &value); err != nil {
			return err
		}
		i, ok := at[mid]
		switch {
		case !ok:
		case kind == TagMotivation:
			ms[i].Motivations = append(ms[i].Motivations, value)
		default:
			ms[i].Interests = append(ms[i].Interests, value)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ms, addRequests(tx, ms, at, func(db *gorm.DB) *gorm.DB { return narrow(db, "member_id") }, now)
}

// eachRow runs q and calls fn with the scan of each row.
func eachRow(q *gorm.DB, fn func(scan func(...any) error) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// addRequests puts each member's requests of the last year on their profile, oldest
// first, with the items matching compares.
func addRequests(tx *gorm.DB, ms []match.Member, at map[uint]int, narrow func(*gorm.DB) *gorm.DB, now time.Time) error {
	th, err := thesaurus(tx)
	if err != nil {
		return err
	}
	items := map[string][]string{} // item key → items, shared by requests for the same thing
	q := tx.Model(&Request{}).Select("member_id", "text", "item_key", "state", "resource_id", "asked_at").
		Where("asked_at >= ?", now.Add(-requestMemory))
	// In no order: ordering by asked_at and id needs a temporary B-tree in SQLite; each
	// member's few requests are sorted below instead.
	err = eachRow(narrow(q), func(scan func(...any) error) error {
		var r Request
		if err := scan(&r.MemberID, &r.Text, &r.ItemKey, &r.State, &r.ResourceID, &r.AskedAt); err != nil {
			return err
		}
		i, ok := at[r.MemberID]
		if !ok {
			return nil
		}
		key := r.ItemKey
		if key == "" {
			key = wording.ItemKey(r.Text)
		}
		its, ok := items[key]
		if !ok {
			its = RequestItems(th, key)
			items[key] = its
		}
		q := match.Request{Text: r.Text, At: r.AskedAt, Open: r.State != RequestMet, Items: its}
		if r.ResourceID != nil {
			q.ResourceID = *r.ResourceID
		}
		ms[i].Requests = append(ms[i].Requests, q)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range ms {
		slices.SortStableFunc(ms[i].Requests, func(a, b match.Request) int { return a.At.Compare(b.At) })
	}
	return nil
}

// thesaurus is the default synonyms with the owner's own.
func thesaurus(tx *gorm.DB) (*wording.Thesaurus, error) {
	var syns []Synonym
	if err := tx.Find(&syns).Error; err != nil {
		return nil, err
	}
	own := make([][2]string, len(syns))
	for i, s := range syns {
		own[i] = [2]string{s.Word, s.Means}
	}
	return wording.NewThesaurus(own), nil
}

// RequestItems are the items matching looks for in a resource for a request whose
// item key is key: the key, then the key with one of its words replaced by each of
// its synonyms (王者点券 → 王者荣耀点券, wzry点券…).
func RequestItems(th *wording.Thesaurus, key string) []string {
	items := []string{key}
	terms := th.Terms(key)
	for i, t := range terms {
		for _, same := range t.Same {
			var b strings.Builder
			for j, u := range terms {
				if j == i {
					b.WriteString(same)
				} else {
					b.WriteString(u.Word)
				}
			}
			items = append(items, b.String())
		}
	}
	return items
}
