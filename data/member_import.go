package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qunhuo/qunhuo/data/qqlist"
	"gorm.io/gorm"
)

// Importing a group's member list as QQ's web page gives it (package qqlist): the plan
// is made from values, shown to the owner, and ImportQQList writes it in one
// transaction, with the seats of members no longer in a complete list marked 已退群.

// ListRowKind is what importing QQ's list does for one member.
type ListRowKind int

// The kinds of row in a QQListPlan.
const (
	ListNew       ListRowKind = iota // 新增: nobody has this QQ number yet
	ListChanged                      // 变更: a known member whose seat or nickname changes
	ListUnchanged                    // 不变
	ListLeaving                      // 已退群: has a seat in the group but is not in the list
)

// ListRowKinds are the kinds in the order a summary shows them.
var ListRowKinds = []ListRowKind{ListNew, ListChanged, ListUnchanged, ListLeaving}

var listRowKindLabels = [...]string{"新增", "变更", "不变", "已退群"}

// Label is the kind in the owner's words.
func (k ListRowKind) Label() string {
	if k < 0 || int(k) >= len(listRowKindLabels) {
		return ""
	}
	return listRowKindLabels[k]
}

// ListRow is the plan for one member of the list, or for a seat the list no longer has.
type ListRow struct {
	Kind     ListRowKind
	QQ       string
	Name     string   // group card, else nickname
	Listed   int      // how often the list had the member; more than 1 was merged
	Details  []string // what changes, in the owner's words: 群名片 无 → 阿 九；回到本群
	Existing *Member  // the known member (points into the list given), or nil
	Record   *Member  // what is saved, for new and changed rows
}

// QQListPlan is what importing QQ's member list into one group would do.
type QQListPlan struct {
	GroupID uint
	Rows    []ListRow // the list's members in its order, then those leaving
	Merged  int       // entries that repeated a member
	// Complete: the list has every member QQ counts (qqlist.List.Complete), so members
	// not in it have left. Without it nobody is offered as leaving.
	Complete bool
	Declared int // the member count QQ gave, 0 when none
	Missing  int // seats in the group, not marked left, whose member is not in the list
	counts   [len(listRowKindLabels)]int
}

// Count is the number of rows of kind k.
func (p *QQListPlan) Count(k ListRowKind) int {
	if k < 0 || int(k) >= len(p.counts) {
		return 0
	}
	return p.counts[k]
}

// Listed is the number of distinct members in the list.
func (p *QQListPlan) Listed() int { return len(p.Rows) - p.counts[ListLeaving] }

// PlanQQList compares QQ's list with the known members (Store.Members(0): everyone, so
// someone known from another group gets a seat instead of a second record) for an
// import into group groupID. It reads and writes nothing. Times are shown in loc.
//
// A known member's nickname is updated when the list has one; the seat's 群名片, role,
// 入群时间, 最后发言 and 等级 become what QQ says (an empty card is no card; a time or
// level name the list lacks keeps the seat's); a seat marked 已退群 is taken back.
// Tags, notes and seats in other groups stay.
func PlanQQList(l qqlist.List, existing []Member, groupID uint, loc *time.Location) *QQListPlan {
	p := &QQListPlan{GroupID: groupID, Merged: l.Merged, Complete: l.Complete(), Declared: l.Declared}
	byQQ := make(map[string]*Member, len(existing))
	for i := range existing {
		byQQ[existing[i].QQ] = &existing[i]
	}
	inList := make(map[string]bool, len(l.Members))
	p.Rows = make([]ListRow, 0, len(l.Members))
	for i := range l.Members {
		qm := &l.Members[i]
		inList[qm.QQ] = true
		p.add(planListed(qm, byQQ[qm.QQ], groupID, loc))
	}
	for i := range existing {
		m := &existing[i]
		seat := m.In(groupID)
		if seat == nil || seat.LeftOn != nil || inList[m.QQ] {
			continue
		}
		p.Missing++
		if p.Complete {
			p.add(ListRow{Kind: ListLeaving, QQ: m.QQ, Name: m.DisplayName(groupID), Existing: m,
				Details: []string{"不在这份名单里" + lastSpokeText(seat, loc)}})
		}
	}
	return p
}

func (p *QQListPlan) add(r ListRow) {
	p.Rows = append(p.Rows, r)
	p.counts[r.Kind]++
}

func lastSpokeText(seat *Membership, loc *time.Location) string {
	if seat.LastSpokeAt == nil {
		return ""
	}
	return "，最后发言 " + FormatDate(seat.LastSpokeAt, loc)
}

// planListed plans one member of the list.
func planListed(qm *qqlist.Member, old *Member, groupID uint, loc *time.Location) ListRow {
	row := ListRow{QQ: qm.QQ, Listed: qm.Listed, Existing: old}
	m := &Member{QQ: qm.QQ, Nickname: qm.Nick}
	if old != nil {
		m = cloneMember(old)
		if qm.Nick != "" {
			m.Nickname = qm.Nick
		}
	}
	seat := m.In(groupID)
	joins := seat == nil
	if joins {
		m.Memberships = append(m.Memberships, Membership{GroupID: groupID})
		seat = &m.Memberships[len(m.Memberships)-1]
	}
	var before Membership
	if !joins {
		before = *seat
	}
	seat.CardName, seat.Role = qm.Card, seatRole(qm.Role)
	if t := utcOrNil(qm.JoinedAt); t != nil {
		seat.JoinedOn = t
	}
	if t := utcOrNil(qm.LastSpokeAt); t != nil {
		seat.LastSpokeAt = t
	}
	if qm.LevelName != "" {
		seat.LevelName = qm.LevelName
	}
	seat.LeftOn = nil
	row.Name = m.DisplayName(groupID)
	if qm.Listed > 1 {
		row.Details = append(row.Details, fmt.Sprintf("名单里出现 %d 次，已合并", qm.Listed))
	}
	if old == nil {
		row.Kind, row.Record = ListNew, m
		return row
	}
	var changes []string
	switch {
	case joins:
		changes = append(changes, "加入本群")
	case before.LeftOn != nil:
		changes = append(changes, "回到本群")
	}
	if old.Nickname != m.Nickname {
		changes = append(changes, "昵称 "+shownName(old.Nickname)+" → "+shownName(m.Nickname))
	}
	if !joins {
		changes = append(changes, seatChanges(&before, seat, loc)...)
	}
	row.Details = append(row.Details, changes...)
	row.Kind = ListUnchanged
	if len(changes) > 0 {
		row.Kind, row.Record = ListChanged, m
	}
	return row
}

// seatChanges lists what changes on a seat, in the owner's words.
func seatChanges(old, new *Membership, loc *time.Location) []string {
	var out []string
	if old.CardName != new.CardName {
		out = append(out, "群名片 "+shownName(old.CardName)+" → "+shownName(new.CardName))
	}
	if old.Role != new.Role {
		out = append(out, "身份 "+old.Role.Label()+" → "+new.Role.Label())
	}
	for _, t := range []struct {
		label    string
		old, new *time.Time
	}{{"入群时间", old.JoinedOn, new.JoinedOn}, {"最后发言", old.LastSpokeAt, new.LastSpokeAt}} {
		if !sameTime(t.old, t.new) {
			out = append(out, t.label+" "+shownName(FormatDate(t.old, loc))+" → "+shownName(FormatDate(t.new, loc)))
		}
	}
	if old.LevelName != new.LevelName {
		out = append(out, "等级 "+shownName(old.LevelName)+" → "+shownName(new.LevelName))
	}
	return out
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// shownName is a value in a change list: 无 when empty, cut short when long.
func shownName(s string) string {
	const maxShown = 20
	switch {
	case s == "":
		return "无"
	case utf8.RuneCountInString(s) > maxShown:
		return string([]rune(s)[:maxShown]) + "…"
	}
	return s
}

func seatRole(r qqlist.Role) Role {
	switch r {
	case qqlist.RoleOwner:
		return RoleOwner
	case qqlist.RoleAdmin:
		return RoleAdmin
	}
	return RoleMember
}

func utcOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// cloneMember copies m with its own seats and tags, so that a plan never changes the
// members it was given.
func cloneMember(m *Member) *Member {
	c := *m
	c.Memberships = slices.Clone(m.Memberships)
	c.Tags = slices.Clone(m.Tags)
	return &c
}

// Detail is the row's details on one line, for a preview.
func (r *ListRow) Detail() string { return strings.Join(r.Details, "；") }

// ToSave returns fresh copies of the new and changed members in list order, for
// ImportQQList; a save that was rolled back can be retried with a new call.
func (p *QQListPlan) ToSave() []*Member {
	var out []*Member
	for i := range p.Rows {
		if r := p.Rows[i].Record; r != nil {
			out = append(out, cloneMember(r))
		}
	}
	return out
}

// Leaving lists the ids of the members a complete list no longer has.
func (p *QQListPlan) Leaving() []uint {
	var ids []uint
	for i := range p.Rows {
		if p.Rows[i].Kind == ListLeaving {
			ids = append(ids, p.Rows[i].Existing.ID)
		}
	}
	return ids
}

// ListImported is what ImportQQList wrote.
type ListImported struct {
	Saved  int // members created or updated
	Marked int // seats marked 已退群
}

// ImportQQList saves the plan's new and changed members and, when markLeft is set,
// marks the seats of those leaving as 已退群 on the store's clock, all in one
// transaction: either everything is written or nothing. Members are never deleted.
func (s *Store) ImportQQList(p *QQListPlan, markLeft bool) (ListImported, error) {
	ms := p.ToSave()
	var leaving []uint
	if markLeft {
		leaving = p.Leaving()
	}
	now := s.Now()
	var done ListImported
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := saveListed(tx, ms); err != nil {
			return err
		}
		for part := range slices.Chunk(leaving, bulkChunk) {
			res := tx.Model(&Membership{}).Where("group_id = ? AND left_on IS NULL AND member_id IN ?", p.GroupID, part).
				Update("left_on", now)
			if res.Error != nil {
				return fmt.Errorf("mark members left: %w", res.Error)
			}
			done.Marked += int(res.RowsAffected)
		}
		return nil
	})
	if err != nil {
		return ListImported{}, err
	}
	done.Saved = len(ms)
	return done, nil
}

// saveListed saves members a table at a time, or one by one when that cannot give the
// same result (see saveMembersBulk), inside tx.
func saveListed(tx *gorm.DB, ms []*Member) error {
	err := saveMembersBulk(tx, ms)
	if !errors.Is(err, errNotBulk) {
		return err
	}
	for i, m := range ms {
		if err := saveMember(tx, m); err != nil {
			return &RowError{Index: i, Err: err}
		}
	}
	return nil
}

// ReadTime reads a date or a date and time as forms and sheets hold them (2026-12-31,
// 2026/12/31 20:00, 2026年12月31日…) in loc: nil for an empty text; ok is false for
// text that is no such time (昨天, 2026-13-01), which an import refuses rather than drops.
func ReadTime(s string, loc *time.Location) (t *time.Time, ok bool) {
	var p problems
	t = parseDate(&p, "", "", s, loc, false)
	return t, len(p) == 0
}

// KeepListFacts copies onto m's seats what the member form does not edit but QQ's list
// told about them (最后发言, 等级, 已退群), from prev, the member as it was loaded, so
// that saving the form keeps them.
func (m *Member) KeepListFacts(prev *Member) {
	for i := range m.Memberships {
		seat := &m.Memberships[i]
		if old := prev.In(seat.GroupID); old != nil {
			seat.LastSpokeAt, seat.LevelName, seat.LeftOn = old.LastSpokeAt, old.LevelName, old.LeftOn
		}
	}
}
