package data_test

import (
	"fmt"
	"strings"

	"github.com/qunhuo/qunhuo/data"
	"github.com/qunhuo/qunhuo/data/aftersales"
	"gorm.io/gorm"
)

// ticketStep is the next move the crash writer makes from each state: 待响应 by a
// reply or a move, then 已解决, 已关闭, and a reopen now and then.
func ticketStep(c *crashChild, t data.Ticket, key string, seq int) error {
	var to data.TicketState
	switch t.State {
	case data.TicketWaiting:
		if seq%2 == 0 {
			_, err := c.s.ReplyTicket(t.ID, key)
			return err
		}
		to = data.TicketInProgress
	case data.TicketInProgress:
		to = data.TicketResolved
	case data.TicketResolved:
		to = data.TicketClosed
		if seq%4 == 0 {
			to = data.TicketInProgress // reopened
		}
	}
	_, err := c.s.MoveTicket(t.ID, to, key)
	return err
}

// writeTicket opens an after-sales ticket (the ticket and its first log line, one
// transaction; description "crash <key>") or moves the newest open one a step (its
// state, times and a log line noted with the key). The member is the round's own.
func writeTicket(c *crashChild, u *crashUnit) error {
	db := data.DB(c.s)
	var open []data.Ticket
	if err := db.Where("description LIKE 'crash %' AND state <> ?", data.TicketClosed).
		Order("id DESC").Limit(1).Find(&open).Error; err != nil {
		return err
	}
	if u.Seq%3 != 0 && len(open) == 1 {
		return ticketStep(c, open[0], u.Key, u.Seq)
	}
	nick := fmt.Sprintf("tk-%d", c.round)
	var m data.Member
	if err := db.Where("nickname = ?", nick).Limit(1).Find(&m).Error; err != nil {
		return err
	}
	if m.ID == 0 {
		m = data.Member{QQ: qqFor(c.round, u.Seq, 500), Nickname: nick}
		if err := c.s.SaveMember(&m); err != nil {
			return err
		}
	}
	_, err := c.s.OpenTicket(data.TicketDraft{GroupID: &c.groupID, MemberID: m.ID,
		Category: data.TicketCategories[u.Seq%len(data.TicketCategories)], Description: "crash " + u.Key})
	return err
}

// presentTicket finds the unit's save: the ticket it opened, or the log line of its
// move or reply.
func presentTicket(db *gorm.DB, u crashUnit) error {
	return presentOpenedOrMoved(db, u, "ticket", "tickets", "description", "ticket_events")
}

// checkTickets: a ticket's log opens into 待响应, each line moves on from where the last
// one left it by a move of the table (or is a reply, which stays or leaves 待响应 for
// 处理中), the last one leaves the ticket in its state, and the ticket's times agree
// with it: a first response once it left 待响应, a resolve time while 已解决 or
// 已关闭, a close time while 已关闭. A state without its log line, or a line without
// its state, is half a move.
func checkTickets(db *gorm.DB) ([]string, error) {
	var ts []data.Ticket
	err := db.Preload("Events", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).Find(&ts).Error
	if err != nil {
		return nil, err
	}
	var bad []string
	for _, t := range ts {
		var chain []string
		at := data.TicketState("")
		for i, e := range t.Events {
			from, to := aftersales.State(e.From), aftersales.State(e.To)
			reply := from == to && from.CanReply()
			if e.From != at || (i == 0 && e.To != data.TicketWaiting) || (i > 0 && !reply && !aftersales.CanMove(from, to)) {
				chain = append(chain, fmt.Sprintf("%q→%q", e.From, e.To))
			}
			at = e.To
		}
		settled := t.State == data.TicketResolved || t.State == data.TicketClosed
		switch {
		case len(chain) > 0:
			bad = append(bad, fmt.Sprintf("ticket %d: log out of step at %s", t.ID, strings.Join(chain, ", ")))
		case at != t.State:
			bad = append(bad, fmt.Sprintf("ticket %d is %s, its log ends at %q", t.ID, t.State, at))
		case (t.FirstResponseAt != nil) != (len(t.Events) > 1):
			bad = append(bad, fmt.Sprintf("ticket %d: %d log lines, first response %v", t.ID, len(t.Events), t.FirstResponseAt))
		case (t.ResolvedAt != nil) != settled || (t.ClosedAt != nil) != (t.State == data.TicketClosed):
			bad = append(bad, fmt.Sprintf("ticket %d is %s, resolved %v, closed %v", t.ID, t.State, t.ResolvedAt, t.ClosedAt))
		}
	}
	return bad, nil
}

// breakResolvedTicket opens a ticket, answers it with a reply and resolves it (three
// whole saves), then breaks the database with sql, for TestCrashCheckerCatches.
func breakResolvedTicket(c *crashChild, tx *gorm.DB, sql string) error {
	for _, u := range []crashUnit{{Key: "tk-open", Seq: 3}, {Key: "tk-reply", Seq: 4}, {Key: "tk-resolve", Seq: 5}} {
		if err := writeTicket(c, &u); err != nil {
			return err
		}
	}
	return tx.Exec(sql).Error
}
