package data

import (
	"fmt"
	"slices"
	"time"

	"github.com/qunhuo/qunhuo/data/points"
	"gorm.io/gorm"
)

// The points ledger as the screens read it: entries newest first with the member's
// name, every member's balance, the leaderboards.

// PointLine is one ledger entry for a list: the entry with its member's name, and the
// entry that reversed it, if one did.
type PointLine struct {
	PointEntry
	QQ, Name   string
	ReversedBy *uint
}

// Reversible reports whether the owner may reverse the entry now: not a reversal, not a
// redemption's spend or refund, not reversed already.
func (l PointLine) Reversible() bool {
	return l.ReversedBy == nil && l.Reason != points.Reversal && l.Reason != points.Redeem && l.Reason != points.Refund
}

// PointFilter narrows the ledger list. The zero filter lists the newest entries of
// every member.
type PointFilter struct {
	GroupID  uint          // only members with a seat in this group; 0: every member
	MemberID uint          // only this member; 0: any
	Search   string        // only members the search matches (QQ号, name, pinyin)
	Reason   points.Reason // only this reason; "": any
	Limit    int           // at most this many (0: DefaultPointLimit)
	Offset   int           // skip this many of the newest first
}

// DefaultPointLimit is how many entries a list shows at once: a big group's ledger has
// hundreds of thousands, and the owner reads the newest.
const DefaultPointLimit = 1000

// PointEntries lists the ledger entries f selects, newest first, with member names and
// reversals, and how many f selects in all.
func (s *Store) PointEntries(f PointFilter) ([]PointLine, int64, error) {
	q, none, err := s.pointQuery(f)
	if err != nil || none {
		return nil, 0, err
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return nil, 0, fmt.Errorf("count point entries: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultPointLimit
	}
	var es []PointEntry
	if err := q.Order("at DESC, id DESC").Limit(limit).Offset(f.Offset).Find(&es).Error; err != nil {
		return nil, 0, fmt.Errorf("list point entries: %w", err)
	}
	lines, err := s.pointLines(es, f.GroupID)
	return lines, total, err
}

// pointQuery is the ledger query of f; none says that no member matches the search,
// so nothing needs reading.
func (s *Store) pointQuery(f PointFilter) (q *gorm.DB, none bool, err error) {
	q = s.db.Model(&PointEntry{})
	if f.GroupID != 0 {
		q = q.Where("member_id IN (?)", s.db.Model(&Membership{}).Select("member_id").Where("group_id = ?", f.GroupID))
	}
	if f.MemberID != 0 {
		q = q.Where("member_id = ?", f.MemberID)
	}
	if f.Reason != "" {
		q = q.Where("reason = ?", f.Reason)
	}
	if query := ParseQuery(f.Search); !query.Empty() {
		ids, err := s.searchMemberIDs(f.GroupID, query)
		if err != nil {
			return nil, false, err
		}
		if len(ids) == 0 {
			return nil, true, nil
		}
		q = q.Where("member_id IN ?", ids)
	}
	return q, false, nil
}

// searchMemberIDs are the members (of the group, or all) whose search key matches q.
func (s *Store) searchMemberIDs(groupID uint, q Query) ([]uint, error) {
	var rows []struct {
		ID        uint
		SearchKey string
	}
	db := s.db.Model(&Member{}).Select("id, search_key")
	if groupID != 0 {
		db = db.Where("id IN (?)", s.db.Model(&Membership{}).Select("member_id").Where("group_id = ?", groupID))
	}
	if err := db.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("search members: %w", err)
	}
	var ids []uint
	for _, r := range rows {
		if q.Matches(r.SearchKey) {
			ids = append(ids, r.ID)
		}
	}
	return ids, nil
}

// pointLines names the entries' members and finds the entries that reversed them.
func (s *Store) pointLines(es []PointEntry, groupID uint) ([]PointLine, error) {
	ids := make([]uint, 0, len(es))
	entryIDs := make([]uint, 0, len(es))
	for _, e := range es {
		ids = append(ids, e.MemberID)
		entryIDs = append(entryIDs, e.ID)
	}
	names, err := s.PointMemberNames(ids, groupID)
	if err != nil {
		return nil, err
	}
	reversedBy := map[uint]uint{}
	var rs []struct {
		ID         uint
		ReversesID uint
	}
	reversals := s.db.Model(&PointEntry{}).Select("id, reverses_id")
	if len(entryIDs) > 4*inChunk { // the whole ledger: every reversal in one read
		if err := reversals.Where("reverses_id IS NOT NULL").Scan(&rs).Error; err != nil {
			return nil, fmt.Errorf("point reversals: %w", err)
		}
	}
	for part := range slices.Chunk(entryIDs, inChunk) {
		if len(entryIDs) > 4*inChunk {
			break
		}
		var some []struct {
			ID         uint
			ReversesID uint
		}
		if err := reversals.Session(&gorm.Session{}).Where("reverses_id IN ?", part).Scan(&some).Error; err != nil {
			return nil, fmt.Errorf("point reversals: %w", err)
		}
		rs = append(rs, some...)
	}
	for _, r := range rs {
		reversedBy[r.ReversesID] = r.ID
	}
	lines := make([]PointLine, len(es))
	for i, e := range es {
		n := names[e.MemberID]
		lines[i] = PointLine{PointEntry: e, QQ: n.QQ, Name: n.Name}
		if r, ok := reversedBy[e.ID]; ok {
			lines[i].ReversedBy = &r
		}
	}
	return lines, nil
}

// inChunk is how many IDs one IN list holds: well under any database's limit of
// parameters.
const inChunk = 500

// PointMember is a member as the ledger names them.
type PointMember struct {
	QQ   string
	Name string // the group card in the group, else the nickname, else the masked QQ
}

// PointMemberNames names the members ids (duplicates allowed) as they are called in
// the group (0: by nickname). A member no longer there has no entry.
func (s *Store) PointMemberNames(ids []uint, groupID uint) (map[uint]PointMember, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(map[uint]PointMember, len(ids))
	for part := range slices.Chunk(ids, inChunk) {
		var ms []Member
		q := s.db.Select("id, qq, nickname").Where("id IN ?", part)
		if groupID != 0 {
			q = q.Preload("Memberships", "group_id = ?", groupID)
		}
		if err := q.Find(&ms).Error; err != nil {
			return nil, fmt.Errorf("name members: %w", err)
		}
		for i := range ms {
			out[ms[i].ID] = PointMember{QQ: ms[i].QQ, Name: ms[i].DisplayName(groupID)}
		}
	}
	return out, nil
}

// PointStanding is a member's balance and ranked total, named.
type PointStanding struct {
	PointBalance
	QQ, Name string
}

// PointStandings lists every member (of the group, or all) who has points or had
// some, most points first.
func (s *Store) PointStandings(groupID uint) ([]PointStanding, error) {
	q := s.db.Model(&PointBalance{})
	if groupID != 0 {
		q = q.Where("member_id IN (?)", s.db.Model(&Membership{}).Select("member_id").Where("group_id = ?", groupID))
	}
	var bs []PointBalance
	if err := q.Order("balance DESC, member_id").Find(&bs).Error; err != nil {
		return nil, fmt.Errorf("point standings: %w", err)
	}
	ids := make([]uint, len(bs))
	for i, b := range bs {
		ids[i] = b.MemberID
	}
	names, err := s.PointMemberNames(ids, groupID)
	if err != nil {
		return nil, err
	}
	out := make([]PointStanding, len(bs))
	for i, b := range bs {
		out[i] = PointStanding{PointBalance: b, QQ: names[b.MemberID].QQ, Name: names[b.MemberID].Name}
	}
	return out, nil
}

// PointRank is one place on a leaderboard. Members with the same points share a rank.
type PointRank struct {
	Rank     int
	MemberID uint
	QQ, Name string
	Points   int64
}

// PointBoard is a leaderboard: this month's (From ≤ at < To, in the owner's time zone)
// or all time's. Only ranked entries count (awards and their corrections, not what was
// spent on redemptions), and only members with more than 0 points are on it.
type PointBoard struct {
	Month    bool
	From, To time.Time
	Ranks    []PointRank
}

// MonthBounds is the calendar month of t in loc, as [from, to).
func MonthBounds(t time.Time, loc *time.Location) (from, to time.Time) {
	if loc == nil {
		loc = time.Local
	}
	l := t.In(loc)
	from = time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, loc)
	return from, from.AddDate(0, 1, 0)
}

// PointLeaderboard is the group's leaderboard (0: every member), the top limit
// members (0: all): this month's by the sum of the month's ranked entries, or all
// time's by the ranked total kept with each balance.
func (s *Store) PointLeaderboard(groupID uint, month bool, loc *time.Location, limit int) (PointBoard, error) {
	b := PointBoard{Month: month}
	var rows []struct {
		MemberID uint
		Points   int64
	}
	var q *gorm.DB
	if month {
		b.From, b.To = MonthBounds(s.Now(), loc)
		q = s.db.Model(&PointEntry{}).Select("member_id, SUM(amount) AS points").
			Where("at >= ? AND at < ? AND reason NOT IN ?", b.From.UTC(), b.To.UTC(), []points.Reason{points.Redeem, points.Refund}).
			Group("member_id").Having("SUM(amount) > 0").Order("points DESC, member_id")
	} else {
		q = s.db.Model(&PointBalance{}).Select("member_id, earned AS points").Where("earned > 0").
			Order("earned DESC, member_id")
	}
	if groupID != 0 {
		q = q.Where("member_id IN (?)", s.db.Model(&Membership{}).Select("member_id").Where("group_id = ?", groupID))
	}
	if limit > 0 {
		q = q.Limit(limit)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return b, fmt.Errorf("point leaderboard: %w", err)
	}
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.MemberID
	}
	names, err := s.PointMemberNames(ids, groupID)
	if err != nil {
		return b, err
	}
	b.Ranks = make([]PointRank, len(rows))
	for i, r := range rows {
		rank := i + 1
		if i > 0 && r.Points == rows[i-1].Points {
			rank = b.Ranks[i-1].Rank
		}
		n := names[r.MemberID]
		b.Ranks[i] = PointRank{Rank: rank, MemberID: r.MemberID, QQ: n.QQ, Name: n.Name, Points: r.Points}
	}
	return b, nil
}

// AllPointEntries is the whole ledger, oldest first, with member names (by nickname)
// and reversals: the workbook's 积分流水.
func (s *Store) AllPointEntries() ([]PointLine, error) {
	var es []PointEntry
	if err := s.db.Order("id").Find(&es).Error; err != nil {
		return nil, fmt.Errorf("all point entries: %w", err)
	}
	return s.pointLines(es, 0)
}
