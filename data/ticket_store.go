package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/qunhuo/qunhuo/data/aftersales"
	"github.com/qunhuo/qunhuo/data/sla"
)

// MaxTicketTextLen is how long a ticket's description or a reply may be.
const MaxTicketTextLen = 1000

// settingTicketHours keeps the promise's hours; read and write it through
// TicketPromiseHours and SetTicketPromiseHours.
const settingTicketHours = "ticket_promise_hours"

// TicketPromiseHours is how many hours after opening a ticket's first response is
// promised by: sla.DefaultHours until the owner sets another.
func (s *Store) TicketPromiseHours() (int, error) { return ticketPromiseHours(s.db) }

func ticketPromiseHours(db *gorm.DB) (int, error) {
	v, ok, err := getSetting(db, settingTicketHours)
	if err != nil || !ok {
		return sla.DefaultHours, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return sla.DefaultHours, fmt.Errorf("setting %s = %q: %w", settingTicketHours, v, err)
	}
	return n, nil
}

// SetTicketPromiseHours sets the promise for tickets opened from now on; tickets
// already open keep the due time they were opened with. Hours outside sla.MinHours to
// sla.MaxHours are refused at the field promise_hours.
func (s *Store) SetTicketPromiseHours(n int) error {
	if n < sla.MinHours || n > sla.MaxHours {
		return ValidationError{{Field: "promise_hours",
			Message: fmt.Sprintf("响应承诺须在 %d 到 %d 小时之间，请重新选择", sla.MinHours, sla.MaxHours)}}
	}
	return setSetting(s.db, settingTicketHours, strconv.Itoa(n))
}

// TicketDraft is a ticket as the form has it.
type TicketDraft struct {
	MemberID    uint
	GroupID     *uint // the group it came from, when one is chosen
	ResourceID  *uint // the resource it is about, if any
	TradeID     *uint // the escrow trade it is about, if any
	Category    TicketCategory
	Description string
}

// Check refuses a draft without a member, category or description, or with a
// description over MaxTicketTextLen, naming the field: "member", "category",
// "description".
func (d TicketDraft) Check() error {
	var p problems
	if d.MemberID == 0 {
		p.add("member", "请选是哪位成员的售后（可输入QQ号、昵称、群名片或拼音）")
	}
	if !aftersales.Category(d.Category).Valid() {
		p.add("category", "请选问题类型")
	}
	checkText(&p, "description", "问题描述", d.Description, MaxTicketTextLen, true)
	return p.err()
}

// OpenTicket checks d and opens it as 待响应, due the promise's hours from now, with
// the opening in its log. A member, resource or trade that no longer exists is
// refused at its field.
func (s *Store) OpenTicket(d TicketDraft) (Ticket, error) {
	if err := d.Check(); err != nil {
		return Ticket{}, err
	}
	now := s.Now()
	t := Ticket{MemberID: d.MemberID, GroupID: d.GroupID, ResourceID: d.ResourceID, TradeID: d.TradeID,
		Category: d.Category, Description: strings.TrimSpace(d.Description), State: TicketWaiting, OpenedAt: now}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		hours, err := ticketPromiseHours(tx)
		if err != nil {
			return err
		}
		t.DueAt = sla.Due(now, hours)
		if err := ticketRefsExist(tx, d); err != nil {
			return err
		}
		if err := tx.Omit("Member", "Resource", "Trade", "Events").Create(&t).Error; err != nil {
			return err
		}
		return tx.Create(&TicketEvent{TicketID: t.ID, To: TicketWaiting, Note: "开单", At: now}).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return Ticket{}, ve
		}
		return Ticket{}, fmt.Errorf("open ticket: %w", err)
	}
	return t, nil
}

// ticketRefsExist refuses a draft whose member, resource or trade is gone.
func ticketRefsExist(tx *gorm.DB, d TicketDraft) error {
	var p problems
	refs := []struct {
		model any
		id    *uint
		field string
		msg   string
	}{
		{&Member{}, &d.MemberID, "member", "这位成员已经不在成员列表里了，请重新选择"},
		{&Resource{}, d.ResourceID, "resource", "这个资源已经不在资源库里了，请重新选择或不选"},
		{&Trade{}, d.TradeID, "trade", "这笔担保交易已经不存在了，请重新选择或不选"},
	}
	for _, r := range refs {
		if r.id == nil {
			continue
		}
		var n int64
		if err := tx.Model(r.model).Where("id = ?", *r.id).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			p.add(r.field, "%s", r.msg)
		}
	}
	return p.err()
}

// MoveTicket moves ticket id to state to (the table in data/aftersales), with note in
// its log. The first move out of 待响应 is the first response; 已解决 and 已关闭 keep
// their times; reopening (to 处理中 from 已解决 or 已关闭) clears them but keeps the
// first response and the due time: the promise is not reset. A move the table does
// not allow, or one from a state the ticket has just left (another window was
// quicker), is a *TicketMoveError and changes nothing.
func (s *Store) MoveTicket(id uint, to TicketState, note string) (Ticket, error) {
	return s.changeTicket(id, note, func(from TicketState) (TicketState, error) {
		if !from.CanMove(to) {
			return "", &TicketMoveError{From: from, To: to}
		}
		return to, nil
	})
}

// ReplyTicket records a reply to the member, note being what was said (required).
// A reply to a ticket 待响应 is its first response and moves it to 处理中; on a
// ticket 处理中 or 已解决 it is kept in the log without a move. A closed ticket must be
// reopened first (a *TicketMoveError).
func (s *Store) ReplyTicket(id uint, note string) (Ticket, error) {
	var p problems
	note = checkText(&p, "reply", "回复内容", note, MaxTicketTextLen, true)
	if err := p.err(); err != nil {
		return Ticket{}, err
	}
	return s.changeTicket(id, note, func(from TicketState) (TicketState, error) {
		switch {
		case !aftersales.State(from).CanReply():
			return "", &TicketMoveError{From: from, To: from}
		case from == TicketWaiting:
			return TicketInProgress, nil
		}
		return from, nil
	})
}

// changeTicket loads ticket id, lets next decide the state it goes to, and saves the
// move and its log entry in one transaction (applyTicketMove).
func (s *Store) changeTicket(id uint, note string, next func(from TicketState) (TicketState, error)) (Ticket, error) {
	var p problems
	note = checkText(&p, "note", "备注", note, MaxTicketTextLen, false)
	if err := p.err(); err != nil {
		return Ticket{}, err
	}
	var t Ticket
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.First(&t, id).Error; err != nil {
			return notFound(fmt.Sprintf("ticket %d", id), err)
		}
		to, err := next(t.State)
		if err != nil {
			return err
		}
		if err := applyTicketMove(tx, t, to, note, s.Now()); err != nil {
			return err
		}
		t = Ticket{} // a reused struct keeps old values where the row now has NULL
		return tx.First(&t, id).Error
	})
	if err != nil {
		var ve ValidationError
		if errors.As(err, &ve) {
			return Ticket{}, ve
		}
		return Ticket{}, fmt.Errorf("change ticket %d: %w", id, err)
	}
	return t, nil
}

// applyTicketMove moves ticket t, as read in tx, to state to at now and logs it. The
// UPDATE is conditional on the state read (WHERE id = ? AND state = ?): when another
// writer moved the ticket since, nothing is changed and the move is a
// *TicketMoveError. SQLite already refuses a write on a stale read; PostgreSQL at READ
// COMMITTED (the team mode) would not, and this keeps two moves from both being made.
func applyTicketMove(tx *gorm.DB, t Ticket, to TicketState, note string, now time.Time) error {
	from := t.State
	set := map[string]any{"state": to, "updated_at": now}
	if t.FirstResponseAt == nil && from == TicketWaiting {
		set["first_response_at"] = now // any move or reply out of 待响应
	}
	switch {
	case to == TicketResolved && from != TicketResolved:
		set["resolved_at"] = now
	case to == TicketClosed && from != TicketClosed:
		set["closed_at"] = now
	case aftersales.IsReopen(aftersales.State(from), aftersales.State(to)):
		set["resolved_at"], set["closed_at"] = nil, nil
	}
	res := tx.Model(&Ticket{}).Where("id = ? AND state = ?", t.ID, from).Updates(set)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return &TicketMoveError{From: from, To: to}
	}
	return tx.Create(&TicketEvent{TicketID: t.ID, From: from, To: to, Note: note, At: now}).Error
}

// ticketsOf narrows a query to a group's tickets (0: every group's).
func ticketsOf(q *gorm.DB, groupID uint) *gorm.DB {
	if groupID != 0 {
		q = q.Where("group_id = ?", groupID)
	}
	return q
}

// Tickets lists a group's tickets (0: all) in the given states (none: every state),
// with their member, resource and trade, in the order SortTickets gives at now.
func (s *Store) Tickets(groupID uint, now time.Time, states ...TicketState) ([]Ticket, error) {
	q := ticketsOf(s.db.Preload("Member.Memberships").Preload("Resource").Preload("Trade"), groupID)
	if len(states) > 0 {
		q = q.Where("state IN ?", states)
	}
	var ts []Ticket
	if err := q.Find(&ts).Error; err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	SortTickets(ts, now)
	return ts, nil
}

// TicketList is the 全部 list: every open ticket of a group (0: all) and the settled
// ones (已解决, 已关闭) last changed most recently, at most settled of them, in the
// order SortTickets gives at now. Every ticket of a big group's years took 1.2 s to
// load (BenchmarkTickets/all, 20,000 tickets); the export has them all.
func (s *Store) TicketList(groupID uint, now time.Time, settled int) ([]Ticket, error) {
	open, err := s.Tickets(groupID, now, TicketWaiting, TicketInProgress)
	if err != nil {
		return nil, err
	}
	var done []Ticket
	err = ticketsOf(s.db.Preload("Member.Memberships").Preload("Resource").Preload("Trade"), groupID).
		Where("state IN ?", []TicketState{TicketResolved, TicketClosed}).
		Order("updated_at DESC").Order("id DESC").Limit(settled).Find(&done).Error
	if err != nil {
		return nil, fmt.Errorf("list settled tickets: %w", err)
	}
	ts := append(open, done...)
	SortTickets(ts, now)
	return ts, nil
}

// SortTickets puts the most urgent first: overdue, then due within sla.WarnBefore,
// then waiting, each soonest due first; then the answered ones still open, oldest
// first; then the settled ones, newest first.
func SortTickets(ts []Ticket, now time.Time) {
	rank := func(t *Ticket) int {
		if !t.State.Open() {
			return int(sla.Answered) + 1
		}
		return int(t.Bucket(now))
	}
	slices.SortStableFunc(ts, func(a, b Ticket) int {
		ra, rb := rank(&a), rank(&b)
		if c := cmp.Compare(ra, rb); c != 0 {
			return c
		}
		if ra > int(sla.Answered) {
			return cmp.Or(b.UpdatedAt.Compare(a.UpdatedAt), cmp.Compare(b.ID, a.ID))
		}
		if ra == int(sla.Answered) {
			return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID))
		}
		return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.ID, b.ID))
	})
}

// Ticket loads one ticket with its member, resource, trade and log (oldest first).
func (s *Store) Ticket(id uint) (Ticket, error) {
	var t Ticket
	err := s.db.Preload("Member.Memberships").Preload("Resource").Preload("Trade").
		Preload("Events", func(q *gorm.DB) *gorm.DB { return q.Order("at").Order("id") }).
		First(&t, id).Error
	if err != nil {
		return Ticket{}, notFound(fmt.Sprintf("ticket %d", id), err)
	}
	return t, nil
}

// TicketsToWarn lists the tickets still waiting for their first response that are due
// within sla.WarnBefore of now (or already overdue) and were not warned about yet,
// soonest due first, with their members.
func (s *Store) TicketsToWarn(now time.Time) ([]Ticket, error) {
	var ts []Ticket
	err := s.db.Preload("Member.Memberships").
		Where("state = ? AND warned_at IS NULL AND due_at <= ?", TicketWaiting, now.Add(sla.WarnBefore)).
		Order("due_at").Order("id").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("tickets to warn: %w", err)
	}
	return ts, nil
}

// MarkTicketWarned records that the owner was warned about ticket id at at. It
// reports false when the ticket had been warned already (by another window, or before
// a restart), so the warning is given once per ticket.
func (s *Store) MarkTicketWarned(id uint, at time.Time) (bool, error) {
	res := s.db.Model(&Ticket{}).Where("id = ? AND warned_at IS NULL", id).
		UpdateColumn("warned_at", at.UTC())
	if res.Error != nil {
		return false, fmt.Errorf("mark ticket %d warned: %w", id, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// TicketMonths sums up a group's tickets (0: all) by the month they were opened in loc
// (nil: the computer's zone), for the months months up to now's (or from the first
// ticket's, when later), newest first, empty months included; now judges the tickets
// still inside their promise.
func (s *Store) TicketMonths(groupID uint, now time.Time, loc *time.Location, months int) ([]sla.Month, error) {
	if loc == nil {
		loc = time.Local
	}
	l := now.In(loc)
	since := time.Date(l.Year(), l.Month()-time.Month(max(months, 1)-1), 1, 0, 0, 0, 0, loc)
	var ts []Ticket
	err := ticketsOf(s.db.Select("id", "category", "opened_at", "due_at", "first_response_at", "resolved_at"), groupID).
		Where("opened_at >= ?", since.UTC()).Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("ticket months: %w", err)
	}
	first := now
	in := make([]sla.Ticket, len(ts))
	for i, t := range ts {
		in[i] = sla.Ticket{Category: string(t.Category), OpenedAt: t.OpenedAt, DueAt: t.DueAt,
			FirstResponseAt: t.FirstResponseAt, ResolvedAt: t.ResolvedAt}
		if t.OpenedAt.Before(first) {
			first = t.OpenedAt
		}
	}
	cats := make([]string, len(TicketCategories))
	for i, c := range TicketCategories {
		cats[i] = string(c)
	}
	return sla.Months(in, cats, first, now, now, loc), nil
}

// urgentTickets is the 今日 line of tickets overdue or due within sla.WarnBefore: the
// first few, most urgent first, named 小明（卡密无效，剩 1小时20分） or
// 小明（退款，超时 3小时）.
func urgentTickets(tx *gorm.DB, groupID uint, now time.Time) (AgendaLine, error) {
	var ts []Ticket
	err := ticketsOf(tx.Preload("Member.Memberships"), groupID).
		Where("state = ? AND due_at <= ?", TicketWaiting, now.Add(sla.WarnBefore)).
		Order("due_at").Order("id").Find(&ts).Error
	if err != nil {
		return AgendaLine{}, err
	}
	line := AgendaLine{Count: len(ts)}
	for _, t := range ts[:min(len(ts), AgendaLineLength)] {
		left := "剩 " + FormatWait(t.Remaining(now))
		if t.Remaining(now) <= 0 {
			left = "超时 " + FormatWait(-t.Remaining(now))
		}
		line.Names = append(line.Names, t.Who(groupID)+"（"+t.Category.Label()+"，"+left+"）")
		line.IDs = append(line.IDs, t.ID)
	}
	return line, nil
}

// AllTickets lists every group's tickets with their member, resource, trade and log,
// oldest first, for the whole-database workbook.
func (s *Store) AllTickets() ([]Ticket, error) {
	var ts []Ticket
	err := s.db.Preload("Member").Preload("Resource").Preload("Trade").
		Preload("Events", func(q *gorm.DB) *gorm.DB { return q.Order("at").Order("id") }).
		Order("opened_at").Order("id").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("all tickets: %w", err)
	}
	return ts, nil
}
