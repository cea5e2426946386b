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
// hundreds of thousands, and the owner reads the newest or narrows the list.
const DefaultPointLimit = 1000

// PointEntries lists the ledger entries f selects, newest first, with member names and
// reversals; more says that older ones are left out (past f.Limit). Newest is last
// written: the ledger is only appended to, and the key's order needs no sort. A count
// of a 200,000-row ledger would cost more than the page, so there is none.
func (s *Store) PointEntries(f PointFilter) (lines []PointLine, more bool, err error) {
	q, none, err := s.pointQuery(f)
	if err != nil || none {
		return nil, false, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultPointLimit
	}
	var es []PointEntry
	if err := q.Order("id DESC").Limit(limit + 1).Offset(f.Offset).Find(&es).Error; err != nil {
		return nil, false, fmt.Errorf("list point entries: %w", err)
	}
	if len(es) > limit {
		es, more = es[:limit], true
	}
	lines, err = s.pointLines(es, f.GroupID)
	return lines, more, err
}

// pointQuery is the ledger query of f; none says that no member matches the search,
// so nothing needs reading.
func (s *Store) pointQuery(f PointFilter) (q *gorm.DB, none bool, err error) {
	q = s.db.Model(&PointEntry{})
	if f.GroupID != 0 {
		// EXISTS, not IN: with IN SQLite reads every entry of the group's members by
		// index and sorts them; EXISTS walks the key backwards and stops at the page.
		q = q.Where("EXISTS (SELECT 1 FROM memberships ms WHERE ms.member_id = point_entries.member_id AND ms.group_id = ?)", f.GroupID)
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
	q := s.db.Table("point_balances b").Joins("JOIN members m ON m.id = b.member_id")
	if groupID != 0 {
		q = q.Joins("JOIN memberships ms ON ms.member_id = b.member_id AND ms.group_id = ?", groupID).
			Select("b.*, m.qq, m.nickname, ms.card_name")
	} else {
		q = q.Select("b.*, m.qq, m.nickname, '' AS card_name")
	}
	var rows []struct {
		PointBalance
		QQ       string `gorm:"column:qq"`
		Nickname string
		CardName string
	}
	if err := q.Order("b.balance DESC, b.member_id").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("point standings: %w", err)
	}
	out := make([]PointStanding, len(rows))
	for i, r := range rows {
		out[i] = PointStanding{PointBalance: r.PointBalance, QQ: r.QQ, Name: pointName(r.QQ, r.Nickname, r.CardName)}
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
// time's by the ranked total kept with each balance. One query names the members too:
// over a big group's 200,000 entries it takes milliseconds (BenchmarkPointLeaderboard).
func (s *Store) PointLeaderboard(groupID uint, month bool, loc *time.Location, limit int) (PointBoard, error) {
	b := PointBoard{Month: month}
	var totals *gorm.DB
	if month {
		b.From, b.To = MonthBounds(s.Now(), loc)
		totals = s.db.Model(&PointEntry{}).Select("member_id, SUM(amount) AS points").
			Where("at >= ? AND at < ? AND reason NOT IN ?", b.From.UTC(), b.To.UTC(), []points.Reason{points.Redeem, points.Refund}).
			Group("member_id").Having("SUM(amount) > 0")
	} else {
		totals = s.db.Model(&PointBalance{}).Select("member_id, earned AS points").Where("earned > 0")
	}
	q := s.db.Table("(?) AS t", totals).Joins("JOIN members m ON m.id = t.member_id")
	if groupID != 0 {
		q = q.Joins("JOIN memberships ms ON ms.member_id = t.member_id AND ms.group_id = ?", groupID).
			Select("t.member_id, t.points, m.qq, m.nickname, ms.card_name")
	} else {
		q = q.Select("t.member_id, t.points, m.qq, m.nickname, '' AS card_name")
	}
	q = q.Order("t.points DESC, t.member_id")
	if limit > 0 {
		q = q.Limit(limit)
	}
	var rows []struct {
		MemberID uint
		Points   int64
		QQ       string `gorm:"column:qq"`
		Nickname string
		CardName string
	}
	if err := q.Scan(&rows).Error; err != nil {
		return b, fmt.Errorf("point leaderboard: %w", err)
	}
	b.Ranks = make([]PointRank, len(rows))
	for i, r := range rows {
		rank := i + 1
		if i > 0 && r.Points == rows[i-1].Points {
			rank = b.Ranks[i-1].Rank
		}
		b.Ranks[i] = PointRank{Rank: rank, MemberID: r.MemberID, QQ: r.QQ, Name: pointName(r.QQ, r.Nickname, r.CardName),
			Points: r.Points}
	}
	return b, nil
}

// pointName is Member.DisplayName from the columns: the group card, else the
// nickname, else the masked QQ number.
func pointName(qq, nickname, card string) string {
	switch {
	case card != "":
		return card
	case nickname != "":
		return nickname
	}
	return MaskQQ(qq)
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
